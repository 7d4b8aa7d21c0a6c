import { describe, expect, it } from '@jest/globals';
import type { ProcessResult } from '../../../src/core/ports.js';
import { classifyOsv, type ReportRead } from '../../../src/scanners/osv/classify.js';
import type { VulnerablePackage } from '../../../src/scanners/osv/parse.js';

const found: VulnerablePackage = {
  sourcePath: '/repo/package-lock.json',
  package: { name: 'lodash', version: '4.17.20', ecosystem: 'npm' },
  ids: ['GHSA-35jh-r3h4-6jhm'],
  aliases: ['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm'],
  advisories: [],
};
const exited = (exitCode: number | null, signal: string | null = null): ProcessResult => ({
  kind: 'exited',
  exitCode,
  signal,
  stdout: '',
  stderrTail: 'tail',
  durationMs: 10,
});
const parsed = (vulnerable: number, hidden = 0): ReportRead => ({
  kind: 'parsed',
  report: {
    vulnerable: Array.from({ length: vulnerable }, () => found),
    hidden: Array.from({ length: hidden }, () => found),
  },
});
const missing: ReportRead = { kind: 'missing' };
const invalid: ReportRead = { kind: 'invalid', message: 'report is not JSON' };

// One row per line of the table in classify.ts.
describe('classifyOsv', () => {
  it.each<[string, ProcessResult, ReportRead, string, string?]>([
    [
      'not found',
      { kind: 'spawn-error', errorCode: 'ENOENT', message: 'spawn osv-scanner ENOENT' },
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
    ['exit 128, no report (no package sources)', exited(128), missing, 'skipped', undefined],
    ['exit 0, no vulnerabilities', exited(0), parsed(0), 'clean', undefined],
    ['exit 0, only uncalled or unimportant ones', exited(0), parsed(0, 2), 'clean', undefined],
    ['exit 0 but reportable vulnerabilities', exited(0), parsed(1), 'error', 'BAD_OUTPUT'],
    ['exit 1 with vulnerabilities', exited(1), parsed(2, 1), 'findings', undefined],
    ['exit 1, no reportable vulnerabilities', exited(1), parsed(0, 1), 'error', 'BAD_OUTPUT'],
    ['exit 0, report missing', exited(0), missing, 'error', 'BAD_OUTPUT'],
    ['exit 1, report garbage', exited(1), invalid, 'error', 'BAD_OUTPUT'],
    ['exit 127 (osv-scanner error)', exited(127), parsed(0), 'error', 'CRASHED'],
    ['exit 129 (OSV API unreachable)', exited(129), missing, 'error', 'CRASHED'],
    ['exit 130 (invalid config)', exited(130), missing, 'error', 'CRASHED'],
    ['another exit code', exited(2), missing, 'error', 'CRASHED'],
    ['killed by a signal', exited(null, 'SIGKILL'), missing, 'error', 'CRASHED'],
  ])('%s', (_row, result, report, kind, code) => {
    const classification = classifyOsv(result, report);
    expect(classification.kind).toBe(kind);
    if (classification.kind === 'error') expect(classification.code).toBe(code);
    if (classification.kind === 'findings') {
      expect(classification.report.vulnerable).toHaveLength(2);
      expect(classification.report.hidden).toHaveLength(1);
    }
  });

  it('names why it skipped', () => {
    expect(classifyOsv(exited(128), missing)).toEqual({
      kind: 'skipped',
      reason: 'no package sources found',
    });
  });

  it('says what each error exit code means', () => {
    expect(classifyOsv(exited(127), missing)).toMatchObject({
      message: expect.stringContaining('its stderr') as unknown,
    });
    expect(classifyOsv(exited(129), missing)).toMatchObject({
      message: expect.stringContaining('could not query the OSV API') as unknown,
    });
    expect(classifyOsv(exited(null, 'SIGKILL'), missing)).toMatchObject({
      message: 'osv-scanner was killed by SIGKILL',
    });
    expect(classifyOsv(exited(2), missing)).toMatchObject({ message: 'osv-scanner exited with code 2' });
    expect(classifyOsv(exited(0), parsed(1))).toMatchObject({
      message: 'osv-scanner exit code 0 contradicts its report (1 vulnerable package(s))',
    });
  });
});
