import { LineCounter, parseAllDocuments, type Document, type Scalar } from 'yaml';
import type { Detection, Precision, Region, RuleDescriptor } from '../../findings/finding.js';
import { isSeverity, severityFromScore, type Severity } from '../../findings/severity.js';
import type { ScanNote } from '../scanner.js';

/** One repository file as a check sees it: a repo-relative POSIX path and its UTF-8 text. */
export interface CheckFile {
  readonly path: string;
  readonly text: string;
}

/** What a check found in one file; a check that has nothing to say about a file returns `SKIP`. */
export interface CheckResult {
  readonly detections: readonly Detection[];
  readonly notes: readonly ScanNote[];
}

export const SKIP: CheckResult = { detections: [], notes: [] };

/** A builtin check: metadata from data/checks/<id>.json, a file filter, and a pure function over one file. */
export interface Check {
  readonly id: string;
  readonly rule: RuleDescriptor;
  /** Takes a repository-relative POSIX path. */
  appliesTo(path: string): boolean;
  /** Pure and synchronous; throwing is a bug, which the adapter reports as an `error` outcome. */
  run(file: CheckFile): CheckResult;
}

export interface CheckSpec {
  /** The parsed data/checks/<id>.json; validated here because JSON imports are typed only by their shape. */
  readonly meta: unknown;
  appliesTo(path: string): boolean;
  run(file: CheckFile, rule: RuleDescriptor): CheckResult;
}

export function defineCheck(spec: CheckSpec): Check {
  const rule = ruleFromMeta(spec.meta);
  const id = rule.name;
  return {
    id,
    rule,
    appliesTo: (path) => spec.appliesTo(path),
    run: (file) => spec.run(file, rule),
  };
}

const PRECISIONS: readonly Precision[] = ['very-high', 'high', 'medium', 'low'];
const CHECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function fail(id: string, field: string, expected: string): never {
  throw new Error(`data/checks/${id}.json: "${field}" must be ${expected}`);
}

function field(meta: Record<string, unknown>, id: string, name: string): string {
  const value = meta[name];
  if (typeof value !== 'string' || value.trim() === '') fail(id, name, 'a non-empty string');
  return value;
}

function list(meta: Record<string, unknown>, id: string, name: string, pattern: RegExp): string[] {
  const value = meta[name];
  if (!Array.isArray(value)) fail(id, name, 'an array');
  return value.map((item: unknown) => {
    if (typeof item !== 'string' || !pattern.test(item)) fail(id, name, `strings matching ${pattern.source}`);
    return item;
  });
}

/**
 * Builds the rule from a check's metadata. Broken shipped data is a bug, so this throws at module load
 * (every check is loaded by the registry test) rather than producing a rule GitHub would reject.
 */
export function ruleFromMeta(meta: unknown): RuleDescriptor {
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw new Error('check metadata must be a JSON object');
  }
  const record = meta as Record<string, unknown>;
  const rawId = record['id'];
  if (typeof rawId !== 'string' || !CHECK_ID.test(rawId))
    throw new Error('check metadata needs a kebab-case "id"');
  const severity = record['severity'];
  if (!isSeverity(severity)) fail(rawId, 'severity', 'critical, high, medium, low or info');
  const score = record['security-severity'];
  // GitHub derives the displayed level from the score alone, so the two must agree.
  if (typeof score !== 'number' || score <= 0 || score > 10 || severityFromScore(score) !== severity) {
    fail(rawId, 'security-severity', `a number in (0, 10] inside the "${severity}" band`);
  }
  const precision = record['precision'];
  if (!PRECISIONS.includes(precision as Precision)) fail(rawId, 'precision', PRECISIONS.join(', '));
  const helpUri = record['helpUri'];
  if (helpUri !== undefined && (typeof helpUri !== 'string' || !helpUri.startsWith('https://'))) {
    fail(rawId, 'helpUri', 'an https URL');
  }
  return {
    id: `builtin/${rawId}`,
    name: rawId,
    shortDescription: field(record, rawId, 'title'),
    fullDescription: field(record, rawId, 'description'),
    help: field(record, rawId, 'help'),
    ...(helpUri === undefined ? {} : { helpUri }),
    severity,
    securitySeverity: score,
    precision: precision as Precision,
    cwe: list(record, rawId, 'cwe', /^CWE-\d+$/),
    asvs: list(record, rawId, 'asvs', /^v5\.0\.0-\d+\.\d+\.\d+$/),
    tags: list(record, rawId, 'tags', /^\S+$/),
  };
}

export type YamlParse =
  | { readonly kind: 'parsed'; readonly documents: readonly Document.Parsed[]; readonly lines: LineCounter }
  | { readonly kind: 'unparsable'; readonly note: ScanNote };

/**
 * Parses every document of a YAML file. A file that does not parse becomes a note naming the file and
 * the line of the first error: the repository under test is hostile input and must never crash a check.
 */
export function parseYaml(file: CheckFile): YamlParse {
  const lines = new LineCounter();
  const documents = parseAllDocuments(file.text, { lineCounter: lines });
  for (const document of documents) {
    const error = document.errors[0];
    if (error === undefined) continue;
    const where = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
    // The library's message repeats the position and appends a source excerpt; keep only the reason.
    const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return {
      kind: 'unparsable',
      note: {
        path: file.path,
        message: `${file.path} was not checked: it is not valid YAML (line ${where.line}, column ${where.col}: ${reason})`,
      },
    };
  }
  return { kind: 'parsed', documents: [...documents], lines };
}

/**
 * The region of a scalar as written in the source. For quoted scalars the quotes are left out, so the
 * region starts at the value's first character (columns count UTF-16 code units, SARIF's default).
 */
export function scalarRegion(scalar: Scalar, lines: LineCounter): Region | undefined {
  if (!scalar.range) return undefined;
  const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
  const start = lines.linePos(scalar.range[0] + (quoted ? 1 : 0));
  const end = lines.linePos(Math.max(scalar.range[0], scalar.range[1] - (quoted ? 1 : 0)));
  return { startLine: start.line, startColumn: start.col, endLine: end.line, endColumn: end.col };
}

/** The region between two offsets of a file's text. */
export function offsetRegion(lines: LineCounter, start: number, end: number): Region {
  const from = lines.linePos(start);
  const to = lines.linePos(end);
  return { startLine: from.line, startColumn: from.col, endLine: to.line, endColumn: to.col };
}

const MAX_EVIDENCE = 200;

/** One finding of a check: its rule, where, what, the (already redacted) text it is about, and a severity when not the rule's. */
export function detectionOf(
  rule: RuleDescriptor,
  path: string,
  found: {
    readonly region?: Region;
    readonly message: string;
    readonly evidence: string;
    readonly severity?: Severity;
  },
): Detection {
  return {
    ruleId: rule.id,
    message: found.message,
    location: { path, ...(found.region ? { region: found.region } : {}) },
    evidence: found.evidence.slice(0, MAX_EVIDENCE),
    ...(found.severity ? { severity: found.severity } : {}),
  };
}
