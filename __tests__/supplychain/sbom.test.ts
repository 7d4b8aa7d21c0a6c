import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import * as Validation from '@cyclonedx/cyclonedx-library/Validation';
import type { Finding } from '../../src/findings/finding.js';
import type { Component, LockfileResult } from '../../src/supplychain/component.js';
import { buildSbom, type SbomInput, type SbomJson } from '../../src/supplychain/sbom.js';

const GOLDEN = '__fixtures__/golden/sbom.json';
const SERIAL = 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79';
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const SHA512 = 'ab'.repeat(64);

function component(fields: Partial<Component> & Pick<Component, 'name' | 'version' | 'purl'>): Component {
  return {
    ecosystem: 'npm',
    scope: 'required',
    hashes: [],
    dependsOn: [],
    source: { path: 'package-lock.json', line: 1 },
    ...fields,
  };
}

function result(components: Component[], direct: string[]): LockfileResult {
  return { components, direct, problems: [] };
}

const npmLock = result(
  [
    component({
      name: 'express',
      version: '4.18.2',
      purl: 'pkg:npm/express@4.18.2',
      hashes: [{ alg: 'SHA-512', content: SHA512 }],
      dependsOn: ['pkg:npm/qs@6.11.0', 'pkg:npm/missing@1.0.0'],
      source: { path: 'package-lock.json', line: 10 },
    }),
    component({
      name: 'qs',
      version: '6.11.0',
      purl: 'pkg:npm/qs@6.11.0',
      hashes: [{ alg: 'SHA-512', content: 'ef'.repeat(64) }],
      source: { path: 'package-lock.json', line: 20 },
    }),
    component({
      name: '@types/node',
      version: '24.0.0',
      purl: 'pkg:npm/%40types/node@24.0.0',
      scope: 'dev',
      source: { path: 'package-lock.json', line: 30 },
    }),
    component({
      name: 'fsevents',
      version: '2.3.3',
      purl: 'pkg:npm/fsevents@2.3.3',
      scope: 'optional',
      hashes: [{ alg: 'SHA-1', content: '1'.repeat(40) }],
      source: { path: 'package-lock.json', line: 40 },
    }),
  ],
  ['pkg:npm/express@4.18.2', 'pkg:npm/%40types/node@24.0.0'],
);

/** The same packages again, purls spelled differently; qs is pinned to other bytes and is dev here. */
const webLock = result(
  [
    component({
      name: 'express',
      version: '4.18.2',
      purl: 'pkg:npm/express@4.18.2',
      hashes: [{ alg: 'SHA-512', content: SHA512.toUpperCase() }],
      source: { path: 'web/package-lock.json', line: 5 },
    }),
    component({
      name: 'qs',
      version: '6.11.0',
      purl: 'pkg:npm/qs@6.11.0',
      scope: 'dev',
      hashes: [{ alg: 'SHA-512', content: 'cd'.repeat(64) }],
      source: { path: 'web/package-lock.json', line: 9 },
    }),
    component({
      name: '@types/node',
      version: '24.0.0',
      purl: 'pkg:npm/@types/node@24.0.0',
      scope: 'dev',
      source: { path: 'web/package-lock.json', line: 14 },
    }),
  ],
  ['pkg:npm/qs@6.11.0'],
);

const requirements = result(
  [
    component({
      ecosystem: 'pypi',
      name: 'Flask',
      version: '3.0.0',
      purl: 'pkg:pypi/flask@3.0.0',
      source: { path: 'requirements.txt', line: 1 },
    }),
    component({
      ecosystem: 'pypi',
      name: 'Django',
      version: '4.2.0',
      purl: 'pkg:pypi/Django@4.2.0',
      hashes: [{ alg: 'SHA-256', content: 'e'.repeat(64) }],
      source: { path: 'requirements.txt', line: 3 },
    }),
  ],
  ['pkg:pypi/flask@3.0.0', 'pkg:pypi/django@4.2.0'],
);

const goMod = result(
  [
    component({
      ecosystem: 'golang',
      name: 'github.com/gin-gonic/gin',
      version: 'v1.9.0',
      purl: 'pkg:golang/github.com/gin-gonic/gin@v1.9.0',
      source: { path: 'go.mod', line: 5 },
    }),
  ],
  ['pkg:golang/github.com/gin-gonic/gin@v1.9.0'],
);

const composerLock = result(
  [
    component({
      ecosystem: 'composer',
      name: 'laravel/framework',
      version: 'v10.0.0',
      purl: 'pkg:composer/laravel/framework@v10.0.0',
      source: { path: 'composer.lock', line: 12 },
    }),
  ],
  [],
);

