import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { ProcessResult } from '../../../src/core/ports.js';
import { classifyCheckov, type ReportRead } from '../../../src/scanners/checkov/classify.js';
import { parseCheckovReport, type CheckovReport } from '../../../src/scanners/checkov/parse.js';

const result = {
  checkType: 'terraform',
  checkId: 'CKV_AWS_20',
  checkName: 'n',
  filePath: '/main.tf',
  lineRange: [1, 4] as const,
};
const exited = (exitCode: number | null, signal: string | null = null): ProcessResult => ({
  kind: 'exited',
  exitCode,
  signal,
  stdout: '',
  stderrTail: 'tail',
  durationMs: 10,
});
/** `failed` failed checks spread over two frameworks, plus a parsing error that never changes the outcome. */
const report = (failed: number): CheckovReport => ({
  frameworks: [
    {
      checkType: 'terraform',
      failed: Array.from({ length: failed }, () => result),
      skipped: [],
      parsingErrors: [],
    },
    { checkType: 'secrets', failed: [], skipped: [], parsingErrors: ['/r/broken.tf'] },
  ],
});
const parsed = (failed: number): ReportRead => ({ kind: 'parsed', report: report(failed) });
const bareSummary: ReportRead = {
  kind: 'parsed',
  report: parseCheckovReport(readFileSync('__fixtures__/checkov/report-no-files.json', 'utf8')),
};
const missing: ReportRead = { kind: 'missing' };
const invalid: ReportRead = { kind: 'invalid', message: 'report is not JSON' };

// One row per line of the table in classify.ts; every row has five entries, or jest reads the last
// parameter as a `done` callback.
describe('classifyCheckov', () => {
  it.each<[string, ProcessResult, ReportRead, string, string?]>([
    [
      'not found',
      { kind: 'spawn-error', errorCode: 'ENOENT', message: 'spawn checkov ENOENT' },
      missing,
      'error',
      'NOT_INSTALLED',
    ],
    [
      'could not spawn',
      { kind: 'spawn-error', errorCode: 'EACCES', message: 'EACCES' },
      missing,
      'error',
      'SPAWN_FAILED',
    ],
    ['timed out', { kind: 'timeout', stderrTail: '', durationMs: 5000 }, missing, 'error', 'TIMEOUT'],
    ['exit 0, no failed checks', exited(0), parsed(0), 'clean', undefined],
    ['exit 0, bare summary (no IaC files)', exited(0), bareSummary, 'clean', undefined],
    ['exit 0 but failed checks', exited(0), parsed(1), 'error', 'BAD_OUTPUT'],
    ['exit 1 with failed checks', exited(1), parsed(2), 'findings', undefined],
    ['exit 1, no failed checks', exited(1), parsed(0), 'error', 'BAD_OUTPUT'],
    ['exit 0, report missing', exited(0), missing, 'error', 'BAD_OUTPUT'],
    ['exit 1, report garbage', exited(1), invalid, 'error', 'BAD_OUTPUT'],
    ['exit 2 (crash)', exited(2), missing, 'error', 'CRASHED'],
    ['killed by a signal', exited(null, 'SIGKILL'), missing, 'error', 'CRASHED'],
  ])('%s', (_row, processResult, reportRead, kind, code) => {
    const classification = classifyCheckov(processResult, reportRead);
    expect(classification.kind).toBe(kind);
    if (classification.kind === 'error') expect(classification.code).toBe(code);
    if (classification.kind === 'findings') expect(classification.report).toEqual(report(2));
  });

  it('hands the report on with a clean outcome, so parsing errors still become notes', () => {
    expect(classifyCheckov(exited(0), parsed(0))).toEqual({ kind: 'clean', report: report(0) });
  });

  it('says what went wrong', () => {
    expect(classifyCheckov(exited(null, 'SIGKILL'), missing)).toMatchObject({
      message: 'checkov was killed by SIGKILL',
    });
    expect(classifyCheckov(exited(2), parsed(1))).toMatchObject({ message: 'checkov exited with code 2' });
    expect(classifyCheckov(exited(0), parsed(3))).toMatchObject({
      message: 'checkov exit code 0 contradicts its report (3 failed checks)',
    });
    expect(classifyCheckov(exited(1), invalid)).toMatchObject({
      message: 'unreadable checkov report: report is not JSON',
    });
  });
});
