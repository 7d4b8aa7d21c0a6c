import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { ProcessResult } from '../../../src/core/ports.js';
import { classifySemgrep, type ReportRead } from '../../../src/scanners/semgrep/classify.js';
import {
  parseSemgrepReport,
  type SemgrepIssue,
  type SemgrepResult,
} from '../../../src/scanners/semgrep/parse.js';

const exited = (exitCode: number | null, signal: string | null = null): ProcessResult => ({
  kind: 'exited',
  exitCode,
  signal,
  stdout: '',
  stderrTail: 'tail',
  durationMs: 10,
});
const result: SemgrepResult = {
  checkId: 'r',
  path: 'a.py',
  start: { line: 1, col: 1 },
  end: { line: 1, col: 5 },
  metadata: {},
};
const report = (results: number, errors: SemgrepIssue[] = []): ReportRead => ({
  kind: 'parsed',
  report: { results: Array.from({ length: results }, () => result), errors },
});
const recorded = (name: string): ReportRead => ({
  kind: 'parsed',
  report: parseSemgrepReport(readFileSync(`__fixtures__/semgrep/${name}`, 'utf8')),
});
const missing: ReportRead = { kind: 'missing' };
const invalid: ReportRead = { kind: 'invalid', message: 'report is not JSON' };
const ruleError: SemgrepIssue = {
  level: 'error',
  type: 'Rule parse error',
  message: 'Rule parse error in rule r: Invalid pattern',
  ruleId: 'r',
};

// One row per line of the table in classify.ts.
describe('classifySemgrep', () => {
  it.each<[string, ProcessResult, ReportRead, string, string?]>([
    [
      'not found',
      { kind: 'spawn-error', errorCode: 'ENOENT', message: 'spawn semgrep ENOENT' },
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
    ['exit 0, report missing', exited(0), missing, 'error', 'BAD_OUTPUT'],
    ['exit 3, report garbage', exited(3), invalid, 'error', 'BAD_OUTPUT'],
    ['exit 0 with a run-level error in errors[]', exited(0), report(1, [ruleError]), 'error', 'CRASHED'],
    ['exit 0, no results', exited(0), report(0), 'clean', undefined],
    ['exit 0, results', exited(0), report(2), 'findings', undefined],
    [
      'exit 3, results and a parse warning',
      exited(3),
      recorded('report-parse-error.json'),
      'findings',
      undefined,
    ],
    ['exit 2 with errors (bad pattern)', exited(2), report(0, [ruleError]), 'error', 'CRASHED'],
    [
      'exit 7 with errors (invalid rule YAML)',
      exited(7),
      recorded('report-invalid-yaml.json'),
      'error',
      'CRASHED',
    ],
    ['exit 8 without a report (bad language)', exited(8), missing, 'error', 'CRASHED'],
    ['exit 1 (never asked for with --error)', exited(1), report(1), 'error', 'CRASHED'],
    ['killed by a signal', exited(null, 'SIGKILL'), missing, 'error', 'CRASHED'],
  ])('%s', (_row, process, read, kind, code) => {
    const classification = classifySemgrep(process, read);
    expect(classification.kind).toBe(kind);
    if (classification.kind === 'error') expect(classification.code).toBe(code);
  });

  it("says what failed, in Semgrep's words for run-level errors", () => {
    expect(classifySemgrep(exited(7), recorded('report-invalid-yaml.json'))).toMatchObject({
      message: expect.stringMatching(
        /^semgrep failed \(exit 7\): Invalid YAML file \.\.\/rules-invalid-yaml\/python\/fixture-broken\.yaml: while scanning/,
      ) as unknown,
    });
    expect(classifySemgrep(exited(0), report(0, [ruleError]))).toMatchObject({
      message: 'semgrep reported an error: Rule parse error in rule r: Invalid pattern',
    });
    expect(classifySemgrep(exited(8), missing)).toMatchObject({
      message: 'semgrep failed (exit 8): invalid language',
    });
    expect(classifySemgrep(exited(null, 'SIGKILL'), missing)).toMatchObject({
      message: 'semgrep was killed by SIGKILL',
    });
  });

  it('names a file it could not parse without quoting its source', () => {
    const classification = classifySemgrep(exited(0), recorded('report-parse-error.json'));
    if (classification.kind !== 'findings') throw new Error(`expected findings, got ${classification.kind}`);
    expect(classification.results).toHaveLength(3);
    expect(classification.notes).toEqual([
      {
        path: 'broken.py',
        message:
          'semgrep could not fully parse broken.py at lines 1-4 (PartialParsing); findings in it may be missing',
      },
    ]);
    expect(JSON.stringify(classification.notes)).not.toContain('class class');
  });

  it('keeps per-file parse and limit problems as notes even at level error', () => {
    const problems: SemgrepIssue[] = [
      { level: 'error', type: 'Syntax error', message: 'src: `secret()`', path: 'x.py', startLine: 3 },
      {
        level: 'warn',
        type: 'Timeout',
        message: 'Timeout when running r on y.py',
        path: 'y.py',
        ruleId: 'r',
      },
    ];
    const classification = classifySemgrep(exited(0), report(0, problems));
    expect(classification).toEqual({
      kind: 'clean',
      notes: [
        {
          path: 'x.py',
          message:
            'semgrep could not fully parse x.py at line 3 (Syntax error); findings in it may be missing',
        },
        {
          path: 'y.py',
          message: 'semgrep stopped analysing y.py with rule r (Timeout); findings in it may be missing',
        },
      ],
    });
  });

  it('notes warnings that are not about a file, and exit 3 that names no file', () => {
    const warning: SemgrepIssue = { level: 'warn', type: 'Incompatible rule', message: 'rule r needs 2.0' };
    expect(classifySemgrep(exited(3), report(0, [warning]))).toEqual({
      kind: 'clean',
      notes: [
        { message: 'semgrep warn: rule r needs 2.0' },
        {
          message: 'semgrep could not parse some file (exit 3) without naming it; results may be incomplete',
        },
      ],
    });
  });

  it('does not quote a file error even when the exit code is fatal', () => {
    const fileError: SemgrepIssue = {
      level: 'error',
      type: 'Syntax error',
      message: '`hunter2`',
      path: 'a.py',
    };
    const classification = classifySemgrep(exited(2), report(0, [fileError]));
    expect(classification).toMatchObject({ kind: 'error', message: 'semgrep failed (exit 2): fatal error' });
  });
});
