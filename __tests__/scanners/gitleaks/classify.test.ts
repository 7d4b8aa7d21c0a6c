import { describe, expect, it } from '@jest/globals';
import type { ProcessResult } from '../../../src/core/ports.js';
import { LEAKS_EXIT_CODE } from '../../../src/scanners/gitleaks/args.js';
import { classifyGitleaks, type ReportRead } from '../../../src/scanners/gitleaks/classify.js';

const leak = {
  ruleId: 'github-pat',
  description: 'd',
  file: 'a.js',
  startLine: 1,
  endLine: 1,
  startColumn: 1,
  endColumn: 5,
};
const exited = (exitCode: number | null, signal: string | null = null): ProcessResult => ({
  kind: 'exited',
  exitCode,
  signal,
  stdout: '',
  stderrTail: 'tail',
  durationMs: 10,
});
const parsed = (n: number): ReportRead => ({ kind: 'parsed', leaks: Array.from({ length: n }, () => leak) });
const missing: ReportRead = { kind: 'missing' };
const invalid: ReportRead = { kind: 'invalid', message: 'report is not JSON' };

// One row per line of the table in classify.ts.
describe('classifyGitleaks', () => {
  it.each<[string, ProcessResult, ReportRead, string, string?]>([
    [
      'not found',
      { kind: 'spawn-error', errorCode: 'ENOENT', message: 'spawn gitleaks ENOENT' },
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
    ['exit 0, no leaks', exited(0), parsed(0), 'clean', undefined],
    ['exit 0 but leaks', exited(0), parsed(1), 'error', 'BAD_OUTPUT'],
    ['leaks exit code with leaks', exited(LEAKS_EXIT_CODE), parsed(2), 'findings', undefined],
    ['leaks exit code, empty report', exited(LEAKS_EXIT_CODE), parsed(0), 'error', 'BAD_OUTPUT'],
    ['exit 0, report missing', exited(0), missing, 'error', 'BAD_OUTPUT'],
    ['leaks exit code, report garbage', exited(LEAKS_EXIT_CODE), invalid, 'error', 'BAD_OUTPUT'],
    ['exit 1 (gitleaks error)', exited(1), parsed(0), 'error', 'CRASHED'],
    ['exit 126 (bad flag)', exited(126), missing, 'error', 'CRASHED'],
    ['killed by a signal', exited(null, 'SIGSEGV'), missing, 'error', 'CRASHED'],
  ])('%s', (_row, result, report, kind, code) => {
    const classification = classifyGitleaks(result, report);
    expect(classification.kind).toBe(kind);
    if (classification.kind === 'error') expect(classification.code).toBe(code);
    if (classification.kind === 'findings') expect(classification.leaks).toHaveLength(2);
  });

  it('says how it crashed', () => {
    expect(classifyGitleaks(exited(null, 'SIGSEGV'), missing)).toMatchObject({
      message: 'gitleaks was killed by SIGSEGV',
    });
    expect(classifyGitleaks(exited(1), missing)).toMatchObject({ message: 'gitleaks exited with code 1' });
  });
});
