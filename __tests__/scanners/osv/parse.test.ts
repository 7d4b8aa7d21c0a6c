import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { OsvReportError, parseOsvReport } from '../../../src/scanners/osv/parse.js';

/** Recorded from osv-scanner 2.5.1 on __fixtures__/osv/repo (VOUCH_RECORD_OSV=1 re-records it). */
const recorded = readFileSync('__fixtures__/osv/report-vulnerable.json', 'utf8');

function report(packages: unknown[], path = '/repo/package-lock.json'): string {
  return JSON.stringify({ results: [{ source: { path, type: 'lockfile' }, packages }] });
}

const lodash = { name: 'lodash', version: '4.17.20', ecosystem: 'npm' };
const vuln = (id: string, extra: object = {}): object => ({ id, modified: '2024-01-01T00:00:00Z', ...extra });

describe('parseOsvReport', () => {
  it('reads a recorded osv-scanner 2.5.1 report: one entry per package and advisory group', () => {
    const parsed = parseOsvReport(recorded);
    expect(parsed.hidden).toEqual([]);
    expect(
      parsed.vulnerable.map((found) => [found.sourcePath.split('/').pop(), found.package, found.ids]),
    ).toEqual([
      [
        'package-lock.json',
        { name: 'flatmap-stream', version: '0.1.1', ecosystem: 'npm' },
        ['MAL-2025-4242'],
      ],
      ['package-lock.json', lodash, ['GHSA-35jh-r3h4-6jhm']],
      [
        'package-lock.json',
        { name: 'minimist', version: '0.0.8', ecosystem: 'npm' },
        ['GHSA-xvch-5gv4-984h'],
      ],
      [
        'package-lock.json',
        { name: 'minimist', version: '1.2.5', ecosystem: 'npm' },
        ['GHSA-xvch-5gv4-984h'],
      ],
      ['requirements.txt', { name: 'jinja2', version: '2.10', ecosystem: 'PyPI' }, ['GHSA-462w-v97r-4m45']],
      ['requirements.txt', { name: 'requests', version: '2.19.0', ecosystem: 'PyPI' }, ['PYSEC-2018-28']],
      ['requirements.txt', { name: 'urllib3', version: '1.24.1', ecosystem: 'PyPI' }, ['PYSEC-2019-133']],
    ]);
  });

  it('keeps what rules, severities and messages need from each advisory', () => {
    const minimist = parseOsvReport(recorded).vulnerable.find((found) => found.package.version === '1.2.5');
    expect(minimist?.aliases).toEqual(['CVE-2021-44906', 'GHSA-xvch-5gv4-984h']);
    expect(minimist?.advisories).toEqual([
      {
        id: 'GHSA-xvch-5gv4-984h',
        summary: 'Prototype Pollution in minimist',
        details:
          'Minimist prior to 1.2.6 and 0.2.4 is vulnerable to Prototype Pollution via file `index.js`.',
        aliases: ['CVE-2021-44906'],
        severity: [
          { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
          { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U' },
        ],
        databaseSeverity: 'CRITICAL',
        cwes: ['CWE-1321'],
        affected: [{ name: 'minimist', ecosystem: 'npm', fixed: ['0.2.4', '1.2.6'] }],
        references: [],
      },
    ]);
  });

  it('accepts a clean report (exit 0) and the empty one written on error', () => {
    const clean =
      '{"results": [], "experimental_config": {"licenses": {"summary": false, "allowlist": null}}}';
    expect(parseOsvReport(clean)).toEqual({ vulnerable: [], hidden: [] });
  });

  it('ignores packages without vulnerabilities (--all-packages)', () => {
    expect(parseOsvReport(report([{ package: lodash }])).vulnerable).toEqual([]);
  });

  it('sets apart groups osv-scanner found uncalled or unimportant', () => {
    const text = report([
      {
        package: lodash,
        vulnerabilities: [vuln('GO-1'), vuln('GO-2'), vuln('GO-3')],
        groups: [
          { ids: ['GO-1'], experimental_analysis: { 'GO-1': { called: false, unimportant: false } } },
          { ids: ['GO-2'], experimental_analysis: { 'GO-2': { called: true, unimportant: true } } },
          { ids: ['GO-3'], experimental_analysis: { 'GO-3': { called: true, unimportant: false } } },
        ],
      },
    ]);
    const parsed = parseOsvReport(text);
    expect(parsed.vulnerable.map((found) => found.ids)).toEqual([['GO-3']]);
    expect(parsed.hidden.map((found) => found.ids)).toEqual([['GO-1'], ['GO-2']]);
  });

  it('makes a group of a vulnerability no group names', () => {
    const text = report([{ package: lodash, vulnerabilities: [vuln('GHSA-x', { aliases: ['CVE-1'] })] }]);
    expect(parseOsvReport(text).vulnerable).toMatchObject([
      { ids: ['GHSA-x'], aliases: ['GHSA-x', 'CVE-1'] },
    ]);
  });

  it('reads wrongly typed descriptive fields as absent instead of rejecting the report', () => {
    const odd = vuln('GHSA-x', {
      summary: 42,
      aliases: 'CVE-1',
      severity: [{ type: 'CVSS_V3' }, 'x'],
      database_specific: { cwe_ids: ['CWE-79', 'not a cwe', 7], severity: ['HIGH'] },
      affected: [{ package: { name: 'lodash', ecosystem: 'npm' }, ranges: [{ events: 'x' }] }],
      references: [{ url: 'javascript:alert(1)' }, { url: 'https://example.com/a' }],
    });
    const [found] = parseOsvReport(
      report([{ package: lodash, vulnerabilities: [odd], groups: [{ ids: ['GHSA-x'] }] }]),
    ).vulnerable;
    expect(found?.advisories[0]).toEqual({
      id: 'GHSA-x',
      summary: '',
      details: '',
      aliases: [],
      severity: [{ type: 'CVSS_V3', score: '' }],
      cwes: ['CWE-79'],
      affected: [{ name: 'lodash', ecosystem: 'npm', fixed: [] }],
      references: ['https://example.com/a'],
    });
  });

  it.each([
    ['not JSON', '{"results": ', /not JSON/],
    ['not an object', '[]', /not a JSON object/],
    ['no results', '{}', /no "results" array/],
    ['a result that is not an object', '{"results": [7]}', /results\[0\] is not an object/],
    ['a result without a source path', '{"results": [{"source": {}}]}', /results\[0\]\.source\.path/],
    [
      'packages that are not an array',
      report({} as unknown as unknown[]),
      /results\[0\]\.packages is not an array/,
    ],
    [
      'a package without a name',
      report([{ package: { ecosystem: 'npm' } }]),
      /packages\[0\]\.package needs a name/,
    ],
    [
      'a vulnerability without an id',
      report([{ package: lodash, vulnerabilities: [{ summary: 's' }] }]),
      /vulnerabilities\[0\]\.id/,
    ],
    [
      'a group without ids',
      report([{ package: lodash, groups: [{ ids: [] }] }]),
      /groups\[0\]\.ids is empty/,
    ],
    [
      'a group naming a missing vulnerability',
      report([{ package: lodash, vulnerabilities: [vuln('A')], groups: [{ ids: ['B'] }] }]),
      /groups\[0\] names an id missing/,
    ],
  ])('rejects %s with a message naming the problem', (_label, text, message) => {
    expect(() => parseOsvReport(text)).toThrow(OsvReportError);
    expect(() => parseOsvReport(text)).toThrow(message);
  });
});
