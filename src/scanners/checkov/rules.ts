import data from '../../../data/scanners/checkov.json' with { type: 'json' };
import type { Precision, RuleDescriptor } from '../../findings/finding.js';
import { defaultScore, isSeverity, type Severity } from '../../findings/severity.js';
import type { CheckovResult } from './parse.js';

export interface CheckovFamily {
  readonly name: string;
  readonly summary: string;
  readonly cwe: readonly string[];
  readonly asvs: readonly string[];
  readonly tags: readonly string[];
  readonly precision: Precision;
}

export interface CheckEntry {
  readonly family: CheckovFamily;
  readonly severity: Severity;
  /** False when the severity came from a prefix default rather than Vouch's table. */
  readonly listed: boolean;
}

interface Table {
  readonly checks: ReadonlyMap<string, CheckEntry>;
  readonly defaults: readonly { readonly prefix: string; readonly entry: CheckEntry }[];
}

const PRECISIONS: readonly string[] = ['very-high', 'high', 'medium', 'low'];
const CWE_ID = /^CWE-\d+$/;
const ASVS_ID = /^v5\.0\.0-\d+\.\d+\.\d+$/;

/** Checkov's documentation lists each framework's checks on one page (docs/5.Policy Index/<framework>.md). */
const POLICY_INDEX = 'https://www.checkov.io/5.Policy%20Index/';

/** Validated once at load, so a mistake in data/scanners/checkov.json fails every test that imports this. */
const TABLE: Table = loadTable(data);

/** Vouch's family and severity for a check: listed in the table, else the first matching prefix default. */
export function tableEntry(checkId: string): CheckEntry {
  const listed = TABLE.checks.get(checkId);
  if (listed) return listed;
  // Graph checks (CKV2_AWS_6) belong to the same provider as CKV_AWS_*.
  const normalized = checkId.replace(/^CKV2_/, 'CKV_');
  const match = TABLE.defaults.find((entry) => normalized.startsWith(entry.prefix));
  if (!match) throw new Error(`data/scanners/checkov.json has no default for ${checkId}`);
  return match.entry;
}

/** Checkov's JSON names a check and little else offline, so the rest comes from Vouch's table. */
export function checkovRule(result: CheckovResult): RuleDescriptor {
  const { family, severity } = tableEntry(result.checkId);
  const name = result.checkName.replace(/\.$/, '');
  const helpUri = result.guideline ?? `${POLICY_INDEX}${encodeURIComponent(result.checkType)}.html`;
  return {
    id: `checkov/${result.checkId}`,
    name,
    shortDescription: clip(name, 1024),
    fullDescription: clip(
      `Checkov ${result.checkId} (${result.checkType}): ${name}. ${family.summary}`,
      1024,
    ),
    help: [
      `**${name}** (Checkov ${result.checkId}, ${result.checkType}).`,
      '',
      family.summary,
      '',
      `Change the resource so the check passes; ${helpUri} describes it. Inline \`checkov:skip\` comments are not honoured by Vouch: if the exception is intended, add a Vouch suppression with a reason, an owner and an expiry date.`,
    ].join('\n'),
    helpUri,
    severity,
    securitySeverity: defaultScore(severity),
    precision: family.precision,
    cwe: family.cwe,
    asvs: family.asvs,
    tags: [...new Set(['iac', result.checkType, ...family.tags])],
  };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function loadTable(raw: unknown): Table {
  const root = record(raw, 'checkov.json');
  const families = record(root.families, 'families');
  const checks = new Map<string, CheckEntry>();
  const byName = new Map<string, CheckovFamily>();
  for (const [name, value] of Object.entries(families)) {
    const entry = record(value, `families.${name}`);
    const family = parseFamily(name, entry);
    byName.set(name, family);
    for (const [level, ids] of Object.entries(record(entry.checks, `families.${name}.checks`))) {
      const severity = severityOf(level, `families.${name}.checks`);
      for (const id of strings(ids, `families.${name}.checks.${level}`)) {
        if (checks.has(id)) throw new Error(`checkov.json lists ${id} twice`);
        checks.set(id, { family, severity, listed: true });
      }
    }
  }
  const defaults = list(root.defaults, 'defaults').map((value, index) => {
    const entry = record(value, `defaults[${index}]`);
    const family = byName.get(String(entry.family));
    if (!family || typeof entry.prefix !== 'string')
      throw new Error(`checkov.json defaults[${index}] needs a prefix and a known family`);
    const severity = severityOf(entry.severity, `defaults[${index}].severity`);
    return { prefix: entry.prefix, entry: { family, severity, listed: false } };
  });
  if (!defaults.some((entry) => entry.prefix === ''))
    throw new Error('checkov.json defaults need a catch-all entry with prefix ""');
  return { checks, defaults };
}

function parseFamily(name: string, entry: Record<string, unknown>): CheckovFamily {
  const where = `families.${name}`;
  const cwe = strings(entry.cwe, `${where}.cwe`);
  const asvs = strings(entry.asvs, `${where}.asvs`);
  if (!cwe.every((id) => CWE_ID.test(id)) || !asvs.every((id) => ASVS_ID.test(id)))
    throw new Error(`checkov.json ${where} has a malformed CWE or ASVS id`);
  if (typeof entry.summary !== 'string' || !PRECISIONS.includes(String(entry.precision)))
    throw new Error(`checkov.json ${where} needs a summary and a precision`);
  return {
    name,
    summary: entry.summary,
    cwe,
    asvs,
    tags: strings(entry.tags, `${where}.tags`),
    precision: entry.precision as Precision,
  };
}

function severityOf(value: unknown, where: string): Severity {
  if (!isSeverity(value)) throw new Error(`checkov.json ${where}: ${String(value)} is not a severity`);
  return value;
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`checkov.json ${where} is not an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`checkov.json ${where} is not an array`);
  return value;
}

function strings(value: unknown, where: string): string[] {
  const items = list(value, where);
  if (!items.every((item) => typeof item === 'string' && item !== ''))
    throw new Error(`checkov.json ${where} holds something other than strings`);
  return items as string[];
}
