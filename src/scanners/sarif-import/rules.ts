import type { Precision, RuleDescriptor } from '../../findings/finding.js';
import { defaultScore, severityFromScore, severityRank, type Severity } from '../../findings/severity.js';
import type { SarifLevel } from '../../sarif/types.js';
import { cweFromTag, ruleTags } from './cwe.js';
import { cleanText } from './messages.js';
import type { Bag, ImportedComponent, ImportedDescriptor, ImportedResult, ImportedRun } from './model.js';

/**
 * How a SARIF `level` becomes a Vouch severity when no `security-severity` score is given. SARIF has no
 * "critical": only a score of 9 or more (GitHub's bands, severity.ts) makes a finding critical.
 */
export const LEVEL_SEVERITY: Readonly<Record<SarifLevel, Severity>> = {
  error: 'high',
  warning: 'medium',
  note: 'low',
  none: 'info',
};

const PRECISIONS: readonly Precision[] = ['very-high', 'high', 'medium', 'low'];
/** Rule id for results that name no rule at all. */
export const UNIDENTIFIED_RULE = 'unidentified';
const MAX_ID_LENGTH = 200;
const MAX_TAG_LENGTH = 64;
const MAX_HELP_LENGTH = 16_000;

/** A driver name as one safe rule-id segment: `CodeQL` → `codeql`, `ESLint SARIF` → `eslint-sarif`. */
export function toolSegment(driverName: string): string {
  const segment = driverName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 64);
  return segment === '' ? 'unknown-tool' : segment;
}

/** A tool's own rule id, kept as written apart from control characters and length. */
export function cleanRuleId(id: string): string {
  const cleaned = id
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, MAX_ID_LENGTH);
  return cleaned === '' ? UNIDENTIFIED_RULE : cleaned;
}

/** GitHub's `security-severity`: a numeric string in (0, 10]. A bare number is accepted too. */
export function securityScore(properties: Bag | undefined): number | undefined {
  const raw = properties?.['security-severity'];
  const value =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(raw)
        ? Number(raw)
        : NaN;
  return Number.isFinite(value) && value > 0 && value <= 10 ? value : undefined;
}

export interface Graded {
  readonly severity: Severity;
  readonly securitySeverity: number;
}

/**
 * A result's severity: its own `security-severity`, else its rule's, else its level. The level is the
 * result's `level`, else the rule's `defaultConfiguration.level`, else `warning` (SARIF §3.27.10); a
 * result whose `kind` is not `fail` (review, open, informational) has level `none`.
 */
export function gradeResult(result: ImportedResult, rule: ImportedDescriptor | undefined): Graded {
  const score = securityScore(result.properties) ?? securityScore(rule?.properties);
  if (score !== undefined) return { severity: severityFromScore(score), securitySeverity: score };
  const level =
    result.kind !== undefined && result.kind !== 'fail'
      ? 'none'
      : (result.level ?? rule?.defaultLevel ?? 'warning');
  const severity = LEVEL_SEVERITY[level];
  return { severity, securitySeverity: defaultScore(severity) };
}

function componentOf(run: ImportedRun, result: ImportedResult): ImportedComponent | undefined {
  const target = result.rule?.toolComponent;
  if (!target) return run.driver;
  // For rules, `toolComponent.index` indexes `tool.extensions` (SARIF §3.54.3); a name matches either.
  const byIndex = target.index === undefined ? undefined : run.extensions[target.index];
  if (byIndex) return byIndex;
  return [run.driver, ...run.extensions].find(
    (component) =>
      (target.guid !== undefined && component.guid === target.guid) ||
      (target.name !== undefined && component.name === target.name),
  );
}

/**
 * The rule a result refers to: by `rule.index`/`ruleIndex` in its component (the driver unless
 * `rule.toolComponent` names an extension, as CodeQL's query packs do), else by id in the driver and
 * then in every extension. An index that points at a rule with another id is not trusted.
 */