function osv(
  id: string,
  message: string,
  path: string,
  line: number,
  score = 7.5,
  cwe: string[] = [],
): Finding {
  return {
    tool: 'osv-scanner',
    ruleId: `osv-scanner/${id}`,
    message,
    severity: score >= 9 ? 'critical' : score >= 7 ? 'high' : 'medium',
    securitySeverity: score,
    location: { path, region: { startLine: line } },
    cwe: [...cwe, 'CWE-1395', 'CWE-1035'],
    owasp2021: ['A06'],
    owasp2025: ['A03'],
    asvs: ['v5.0.0-15.2.1'],
    fingerprint: `${id}:${path}:${line}`,
    alsoReportedBy: [],
    role: 'source',
  };
}

const findings: Finding[] = [
  osv(
    'GHSA-hrpp-h998-j3pp',
    'qs@6.11.0 (npm) is affected by GHSA-hrpp-h998-j3pp (CVE-2022-24999): qs prototype poisoning; fixed in 6.11.1',
    'package-lock.json',
    20,
    7.5,
    ['CWE-1321'],
  ),
  // osv-scanner's locator found another line than the parser: matched by name and version in that lockfile.
  osv(
    'GHSA-hrpp-h998-j3pp',
    'qs@6.11.0 (npm) is affected by GHSA-hrpp-h998-j3pp (CVE-2022-24999): qs prototype poisoning; fixed in 6.11.1',
    'web/package-lock.json',
    8,
  ),
  // The locator fell back to line 1, where Flask is: the message's package (PEP 503 spelling) wins.
  osv(
    'PYSEC-2023-100',
    'django@4.2.0 (PyPI) is affected by PYSEC-2023-100 (CVE-2023-36053, GHSA-jh3w-4vvf-mjgr): Potential ReDoS in EmailValidator; fixed in 3.2.20, 4.1.10, 4.2.3',
    'requirements.txt',
    1,
    9.8,
    ['CWE-1333'],
  ),
  osv(
    'GO-2023-1737',
    'github.com/gin-gonic/gin@1.9.0 (Go) is affected by GO-2023-1737: Improper handling of filenames in gin; no fixed version is known',
    'go.mod',
    1,
    8,
  ),
  osv(
    'GHSA-left-pad0-0000',
    'left-pad@1.3.0 (npm) is affected by GHSA-left-pad0-0000: unlisted package; fixed in 1.3.1',
    'package.json',
    4,
    5,
  ),
  osv('GHSA-vvvv-wwww-xxxx', 'a message in a format Vouch does not know', 'composer.lock', 12, 5.3),
  { ...osv('semgrep-rule', 'not a dependency', 'src/app.ts', 3), tool: 'semgrep', ruleId: 'semgrep/x' },
];

function input(overrides: Partial<SbomInput> = {}): SbomInput {
  return {
    repository: { name: 'acme/shop', uri: 'https://github.com/acme/shop', commit: COMMIT },
    tool: { name: 'vouch', version: '0.1.0' },
    results: [
      { path: 'package-lock.json', result: npmLock },
      { path: 'web/package-lock.json', result: webLock },
      { path: 'requirements.txt', result: requirements },
      { path: 'go.mod', result: goMod },
      { path: 'composer.lock', result: composerLock },
    ],
    vulnerabilities: findings,
    serialNumber: SERIAL,
    timestamp: new Date('2026-01-02T03:04:05.000Z'),
    ...overrides,
  };
}

/** The document as it is written to disk: undefined members dropped. */
function written(bom: SbomJson): Record<string, unknown> {
  return JSON.parse(JSON.stringify(bom)) as Record<string, unknown>;
}

async function schemaErrors(bom: SbomJson): Promise<unknown> {
  // Strict: no property the 1.6 schema does not define, beyond what `additionalProperties` allows.
  return new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(JSON.stringify(bom));
}

const bom = written(buildSbom(input()));
type Json = Record<string, unknown>;
const components = bom.components as Json[];
const byPurl = (purl: string): Json | undefined => components.find((entry) => entry.purl === purl);
const properties = (entry: Json | undefined, name: string): unknown[] =>
  ((entry?.properties ?? []) as Json[])
    .filter((property) => property.name === name)
    .map((property) => property.value);
const vulnerabilities = bom.vulnerabilities as Json[];
const vulnerability = (id: string): Json | undefined => vulnerabilities.find((entry) => entry.id === id);
const affectedRefs = (id: string): unknown[] =>
  ((vulnerability(id)?.affects ?? []) as Json[]).map((entry) => entry.ref);

