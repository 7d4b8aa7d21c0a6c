export interface OsvPackage {
  readonly name: string;
  /** Empty when the manifest does not pin one (`jinja2>=2.0`). */
  readonly version: string;
  readonly ecosystem: string;
}

export interface OsvSeverityEntry {
  /** `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `Ubuntu`. */
  readonly type: string;
  readonly score: string;
}

export interface OsvAffected {
  readonly name: string;
  readonly ecosystem: string;
  /** Every `fixed` event of the entry's ranges. */
  readonly fixed: readonly string[];
}

/** One OSV record, reduced to what Vouch shows; https://ossf.github.io/osv-schema/ */
export interface OsvAdvisory {
  readonly id: string;
  readonly summary: string;
  readonly details: string;
  readonly aliases: readonly string[];
  readonly severity: readonly OsvSeverityEntry[];
  /** GitHub advisories' `database_specific.severity`: CRITICAL, HIGH, MODERATE, LOW. */
  readonly databaseSeverity?: string;
  /** `database_specific.cwe_ids`. */
  readonly cwes: readonly string[];
  readonly affected: readonly OsvAffected[];
  readonly references: readonly string[];
}

/** One vulnerability as osv-scanner groups its aliased records, found in one package of one source. */
export interface VulnerablePackage {
  /** As osv-scanner reports it: absolute. */
  readonly sourcePath: string;
  readonly package: OsvPackage;
  /** Sorted, as osv-scanner sorts them. */
  readonly ids: readonly string[];
  /** Every alias and id of the group. */
  readonly aliases: readonly string[];
  readonly advisories: readonly OsvAdvisory[];
}

export interface OsvReport {
  readonly vulnerable: readonly VulnerablePackage[];
  /** Groups osv-scanner judged uncalled or unimportant; they do not change its exit code. */
  readonly hidden: readonly VulnerablePackage[];
}

