import type { Finding, Region, RuleDescriptor } from '../findings/finding.js';
import { defaultScore, type Severity } from '../findings/severity.js';
import { owaspCategories } from '../findings/taxonomy.js';
import type { EnforcementMode } from '../policy/policy.js';
import type { ToolInfo } from '../scanners/scanner.js';
import { cweTag, EDITIONS, relationships, taxonomies, type RuleCategories } from './taxonomy.js';
import type {
  SarifLevel,
  SarifLog,
  SarifRegion,
  SarifReportingDescriptor,
  SarifResult,
  SarifRun,
  SarifToolComponent,
} from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub rejects rule descriptions longer than this. */
export const MAX_DESCRIPTION_LENGTH = 1024;
/** GitHub keeps at most this many tags per rule. */
export const MAX_TAGS = 20;

export interface SarifRunInput {
  readonly tool: ToolInfo;
  readonly rules: readonly RuleDescriptor[];
  readonly findings: readonly Finding[];
}

/** What the policy made of a result, carried into SARIF so code scanning shows it too. */
export interface ResultAnnotation {
  /** Set when a live suppression covers the finding. */
  readonly suppression?: string;
  /** Set in new-only mode. */
  readonly baselineState?: 'new' | 'unchanged';
  /** How the policy enforces the finding (`block`, `warn`, `report`). */
  readonly mode?: EnforcementMode;
}

export interface SarifInput {
  readonly vouchVersion: string;
  readonly runs: readonly SarifRunInput[];
  readonly annotate?: (finding: Finding) => ResultAnnotation | undefined;
}

const LEVELS: Readonly<Record<Severity, SarifLevel>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

export function sarifLevel(severity: Severity): SarifLevel {
  return LEVELS[severity];
}

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** Characters a URI path segment may carry unencoded (RFC 3986 `pchar`). */
const NOT_PCHAR = /[^A-Za-z0-9\-._~!$&'()*+,;=:@]/gu;

/** Code-unit order, so output does not depend on the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** GitHub rejects empty and over-long descriptions; fall back, then cut on a code-point boundary. */
function boundedText(...candidates: readonly string[]): string {
  const text = candidates.map((candidate) => candidate.trim()).find((candidate) => candidate !== '') ?? '';
  if (text.length <= MAX_DESCRIPTION_LENGTH) return text;
  const cut = text.slice(0, MAX_DESCRIPTION_LENGTH - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** GitHub's `security-severity`: a numeric string in (0, 10], one decimal. */
function securitySeverity(rule: RuleDescriptor): string {
  const score =
    Number.isFinite(rule.securitySeverity) && rule.securitySeverity > 0
      ? rule.securitySeverity
      : defaultScore(rule.severity);
  return Math.min(10, Math.max(0.1, Math.round(score * 10) / 10)).toFixed(1);
}

function ruleTags(rule: RuleDescriptor, categories: RuleCategories): string[] {
  const security = rule.severity !== 'info';
  const tags = [
    ...(security ? ['security'] : []),
    ...rule.cwe.map(cweTag),
    ...EDITIONS.flatMap((edition) =>
      categories[edition].map((category) => `owasp-top10-${edition}/${category.id.split(':')[0] ?? ''}`),
    ),
    ...rule.tags.map((tag) => tag.trim()).filter((tag) => security || tag !== 'security'),
  ];
  const kept = tags.filter((tag): tag is string => tag !== undefined && tag !== '');
  return [...new Set(kept)].slice(0, MAX_TAGS);
}

function renderRule(
  rule: RuleDescriptor,
  categories: RuleCategories,
  runTaxonomies: readonly SarifToolComponent[],
): SarifReportingDescriptor {
  const shortDescription = boundedText(rule.shortDescription, rule.name, rule.id);
  const help = rule.help.trim() === '' ? boundedText(rule.fullDescription, shortDescription) : rule.help;
  const related = relationships(categories, runTaxonomies);
  return {
    id: rule.id,
    name: rule.name.trim() === '' ? rule.id : rule.name,
    shortDescription: { text: shortDescription },
    fullDescription: { text: boundedText(rule.fullDescription, shortDescription) },
    help: { text: help, markdown: help },
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    ...(related.length > 0 ? { relationships: related } : {}),
    properties: {
      tags: ruleTags(rule, categories),
      precision: rule.precision,
      ...(rule.severity === 'info' ? {} : { 'security-severity': securitySeverity(rule) }),
    },
  };
}

/** A repository-relative URI reference; the path contract already excludes absolute paths and `..`. */
function artifactUri(path: string): string {
  const segments = path.replace(/^(?:\.\/)+/, '').split('/');
  if (path === '' || path.startsWith('/') || segments.includes('..')) {
    throw new Error(`SARIF: finding path ${JSON.stringify(path)} is not repository-relative`);
  }
  return segments
    .map((segment, index) => {
      const encoded = segment.replace(NOT_PCHAR, (char) => {
        try {
          return encodeURIComponent(char);
        } catch {
          return '%EF%BF%BD'; // a lone surrogate: encode U+FFFD as a decoder would have produced it
        }
      });
      // A colon in the first segment would read as a URI scheme.
      return index === 0 ? encoded.replaceAll(':', '%3A') : encoded;
    })
    .join('/');
}

function renderRegion(region: Region | undefined, where: string): SarifRegion {
  // GitHub needs a start line; a result about the whole file is placed on line 1, as its uploader does.
  if (!region) return { startLine: 1 };
  const positive = (value: number | undefined): value is number =>
    Number.isInteger(value) && (value ?? 0) >= 1;
  if (!positive(region.startLine))
    throw new Error(`SARIF: ${where} has invalid start line ${String(region.startLine)}`);
  return {
    startLine: region.startLine,
    ...(positive(region.startColumn) ? { startColumn: region.startColumn } : {}),
    ...(positive(region.endLine) && region.endLine >= region.startLine ? { endLine: region.endLine } : {}),
    ...(positive(region.endColumn) ? { endColumn: region.endColumn } : {}),
  };
}

/** Evidence is deliberately not emitted: even redacted, it does not belong in a file uploaded to GitHub. */
function renderResult(
  finding: Finding,
  ruleIndex: number,
  rule: RuleDescriptor,
  annotation: ResultAnnotation | undefined,
): SarifResult {
  const where = `${finding.ruleId} in ${finding.location.path}`;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: {
      text:
        finding.message.trim() === ''
          ? boundedText(rule.shortDescription, rule.name, rule.id)
          : finding.message,
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(finding.location.path), uriBaseId: '%SRCROOT%' },
          region: renderRegion(finding.location.region, where),
        },
      },
    ],
    ...(finding.lineHash ? { partialFingerprints: { primaryLocationLineHash: finding.lineHash } } : {}),
    ...(annotation?.suppression
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: annotation.suppression }] }
      : {}),
    ...(annotation?.baselineState ? { baselineState: annotation.baselineState } : {}),
    properties: {
      'vouch/fingerprint': finding.fingerprint,
      'vouch/severity': finding.severity,
      'vouch/role': finding.role,
      ...(annotation?.mode ? { 'vouch/mode': annotation.mode } : {}),
      ...(finding.secret ? { 'vouch/secret': finding.secret } : {}),
      tags: [`role:${finding.role}`],
      ...(finding.alsoReportedBy.length > 0
        ? { 'vouch/also-reported-by': [...finding.alsoReportedBy].sort(compare) }
        : {}),
    },
  };
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    compare(a.location.path, b.location.path) ||
    (a.location.region?.startLine ?? 1) - (b.location.region?.startLine ?? 1) ||
    (a.location.region?.startColumn ?? 0) - (b.location.region?.startColumn ?? 0) ||
    compare(a.ruleId, b.ruleId) ||
    compare(a.fingerprint, b.fingerprint)
  );
}

