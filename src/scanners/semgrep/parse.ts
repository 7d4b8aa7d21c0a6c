import type { Region } from '../../findings/finding.js';

/** Semgrep's positions: 1-based lines, 1-based columns counted in UTF-8 bytes, end column exclusive. */
export interface SemgrepPosition {
  readonly line: number;
  readonly col: number;
}

/**
 * One match. `extra.lines` ("requires login" when logged out) and `extra.message` (which interpolates
 * matched source text into `$METAVARIABLE`s) are never read, so no source text can travel from here.
 */
export interface SemgrepResult {
  readonly checkId: string;
  readonly path: string;
  readonly start: SemgrepPosition;
  readonly end: SemgrepPosition;
  readonly severity?: string;
  /** The rule's own metadata block, copied by Semgrep from the rule file. */
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** An entry of Semgrep's `errors[]`. */
export interface SemgrepIssue {
  /** "error" | "warn" | "info". */
  readonly level: string;
  /** e.g. "Syntax error", "Timeout", "SemgrepError"; tuple types (["PartialParsing", …]) give their tag. */
  readonly type: string;
  /** May quote source text for target errors: only used for run-level errors, which are about rules. */
  readonly message: string;
  readonly path?: string;
  readonly ruleId?: string;
  readonly startLine?: number;
  readonly endLine?: number;
}

export interface SemgrepReport {
  readonly results: readonly SemgrepResult[];
  readonly errors: readonly SemgrepIssue[];
}

export class SemgrepReportError extends Error {}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses the report (`--json`, written to the report file as Semgrep's stdout). */
export function parseSemgrepReport(text: string): SemgrepReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new SemgrepReportError(`report is not JSON (${(cause as Error).message})`);
  }
  return parseSemgrepReportValue(data);
}

export function parseSemgrepReportValue(data: unknown): SemgrepReport {
  if (!isObject(data)) throw new SemgrepReportError('report is not a JSON object');
  if (!Array.isArray(data.results)) throw new SemgrepReportError('report.results is missing or not an array');
  const errors = data.errors ?? [];
  if (!Array.isArray(errors)) throw new SemgrepReportError('report.errors is not an array');
  return {
    results: data.results.map((item, index) => parseResult(item, `results[${index}]`)),
    errors: errors.map((item, index) => parseIssue(item, `errors[${index}]`)),
  };
}

function parseResult(item: unknown, where: string): SemgrepResult {
  if (!isObject(item)) throw new SemgrepReportError(`${where} is not an object`);
  const extra = isObject(item.extra) ? item.extra : {};
  return {
    checkId: requiredString(item, 'check_id', where),
    path: requiredString(item, 'path', where),
    start: position(item.start, `${where}.start`),
    end: position(item.end, `${where}.end`),
    ...(typeof extra.severity === 'string' ? { severity: extra.severity } : {}),
    metadata: isObject(extra.metadata) ? extra.metadata : {},
  };
}

function requiredString(record: JsonObject, name: string, where: string): string {
  const value = record[name];
  if (typeof value !== 'string' || value === '')
    throw new SemgrepReportError(`${where}.${name} is missing or not a string`);
  return value;
}

function position(value: unknown, where: string): SemgrepPosition {
  if (!isObject(value)) throw new SemgrepReportError(`${where} is not an object`);
  const { line, col } = value;
  if (!isPositiveInteger(line)) throw new SemgrepReportError(`${where}.line is not a positive integer`);
  if (!isPositiveInteger(col)) throw new SemgrepReportError(`${where}.col is not a positive integer`);
  return { line, col };
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function parseIssue(item: unknown, where: string): SemgrepIssue {
  if (!isObject(item)) throw new SemgrepReportError(`${where} is not an object`);
  const type = Array.isArray(item.type) ? (item.type[0] as unknown) : item.type;
  const span = Array.isArray(item.spans) && isObject(item.spans[0]) ? item.spans[0] : undefined;
  const path = firstString(item.path, span?.file);
  const startLine = isObject(span?.start) ? span.start.line : undefined;
  const endLine = isObject(span?.end) ? span.end.line : undefined;
  return {
    level: typeof item.level === 'string' ? item.level : 'error',
    type: typeof type === 'string' ? type : 'unknown',
    message: firstString(item.message, item.long_msg, item.short_msg) ?? '',
    ...(path === undefined ? {} : { path }),
    ...(typeof item.rule_id === 'string' ? { ruleId: item.rule_id } : {}),
    ...(isPositiveInteger(startLine) ? { startLine } : {}),
    ...(isPositiveInteger(endLine) ? { endLine } : {}),
  };
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value !== '');
}

/**
 * SARIF columns count UTF-16 code units, Semgrep's count UTF-8 bytes (seen with 1.180.0: `é日本` before a
 * match moves its column by 5 more than its 3 characters), so they are converted against the file's bytes.
 * Without the file the columns are dropped rather than guessed.
 */
export function semgrepRegion(result: SemgrepResult, source: Buffer | undefined): Region {
  const startLine = result.start.line;
  const endLine = Math.max(startLine, result.end.line);
  if (source === undefined) return { startLine, endLine };
  const starts = lineStarts(source);
  const startColumn = utf16Column(source, starts, startLine, result.start.col);
  const endColumn = utf16Column(source, starts, endLine, result.end.col);
  return {
    startLine,
    ...(startColumn === undefined ? {} : { startColumn }),
    endLine,
    ...(endColumn === undefined ? {} : { endColumn }),
  };
}

function lineStarts(source: Buffer): number[] {
  const starts = [0];
  for (let index = source.indexOf(0x0a); index !== -1; index = source.indexOf(0x0a, index + 1)) {
    starts.push(index + 1);
  }
  return starts;
}

function utf16Column(
  source: Buffer,
  starts: readonly number[],
  line: number,
  byteColumn: number,
): number | undefined {
  const lineStart = starts[line - 1];
  if (lineStart === undefined) return undefined;
  const lineEnd = starts[line] ?? source.length;
  const offset = lineStart + byteColumn - 1;
  if (offset > lineEnd) return undefined;
  return source.subarray(lineStart, offset).toString('utf8').length + 1;
}