export function findRule(run: ImportedRun, result: ImportedResult): ImportedDescriptor | undefined {
  const id = result.ruleId ?? result.rule?.id;
  const component = componentOf(run, result);
  const index = result.rule?.index ?? result.ruleIndex;
  const indexed = index === undefined || index < 0 ? undefined : component?.rules[index];
  if (indexed && (id === undefined || indexed.id === id)) return indexed;
  if (id === undefined) return undefined;
  for (const candidate of [component, run.driver, ...run.extensions]) {
    const found = candidate && rulesById(candidate).get(id);
    if (found) return found;
  }
  return undefined;
}

const RULES_BY_ID = new WeakMap<ImportedComponent, ReadonlyMap<string, ImportedDescriptor>>();

/** Rules of a component by id (the first of a duplicated id), built once: runs can hold 25,000 rules. */
function rulesById(component: ImportedComponent): ReadonlyMap<string, ImportedDescriptor> {
  let byId = RULES_BY_ID.get(component);
  if (!byId) {
    const map = new Map<string, ImportedDescriptor>();
    for (const rule of component.rules) if (!map.has(rule.id)) map.set(rule.id, rule);
    byId = map;
    RULES_BY_ID.set(component, byId);
  }
  return byId;
}

/** The result's own rule id as the tool wrote it. */
export function originalRuleId(result: ImportedResult, rule: ImportedDescriptor | undefined): string {
  return cleanRuleId(result.ruleId ?? result.rule?.id ?? rule?.id ?? UNIDENTIFIED_RULE);
}

function precisionOf(rule: ImportedDescriptor | undefined): Precision {
  const declared = rule?.properties.precision;
  return PRECISIONS.find((precision) => precision === declared) ?? 'medium';
}

/** The tool's tags, minus CWE tags (Vouch renders those itself from `cwe`), plus where it came from. */
export function importedTags(rule: ImportedDescriptor | undefined, tool: string): string[] {
  const own = ruleTags(rule)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '' && tag.length <= MAX_TAG_LENGTH && cweFromTag(tag) === undefined);
  return [...new Set([`tool/${tool}`, ...own])];
}

function httpUri(uri: string | undefined): string | undefined {
  return uri !== undefined && /^https?:\/\//i.test(uri) ? uri : undefined;
}

export interface DescriptorInput {
  readonly ruleId: string;
  readonly originalId: string;
  readonly rule: ImportedDescriptor | undefined;
  readonly driver: ImportedComponent;
  readonly tool: string;
  readonly cwe: readonly string[];
  readonly graded: Graded;
}

/** A Vouch rule for an imported one; its severity is raised later to its most severe result's. */
export function describeRule(input: DescriptorInput): RuleDescriptor {
  const { rule, driver, originalId } = input;
  const tool = cleanText(driver.name) || input.tool;
  const name = cleanText(rule?.name ?? '') || originalId;
  const short =
    cleanText(rule?.shortDescription ?? '') ||
    (name === originalId ? `${tool} ${originalId}` : `${tool} ${originalId}: ${name}`);
  const full = cleanText(rule?.fullDescription ?? '') || short;
  const helpUri = httpUri(rule?.helpUri);
  const provenance = [tool, driver.version && cleanText(driver.version)].filter(Boolean).join(' ');
  const help = [
    (cleanText(rule?.help ?? '') || full).slice(0, MAX_HELP_LENGTH),
    '',
    `Reported by ${provenance} and imported by Vouch from its SARIF output.${helpUri ? ` See ${helpUri}.` : ''}`,
  ].join('\n');
  const score = securityScore(rule?.properties);
  return {
    id: input.ruleId,
    name,
    shortDescription: short,
    fullDescription: full,
    help,
    ...(helpUri ? { helpUri } : {}),
    severity: score === undefined ? input.graded.severity : severityFromScore(score),
    securitySeverity: score ?? input.graded.securitySeverity,
    precision: precisionOf(rule),
    cwe: input.cwe,
    asvs: [],
    tags: importedTags(rule, input.tool),
  };
}

/** `rule` with a severity at least as high as `graded`, unless the tool scored the rule itself. */
export function raiseSeverity(rule: RuleDescriptor, graded: Graded, scored: boolean): RuleDescriptor {
  if (scored || severityRank(graded.severity) >= severityRank(rule.severity)) return rule;
  return { ...rule, severity: graded.severity, securitySeverity: graded.securitySeverity };
}
