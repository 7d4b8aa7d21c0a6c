import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** OSV records in the schema's real shape (https://ossf.github.io/osv-schema/), as osv.dev's all.zip holds them. */
export const NPM_RECORDS = [
  {
    id: 'GHSA-35jh-r3h4-6jhm',
    modified: '2024-01-02T00:00:00Z',
    published: '2021-02-15T11:28:00Z',
    aliases: ['CVE-2021-23337'],
    summary: 'Command Injection in lodash',
    details:
      '`lodash` versions prior to 4.17.21 are vulnerable to Command Injection via the template function.',
    affected: [
      {
        package: { ecosystem: 'npm', name: 'lodash', purl: 'pkg:npm/lodash' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
      },
    ],
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
    references: [{ type: 'ADVISORY', url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337' }],
    database_specific: { cwe_ids: ['CWE-77', 'CWE-94'], severity: 'HIGH', github_reviewed: true },
  },
  {
    id: 'GHSA-xvch-5gv4-984h',
    modified: '2024-01-02T00:00:00Z',
    published: '2022-03-18T00:01:09Z',
    aliases: ['CVE-2021-44906'],
    summary: 'Prototype Pollution in minimist',
    details: 'Minimist prior to 1.2.6 and 0.2.4 is vulnerable to Prototype Pollution via file `index.js`.',
    affected: [
      {
        package: { ecosystem: 'npm', name: 'minimist', purl: 'pkg:npm/minimist' },
        ranges: [
          { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.2.4' }] },
          { type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.2.6' }] },
        ],
      },
    ],
    // v3.1 alone would be 9.8 (critical); the v4.0 vector (with E:U) scores 8.1 and is preferred.
    severity: [
      { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
      { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U' },
    ],
    database_specific: { cwe_ids: ['CWE-1321'], severity: 'CRITICAL' },
  },
  {
    id: 'MAL-2025-4242',
    modified: '2025-06-01T00:00:00Z',
    published: '2025-06-01T00:00:00Z',
    summary: 'Malicious code in flatmap-stream (npm)',
    details: 'The package decrypts and runs a payload that steals cryptocurrency wallets.',
    affected: [
      {
        package: { ecosystem: 'npm', name: 'flatmap-stream' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }],
        versions: ['0.1.1'],
      },
    ],
    database_specific: { 'malicious-packages-origins': [{ source: 'ghsa-malware', sha256: 'abc' }] },
  },
];

export const PYPI_RECORDS = [
  {
    id: 'PYSEC-2018-28',
    modified: '2024-01-02T00:00:00Z',
    published: '2018-10-09T21:29:00Z',
    aliases: ['CVE-2018-18074', 'GHSA-x84v-xcm2-53pg'],
    details:
      'The Requests package before 2.20.0 for Python sends an HTTP Authorization header to an http URI upon receiving a same-hostname https-to-http redirect.',
    affected: [
      {
        package: { ecosystem: 'PyPI', name: 'requests', purl: 'pkg:pypi/requests' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.20.0' }] }],
        versions: ['2.19.0', '2.19.1'],
      },
    ],
  },
  {
    id: 'GHSA-462w-v97r-4m45',
    modified: '2024-01-02T00:00:00Z',
    published: '2019-04-10T14:30:24Z',
    aliases: ['CVE-2019-10906'],
    summary: 'Jinja2 sandbox escape via string formatting',
    details: 'In Pallets Jinja before 2.10.1, str.format_map allows a sandbox escape.',
    affected: [
      {
        package: { ecosystem: 'PyPI', name: 'jinja2', purl: 'pkg:pypi/jinja2' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.10.1' }] }],
      },
    ],
    database_specific: { cwe_ids: ['CWE-693'], severity: 'HIGH', github_reviewed: true },
  },
  {
    id: 'PYSEC-2019-133',
    modified: '2024-01-02T00:00:00Z',
    published: '2019-04-18T21:29:00Z',
    aliases: ['CVE-2019-11236'],
    summary: 'CRLF injection in urllib3',
    details: 'In the urllib3 library through 1.24.1 for Python, CRLF injection is possible.',
    affected: [
      {
        package: { ecosystem: 'PyPI', name: 'urllib3', purl: 'pkg:pypi/urllib3' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.24.3' }] }],
      },
    ],
    severity: [{ type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:N/I:P/A:N' }],
  },
];

/** No zip writer among the dependencies; Python's zipfile is on every machine the tests run on. */
const ZIP_SCRIPT = [
  'import json, sys, zipfile',
  'with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:',
  '    for record in json.load(sys.stdin):',
  '        archive.writestr(record["id"] + ".json", json.dumps(record))',
].join('\n');

/** An offline OSV database in the layout given (`osv-scalibr` for osv-scanner 2), one all.zip per ecosystem. */
export function writeDb(layout: string, ecosystems: Record<string, readonly object[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-osv-db-'));
  for (const [ecosystem, records] of Object.entries(ecosystems)) {
    const ecosystemDir = join(dir, layout, ecosystem);
    mkdirSync(ecosystemDir, { recursive: true });
    execFileSync('python3', ['-c', ZIP_SCRIPT, join(ecosystemDir, 'all.zip')], {
      input: JSON.stringify(records),
    });
  }
  return dir;
}
