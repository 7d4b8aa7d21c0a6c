/** One failed or skipped check. Only ids, names, paths and line ranges are read from Checkov's records. */
export interface CheckovResult {
  /** The framework that reported it (`terraform`, `kubernetes`, `secrets`, …). */
  readonly checkType: string;
  readonly checkId: string;
  readonly checkName: string;
  /** As Checkov wrote it: relative to the scanned directory, with a leading `/` (absolute in some reports). */
  readonly filePath?: string;
  /** `file_abs_path`: where Checkov read the file; preferred when present. */
  readonly absolutePath?: string;
  /** Checkov's `[first, last]` lines; absent when the report has no usable range. */
  readonly lineRange?: readonly [number, number];
  /** `aws_s3_bucket.logs`, `Deployment.shop.web`, …; for secrets a hash of the value, so never shown. */
  readonly resource?: string;
  readonly guideline?: string;
}

export interface CheckovFramework {
  readonly checkType: string;
  readonly failed: readonly CheckovResult[];
  /** Skipped by an inline `checkov:skip` comment or annotation: Vouch passes no skip options. */
  readonly skipped: readonly CheckovResult[];
  /** Absolute paths of files the framework could not parse. */
  readonly parsingErrors: readonly string[];
}

export interface CheckovReport {
  readonly frameworks: readonly CheckovFramework[];
  /** Checkov's bare summary: no framework had a result (no file it checks, or none with a checked resource). */
  readonly summaryOnly?: boolean;
}

export class CheckovReportError extends Error {}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Parses `results_json.json`. Checkov writes one framework object when one framework had results, an
 * array of them when several did, and a bare summary (`{"passed": 0, "failed": 0, …}`) when none did.
 * `code_block`, `check_result.entity` and `details` are never read: for secrets they hold the line with
 * the value partly masked.
 */
export function parseCheckovReport(text: string): CheckovReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new CheckovReportError(`report is not JSON (${(cause as Error).message})`);
  }
  if (Array.isArray(data)) {
    // Checkov writes a summary object when no framework has results, never an empty list.
    if (data.length === 0)
      throw new CheckovReportError('report is an empty list, which Checkov never writes');
    return { frameworks: data.map((item, index) => parseFramework(item, `[${index}]`)) };
  }
  if (!isObject(data)) throw new CheckovReportError('report is neither a JSON object nor an array');
  if ('results' in data || 'check_type' in data) return { frameworks: [parseFramework(data, '')] };
  if (typeof data.failed === 'number' && typeof data.passed === 'number') {
    if (data.failed !== 0)
      throw new CheckovReportError(`report is a summary of ${data.failed} failed checks without results`);
    return { frameworks: [], summaryOnly: true };
  }
  throw new CheckovReportError('report has neither framework results nor a summary');
}

function parseFramework(item: unknown, where: string): CheckovFramework {
  if (!isObject(item)) throw new CheckovReportError(`report${where} is not an object`);
  const checkType = item.check_type;
  if (typeof checkType !== 'string' || checkType === '')
    throw new CheckovReportError(`report${where}.check_type is missing or not a string`);
  const results = item.results;
  if (!isObject(results)) throw new CheckovReportError(`report${where}.results is not an object`);
  const at = `report${where}.results`;
  return {
    checkType,
    failed: recordList(results.failed_checks, `${at}.failed_checks`, true).map((record, index) =>
      parseResult(record, checkType, `${at}.failed_checks[${index}]`),
    ),
    skipped: recordList(results.skipped_checks, `${at}.skipped_checks`, false).map((record, index) =>
      parseResult(record, checkType, `${at}.skipped_checks[${index}]`),
    ),
    parsingErrors: recordList(results.parsing_errors, `${at}.parsing_errors`, false).filter(
      (path): path is string => typeof path === 'string' && path !== '',
    ),
  };
}

/** `--quiet` would drop skipped_checks and parsing_errors, so only failed_checks is required. */
function recordList(value: unknown, where: string, required: boolean): unknown[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) throw new CheckovReportError(`${where} is missing or not an array`);
  return value;
}

function parseResult(item: unknown, checkType: string, where: string): CheckovResult {
  if (!isObject(item)) throw new CheckovReportError(`${where} is not an object`);
  const checkId = requiredString(item, 'check_id', where);
  const lineRange = range(item.file_line_range);
  const resource = optionalString(item.resource);
  const guideline = optionalString(item.guideline);
  const filePath = optionalString(item.file_path);
  const absolutePath = optionalString(item.file_abs_path);
  if (filePath === undefined && absolutePath === undefined)
    throw new CheckovReportError(`${where} has neither file_path nor file_abs_path`);
  return {
    checkType,
    checkId,
    checkName: optionalString(item.check_name) ?? checkId,
    ...(filePath === undefined ? {} : { filePath }),
    ...(absolutePath === undefined ? {} : { absolutePath }),
    ...(lineRange === undefined ? {} : { lineRange }),
    ...(resource === undefined ? {} : { resource }),
    ...(guideline !== undefined && /^https?:\/\//.test(guideline) ? { guideline } : {}),
  };
}

function requiredString(record: JsonObject, name: string, where: string): string {
  const value = record[name];
  if (typeof value !== 'string' || value === '')
    throw new CheckovReportError(`${where}.${name} is missing or not a string`);
  return value;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A range Vouch cannot use locates the result at the file instead of failing the whole report. */
function range(value: unknown): readonly [number, number] | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [first, last] = value as unknown[];
  return isLine(first) && isLine(last) ? [first, last] : undefined;
}

function isLine(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