describe('buildSbom', () => {
  it('is valid CycloneDX 1.6 JSON', async () => {
    expect(await schemaErrors(buildSbom(input()))).toBeNull();
  });

  it('is checked by a validator that does reject a broken document', async () => {
    const broken = structuredClone(buildSbom(input()));
    Object.assign(broken.components?.[0] ?? {}, { scope: 'dev' });
    expect(await schemaErrors(broken)).not.toBeNull();
  });

  it('says what it is, as actions/attest needs: bomFormat, specVersion and a urn:uuid serialNumber', () => {
    expect(bom).toMatchObject({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      serialNumber: SERIAL,
      version: 1,
    });
    const { serialNumber, ...rest } = buildSbom(input({ serialNumber: undefined }));
    expect(serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(serialNumber).not.toBe(buildSbom(input({ serialNumber: undefined })).serialNumber);
    expect(rest.specVersion).toBe('1.6');
  });

  it('describes the repository at its commit, built by vouch', () => {
    const metadata = bom.metadata as Json;
    expect(metadata.timestamp).toBe('2026-01-02T03:04:05.000Z');
    expect(metadata.tools).toEqual({
      components: [{ type: 'application', name: 'vouch', version: '0.1.0' }],
    });
    expect(metadata.component).toEqual({
      type: 'application',
      name: 'acme/shop',
      version: COMMIT,
      'bom-ref': 'repository:acme/shop',
      purl: `pkg:github/acme/shop@${COMMIT}`,
      externalReferences: [{ type: 'vcs', url: 'https://github.com/acme/shop' }],
    });
  });

  it('gives the root no purl and no version when the commit is unknown', () => {
    const root = written(buildSbom(input({ repository: { name: 'shop', uri: 'https://git.example/shop' } })))
      .metadata as Json;
    expect(root.component).toEqual({
      type: 'application',
      name: 'shop',
      'bom-ref': 'repository:shop',
      externalReferences: [{ type: 'vcs', url: 'https://git.example/shop' }],
    });
  });

  it('lists each package once across lockfiles, under its canonical purl, with every source', () => {
    expect(components.map((entry) => entry.purl)).toEqual([
      'pkg:composer/laravel/framework@v10.0.0',
      'pkg:golang/github.com/gin-gonic/gin@v1.9.0',
      'pkg:npm/%40types/node@24.0.0',
      'pkg:npm/express@4.18.2',
      'pkg:npm/fsevents@2.3.3',
      'pkg:npm/qs@6.11.0',
      'pkg:pypi/django@4.2.0',
      'pkg:pypi/flask@3.0.0',
    ]);
    expect(components.every((entry) => entry.type === 'library' && entry['bom-ref'] === entry.purl)).toBe(
      true,
    );
    expect(properties(byPurl('pkg:npm/%40types/node@24.0.0'), 'vouch:lockfile')).toEqual([
      'package-lock.json:30',
      'web/package-lock.json:14',
    ]);
  });

  it('splits group and name as the purl does, keeping the lockfile spelling of unnamespaced names', () => {
    const names = (purl: string): [unknown, unknown] => [byPurl(purl)?.group, byPurl(purl)?.name];
    expect(names('pkg:npm/%40types/node@24.0.0')).toEqual(['@types', 'node']);
    expect(names('pkg:golang/github.com/gin-gonic/gin@v1.9.0')).toEqual(['github.com/gin-gonic', 'gin']);
    expect(names('pkg:composer/laravel/framework@v10.0.0')).toEqual(['laravel', 'framework']);
    expect(names('pkg:pypi/django@4.2.0')).toEqual([undefined, 'Django']);
    expect(byPurl('pkg:pypi/django@4.2.0')?.version).toBe('4.2.0');
  });

  it('maps scopes: dev → excluded, optional → optional, required wins when lockfiles disagree', () => {
    expect(byPurl('pkg:npm/%40types/node@24.0.0')?.scope).toBe('excluded');
    expect(properties(byPurl('pkg:npm/%40types/node@24.0.0'), 'vouch:scope')).toEqual(['dev']);
    expect(byPurl('pkg:npm/fsevents@2.3.3')?.scope).toBe('optional');
    expect(byPurl('pkg:npm/qs@6.11.0')?.scope).toBe('required');
    expect(properties(byPurl('pkg:npm/qs@6.11.0'), 'vouch:scope')).toEqual(['dev', 'required']);
  });

  it('keeps hashes the lockfiles agree on (case aside) and flags those they do not', () => {
    expect(byPurl('pkg:npm/express@4.18.2')?.hashes).toEqual([{ alg: 'SHA-512', content: SHA512 }]);
    expect(byPurl('pkg:pypi/django@4.2.0')?.hashes).toEqual([{ alg: 'SHA-256', content: 'e'.repeat(64) }]);
    expect(byPurl('pkg:npm/qs@6.11.0')?.hashes).toBeUndefined();
    expect(properties(byPurl('pkg:npm/qs@6.11.0'), 'vouch:hash-conflict')).toEqual(['SHA-512']);
  });

  it('records the dependency graph: the root on direct packages, packages on theirs, unknown targets dropped', () => {
    const graph: Record<string, unknown> = Object.fromEntries(
      (bom.dependencies as Json[]).map((entry) => [String(entry.ref), entry.dependsOn ?? []]),
    );
    expect(graph['repository:acme/shop']).toEqual([
      'pkg:golang/github.com/gin-gonic/gin@v1.9.0',
      'pkg:npm/%40types/node@24.0.0',
      'pkg:npm/express@4.18.2',
      'pkg:npm/qs@6.11.0',
      'pkg:pypi/django@4.2.0',
      'pkg:pypi/flask@3.0.0',
    ]);
    expect(graph['pkg:npm/express@4.18.2']).toEqual(['pkg:npm/qs@6.11.0']);
    expect(graph['pkg:npm/qs@6.11.0']).toEqual([]);
    expect(Object.keys(graph)).toHaveLength(components.length + 1);
  });

  it('embeds one vulnerability per advisory with OSV source, ratings, CWEs, aliases and a recommendation', () => {
    expect(vulnerabilities.map((entry) => entry.id).sort()).toEqual([
      'GHSA-hrpp-h998-j3pp',
      'GHSA-left-pad0-0000',
      'GHSA-vvvv-wwww-xxxx',
      'GO-2023-1737',
      'PYSEC-2023-100',
    ]);
    expect(vulnerability('PYSEC-2023-100')).toMatchObject({
      source: { name: 'OSV', url: 'https://osv.dev/vulnerability/PYSEC-2023-100' },
      ratings: [{ score: 9.8, severity: 'critical', method: 'other' }],
      cwes: [1333],
      description: 'Potential ReDoS in EmailValidator',
      recommendation: 'Upgrade django to 3.2.20 or 4.1.10 or 4.2.3 or later.',
      references: [
        {
          id: 'CVE-2023-36053',
          source: { name: 'OSV', url: 'https://osv.dev/vulnerability/CVE-2023-36053' },
        },
        {
          id: 'GHSA-jh3w-4vvf-mjgr',
          source: { name: 'OSV', url: 'https://osv.dev/vulnerability/GHSA-jh3w-4vvf-mjgr' },
        },
      ],
    });
    expect(vulnerability('GO-2023-1737')?.recommendation).toBe('No fixed version is known.');
    expect(vulnerability('GHSA-vvvv-wwww-xxxx')?.description).toBe(
      'a message in a format Vouch does not know',
    );
  });

  it('matches findings to components by location, then by package in the same lockfile, else the root', () => {
    expect(vulnerability('GHSA-hrpp-h998-j3pp')?.affects).toEqual([
      { ref: 'pkg:npm/qs@6.11.0', versions: [{ version: '6.11.0', status: 'affected' }] },
    ]);
    expect(properties(vulnerability('GHSA-hrpp-h998-j3pp'), 'vouch:location')).toEqual([
      'package-lock.json:20',
      'web/package-lock.json:8',
    ]);
    expect(affectedRefs('PYSEC-2023-100')).toEqual(['pkg:pypi/django@4.2.0']);
    expect(affectedRefs('GO-2023-1737')).toEqual(['pkg:golang/github.com/gin-gonic/gin@v1.9.0']);
    expect(affectedRefs('GHSA-vvvv-wwww-xxxx')).toEqual(['pkg:composer/laravel/framework@v10.0.0']);
    expect(affectedRefs('GHSA-left-pad0-0000')).toEqual(['repository:acme/shop']);
  });

  it('does not attach a finding to a different version of the package', () => {
    const other = osv(
      'GHSA-x',
      'qs@6.10.0 (npm) is affected by GHSA-x: y; fixed in 6.10.1',
      'package-lock.json',
      20,
    );
    const sbom = written(buildSbom(input({ vulnerabilities: [other] })));
    expect((sbom.vulnerabilities as Json[])[0]?.affects).toEqual([{ ref: 'repository:acme/shop' }]);
  });

  it('is an SBOM of the repository alone when there are no lockfiles nor findings', async () => {
    const empty = buildSbom(input({ results: [], vulnerabilities: [] }));
    expect(await schemaErrors(empty)).toBeNull();
    expect(written(empty).components).toEqual([]);
  });

  it('depends only on content: lockfile and finding order change nothing', () => {
    const shuffled = input({
      results: [...input().results].reverse(),
      vulnerabilities: [...findings].reverse(),
    });
    expect(written(buildSbom(shuffled))).toEqual(bom);
  });

  it('matches the golden file', () => {
    const text = `${JSON.stringify(buildSbom(input()), null, 2)}\n`;
    if (process.env.VOUCH_UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
