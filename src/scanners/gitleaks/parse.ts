export interface Leak {
  readonly ruleId: string;
  readonly description: string;
  readonly file: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly startColumn: number;
  readonly endColumn: number;
  /** In `gitleaks git` reports: the commit whose patch added the secret. */
  readonly commit?: string;
}

export class GitleaksReportError extends Error {}

/**
 * Parses Gitleaks' JSON report. Only location and rule fields are read: `Secret`, `Match` and `Line`
 * are never copied, even though --redact should already have masked them.
 */
export function parseGitleaksReport(text: string): Leak[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new GitleaksReportError(`report is not JSON (${(cause as Error).message})`);
  }
  if (data === null) return [];
  if (!Array.isArray(data))
    throw new GitleaksReportError(`report is not a JSON array (found ${typeof data})`);
  return data.map((item, index) => parseLeak(item, index));
}

function parseLeak(item: unknown, index: number): Leak {
  if (item === null || typeof item !== 'object')
    throw new GitleaksReportError(`report[${index}] is not an object`);
  const record = item as Record<string, unknown>;
  return {
    ruleId: stringField(record, 'RuleID', index),
    description: typeof record.Description === 'string' ? record.Description : '',
    file: stringField(record, 'File', index),
    startLine: lineField(record, 'StartLine', index),
    endLine: lineField(record, 'EndLine', index),
    startColumn: lineField(record, 'StartColumn', index),
    endColumn: lineField(record, 'EndColumn', index),
    ...commitField(record, index),
  };
}

function stringField(record: Record<string, unknown>, name: string, index: number): string {
  const value = record[name];
  if (typeof value !== 'string' || value === '')
    throw new GitleaksReportError(`report[${index}].${name} is missing or not a string`);
  return value;
}

function lineField(record: Record<string, unknown>, name: string, index: number): number {
  const value = record[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new GitleaksReportError(`report[${index}].${name} is not a non-negative integer`);
  }
  return value;
}

/** Absent or empty in `gitleaks dir` reports; a full sha in `gitleaks git` ones. */
function commitField(record: Record<string, unknown>, index: number): { commit?: string } {
  const value = record.Commit;
  if (value === undefined || value === '') return {};
  if (typeof value !== 'string' || !/^[0-9a-f]{40}$/.test(value))
    throw new GitleaksReportError(`report[${index}].Commit is not a commit sha`);
  return { commit: value };
}
