import { beforeAll, describe, expect, it } from '@jest/globals';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import * as Validation from '@cyclonedx/cyclonedx-library/Validation';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_CACHE_DIR, installedTool } from '../helpers/tools.js';

const FIXTURES = '__fixtures__/supplychain/lockfiles';

/** Lockfile → how many components it holds, counted by hand from each fixture. */
const EXPECTED: Record<string, number> = {
  'npm/v3/package-lock.json': 9,
  'npm/shrinkwrap/npm-shrinkwrap.json': 8,
  'yarn/v1/yarn.lock': 9,
  'yarn/berry/yarn.lock': 9,
  'pnpm/v6/pnpm-lock.yaml': 9,
  'pnpm/v9/pnpm-lock.yaml': 9,
  'requirements/pip-compile/requirements.txt': 4,
  'requirements/pip-compile/requirements-dev.txt': 5,
  'poetry/v2.1-groups/poetry.lock': 11,
  'pipfile/app/Pipfile.lock': 9,
  'uv/app/uv.lock': 11,
  'gomod/app/go.mod': 5,
  'cargo/v4-workspace/Cargo.lock': 4,
  'gemfile/bundler-2.5/Gemfile.lock': 9,
  'composer/app/composer.lock': 5,
};

interface Bom {
  bomFormat: string;
  specVersion: string;
  serialNumber: string;
  metadata: { component: { name: string; version?: string } };
  components: { purl: string; scope?: string; properties?: { name: string; value: string }[] }[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

describe('the SBOM of a monorepo holding every supported lockfile', () => {
  let bom: Bom;
  let bomText: string;
  let outDir: string;

  beforeAll(async () => {
    await installedTool('gitleaks');
    const root = mkdtempSync(join(tmpdir(), 'vouch-monorepo-'));
    for (const dir of new Set(Object.keys(EXPECTED).map((path) => dirname(path)))) {
      mkdirSync(join(root, dir), { recursive: true });
      cpSync(join(FIXTURES, dir), join(root, dir), { recursive: true });
    }
    // Offline: no registry or OSV API is asked.
    writeFileSync(
      join(root, 'vouch.yml'),
      'version: 1\nscanners:\n  osv-scanner: { enabled: false }\ndependencies:\n  offline: true\nblock:\n  severities: []\n',
    );
    outDir = mkdtempSync(join(tmpdir(), 'vouch-sbom-out-'));
    const run = spawnSync(
      process.execPath,
      [
        'dist/cli/index.js',
        'scan',
        root,
        '--policy',
        join(root, 'vouch.yml'),
        '--out',
        outDir,
        '--sign',
        'unsigned',
        '--cache-dir',
        DEFAULT_CACHE_DIR,
      ],
      {
        encoding: 'utf8',
        timeout: 600_000,
        env: { PATH: [dirname(process.execPath), '/usr/bin', '/bin'].join(':'), HOME: process.env.HOME },
      },
    );
    expect(run.stderr).not.toMatch(/internal error/);
    bomText = readFileSync(join(outDir, 'vouch.cdx.json'), 'utf8');
    bom = JSON.parse(bomText) as Bom;
  });

  it('validates against the CycloneDX 1.6 schema and carries what GitHub attestations need', async () => {
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(bomText)).toBeNull();
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it.each(Object.entries(EXPECTED))('lists every component of %s', (lockfile, count) => {
    const fromFile = bom.components.filter((c) =>
      c.properties?.some((p) => p.name === 'vouch:lockfile' && p.value.startsWith(`${lockfile}:`)),
    );
    expect(fromFile).toHaveLength(count);
  });

  it('names components by purl, across ecosystems', () => {
    const purls = new Set(bom.components.map((c) => c.purl));
    for (const purl of [
      'pkg:npm/%40types/debug@4.1.13',
      'pkg:pypi/attrs@26.1.0',
      'pkg:pypi/click@8.5.1',
      // go.mod replaces uuid v1.6.0 with v1.5.0: the SBOM names what is built.
      'pkg:golang/github.com/google/uuid@v1.5.0',
      'pkg:cargo/bitflags@1.3.2',
      'pkg:cargo/bitflags@2.13.2',
      'pkg:gem/mini_portile2@2.8.5',
    ]) {
      expect([purl, purls.has(purl)]).toEqual([purl, true]);
    }
  });

  it('records dependency edges and dev scope', () => {
    expect(bom.dependencies.some((d) => (d.dependsOn?.length ?? 0) > 0)).toBe(true);
    expect(bom.components.some((c) => c.scope === 'excluded')).toBe(true);
  });

  it('writes an in-toto statement for the SBOM and one for the decision', () => {
    const sbomStatement = JSON.parse(readFileSync(join(outDir, 'vouch-sbom.intoto.json'), 'utf8')) as {
      _type: string;
      predicateType: string;
    };
    expect(sbomStatement).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      predicateType: 'https://cyclonedx.org/bom',
    });
    const decision = JSON.parse(readFileSync(join(outDir, 'vouch-decision.intoto.json'), 'utf8')) as {
      predicateType: string;
      predicate: { verificationResult: string };
    };
    expect(decision).toMatchObject({
      predicateType: 'https://slsa.dev/verification_summary/v1',
      predicate: { verificationResult: 'PASSED' },
    });
  });
});