export class OsvReportError extends Error {}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(record: Json, key: string): string {
  const value = record[key];
  return typeof value === 'string' ? value : '';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function records(value: unknown, where: string): Json[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new OsvReportError(`${where} is not an array`);
  return value.map((item, index) => {
    if (!isRecord(item)) throw new OsvReportError(`${where}[${index}] is not an object`);
    return item;
  });
}

/**
 * Parses osv-scanner's `--format json` report. Structure (results, sources, packages, groups, ids) is
 * checked and a violation rejects the report; descriptive advisory fields are optional and a wrongly
 * typed one is read as absent, so an odd advisory cannot hide the findings next to it.
 */
export function parseOsvReport(content: string): OsvReport {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (cause) {
    throw new OsvReportError(`report is not JSON (${(cause as Error).message})`);
  }
  if (!isRecord(data)) throw new OsvReportError('report is not a JSON object');
  if (!Array.isArray(data.results)) throw new OsvReportError('report has no "results" array');
  const vulnerable: VulnerablePackage[] = [];
  const hidden: VulnerablePackage[] = [];
  for (const [index, result] of records(data.results, 'results').entries()) {
    const where = `results[${index}]`;
    const source = result.source;
    if (!isRecord(source) || typeof source.path !== 'string' || source.path === '')
      throw new OsvReportError(`${where}.source.path is missing or not a string`);
    for (const [p, entry] of records(result.packages, `${where}.packages`).entries()) {
      const groups = parsePackage(source.path, entry, `${where}.packages[${p}]`);
      vulnerable.push(...groups.vulnerable);
      hidden.push(...groups.hidden);
    }
  }
  return { vulnerable, hidden };
}

function parsePackage(sourcePath: string, entry: Json, where: string): OsvReport {
  const pkg = entry.package;
  if (!isRecord(pkg) || typeof pkg.name !== 'string' || pkg.name === '' || typeof pkg.ecosystem !== 'string')
    throw new OsvReportError(`${where}.package needs a name and an ecosystem`);
  const osvPackage = { name: pkg.name, version: text(pkg, 'version'), ecosystem: pkg.ecosystem };
  const advisories = new Map<string, OsvAdvisory>();
  for (const [v, record] of records(entry.vulnerabilities, `${where}.vulnerabilities`).entries()) {
    const advisory = parseAdvisory(record, `${where}.vulnerabilities[${v}]`);
    advisories.set(advisory.id, advisory);
  }
  const vulnerable: VulnerablePackage[] = [];
  const hidden: VulnerablePackage[] = [];
  const grouped = new Set<string>();
  for (const [g, group] of records(entry.groups, `${where}.groups`).entries()) {
    const ids = strings(group.ids);
    if (ids.length === 0) throw new OsvReportError(`${where}.groups[${g}].ids is empty`);
    const members = ids.map((id) => advisories.get(id));
    if (members.some((member) => member === undefined))
      throw new OsvReportError(`${where}.groups[${g}] names an id missing from its vulnerabilities`);
    ids.forEach((id) => grouped.add(id));
    const found = {
      sourcePath,
      package: osvPackage,
      ids,
      aliases: [...new Set([...strings(group.aliases), ...ids])],
      advisories: members.filter((member) => member !== undefined),
    };
    (isHidden(group.experimental_analysis) ? hidden : vulnerable).push(found);
  }
  // Not seen from osv-scanner, but a record outside every group is still a vulnerability.
  for (const advisory of advisories.values()) {
    if (grouped.has(advisory.id)) continue;
    const aliases = [advisory.id, ...advisory.aliases];
    vulnerable.push({ sourcePath, package: osvPackage, ids: [advisory.id], aliases, advisories: [advisory] });
  }
  return { vulnerable, hidden };
}

/** Mirrors osv-scanner's GroupInfo.IsCalled / IsGroupUnimportant (pkg/models/results.go). */
function isHidden(analysis: unknown): boolean {
  if (!isRecord(analysis)) return false;
  const entries = Object.values(analysis).filter(isRecord);
  if (entries.length === 0) return false;
  const called = entries.some((entry) => entry.called === true);
  const unimportant = entries.some((entry) => entry.unimportant === true);
  return !called || unimportant;
}

function parseAdvisory(record: Json, where: string): OsvAdvisory {
  if (typeof record.id !== 'string' || record.id === '')
    throw new OsvReportError(`${where}.id is missing or not a string`);
  const specific = isRecord(record.database_specific) ? record.database_specific : {};
  const severity = Array.isArray(record.severity) ? record.severity.filter(isRecord) : [];
  const references = Array.isArray(record.references) ? record.references.filter(isRecord) : [];
  const affected = Array.isArray(record.affected) ? record.affected.filter(isRecord) : [];
  const databaseSeverity = text(specific, 'severity');
  return {
    id: record.id,
    summary: text(record, 'summary').trim(),
    details: text(record, 'details').trim(),
    aliases: strings(record.aliases),
    severity: severity.map((entry) => ({ type: text(entry, 'type'), score: text(entry, 'score') })),
    ...(databaseSeverity ? { databaseSeverity } : {}),
    cwes: strings(specific.cwe_ids).filter((cwe) => /^CWE-\d+$/.test(cwe)),
    affected: affected.map(parseAffected),
    references: references.map((entry) => text(entry, 'url')).filter((url) => /^https?:\/\//.test(url)),
  };
}

function parseAffected(entry: Json): OsvAffected {
  const pkg = isRecord(entry.package) ? entry.package : {};
  const ranges = Array.isArray(entry.ranges) ? entry.ranges.filter(isRecord) : [];
  const fixed = ranges.flatMap((range) =>
    (Array.isArray(range.events) ? range.events.filter(isRecord) : []).map((event) => text(event, 'fixed')),
  );
  return {
    name: text(pkg, 'name'),
    ecosystem: text(pkg, 'ecosystem'),
    fixed: [...new Set(fixed.filter((version) => version !== ''))],
  };
}