function versionFields(version: string | undefined): Pick<SarifToolComponent, 'version' | 'semanticVersion'> {
  if (version === undefined || version.trim() === '') return {};
  return SEMVER.test(version) ? { version, semanticVersion: version } : { version };
}

interface DescribedRule {
  readonly rule: RuleDescriptor;
  readonly categories: RuleCategories;
}

/** Rules sorted by id, with their OWASP categories; a rule listed twice is a programming error. */
function describeRules(tool: ToolInfo, rules: readonly RuleDescriptor[]): DescribedRule[] {
  const seen = new Set<string>();
  return [...rules]
    .sort((a, b) => compare(a.id, b.id))
    .map((rule) => {
      if (rule.id.trim() === '') throw new Error(`SARIF: a rule of ${tool.name} has an empty id`);
      if (seen.has(rule.id)) throw new Error(`SARIF: rule ${rule.id} is listed twice for ${tool.name}`);
      seen.add(rule.id);
      return {
        rule,
        categories: { '2021': owaspCategories(rule.cwe, '2021'), '2025': owaspCategories(rule.cwe, '2025') },
      };
    });
}

function renderResults(
  tool: ToolInfo,
  rules: readonly DescribedRule[],
  findings: readonly Finding[],
  annotate: SarifInput['annotate'],
): SarifResult[] {
  const indexById = new Map(rules.map(({ rule }, index) => [rule.id, index]));
  return [...findings].sort(compareFindings).map((finding) => {
    const index = indexById.get(finding.ruleId);
    const described = index === undefined ? undefined : rules[index];
    if (index === undefined || !described) {
      throw new Error(`SARIF: finding of unknown rule ${finding.ruleId} in the ${tool.name} run`);
    }
    return renderResult(finding, index, described.rule, annotate?.(finding));
  });
}

function renderRun(input: SarifRunInput, vouchVersion: string, annotate: SarifInput['annotate']): SarifRun {
  const { tool } = input;
  const rules = describeRules(tool, input.rules);
  const runTaxonomies = taxonomies(rules.map(({ categories }) => categories));
  return {
    tool: {
      driver: {
        name: tool.name,
        ...versionFields(tool.version),
        ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
        rules: rules.map(({ rule, categories }) => renderRule(rule, categories, runTaxonomies)),
        supportedTaxonomies: runTaxonomies.map((taxonomy, index) => ({ name: taxonomy.name, index })),
      },
    },
    conversion: { tool: { driver: { name: 'Vouch', ...versionFields(vouchVersion) } } },
    automationDetails: { id: `vouch/${tool.name}/` },
    taxonomies: runTaxonomies,
    results: renderResults(tool, rules, input.findings, annotate),
  };
}

/**
 * One SARIF run per tool, shaped for GitHub code scanning (FACTS.md, "GitHub code scanning and SARIF").
 * Throws on programming errors: two runs for one tool, a finding of an unlisted rule, a non-relative path.
 */
export function renderSarif(input: SarifInput): SarifLog {
  const names = new Set<string>();
  for (const { tool } of input.runs) {
    if (tool.name.trim() === '') throw new Error('SARIF: a run has an empty tool name');
    if (names.has(tool.name)) throw new Error(`SARIF: two runs share the tool name ${tool.name}`);
    names.add(tool.name);
  }
  const runs = [...input.runs]
    .sort((a, b) => compare(a.tool.name, b.tool.name))
    .map((run) => renderRun(run, input.vouchVersion, input.annotate));
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs };
}
