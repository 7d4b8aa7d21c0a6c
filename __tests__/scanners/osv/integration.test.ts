import { beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOsvAdapter, type OsvAdapterOptions } from '../../../src/scanners/osv/adapter.js';
import { osvArgs, planLocalDb } from '../../../src/scanners/osv/args.js';
import type { ScanContext, ScanOutcome } from '../../../src/scanners/scanner.js';
import { NPM_RECORDS, PYPI_RECORDS, writeDb } from '../../helpers/osv-db.js';
import { installedTool, realPorts } from '../../helpers/tools.js';

function copyFixture(name: string): { root: string; files: string[] } {
  const root = mkdtempSync(join(tmpdir(), `vouch-osv-${name}-`));
  cpSync(join('__fixtures__', 'osv', name), root, { recursive: true });
  return { root, files: readdirSync(root).sort() };
}

let osvScanner: string;
let currentDb: string;

beforeAll(async () => {
  // Fails, never skips, when the pinned osv-scanner is missing.
  osvScanner = await installedTool('osv-scanner');
  currentDb = writeDb('osv-scalibr', { npm: NPM_RECORDS, PyPI: PYPI_RECORDS });
});

function scan(
  fixture: string,
  options: Partial<OsvAdapterOptions> = {},
  executable: string | null = osvScanner,
  changedFiles?: readonly string[],
): Promise<ScanOutcome> {
  const { root, files } = copyFixture(fixture);
  const workDir = mkdtempSync(join(tmpdir(), 'vouch-osv-work-'));
  const context: ScanContext = {
    root,
    files,
    ...(changedFiles ? { changedFiles } : {}),
    workDir,
    timeoutMs: 120_000,
    ...(executable === null ? {} : { executable }),
    ports: realPorts(),
  };
  const adapter = createOsvAdapter({
    version: '2.5.1',
    unknownSeverity: 'low',
    offlineDbPath: currentDb,
    ...options,
  });
  return adapter.scan(context).finally(() => {
    // Regenerates the recorded report the parser tests read, behind a flag as golden files are.
    const report = join(workDir, 'osv-scanner.json');
    const defaults = fixture === 'repo' && Object.keys(options).length === 0 && executable !== null;
    if (process.env.VOUCH_RECORD_OSV === '1' && defaults && existsSync(report))
      copyFileSync(report, join('__fixtures__', 'osv', 'report-vulnerable.json'));
  });
}

type Row = [string, string, number, string, number];

function rows(outcome: ScanOutcome): Row[] {
  if (outcome.kind !== 'findings') throw new Error(`expected findings, got ${JSON.stringify(outcome)}`);
  return outcome.detections.map((d) => [
    d.ruleId,
    d.location.path,
    d.location.region?.startLine ?? 0,
    d.severity ?? '',
    d.securitySeverity ?? 0,
  ]);
}

/** What the fixture repository's lockfiles and the database above must give, in report order. */
const EXPECTED: Row[] = [
  ['osv-scanner/MAL-2025-4242', 'package-lock.json', 17, 'critical', 10],
  ['osv-scanner/GHSA-35jh-r3h4-6jhm', 'package-lock.json', 22, 'high', 7.2],
  ['osv-scanner/GHSA-xvch-5gv4-984h', 'package-lock.json', 43, 'high', 8.1],
  ['osv-scanner/GHSA-xvch-5gv4-984h', 'package-lock.json', 27, 'high', 8.1],
  ['osv-scanner/GHSA-462w-v97r-4m45', 'requirements.txt', 5, 'high', 8],
  ['osv-scanner/PYSEC-2018-28', 'requirements.txt', 3, 'low', 3],
  ['osv-scanner/PYSEC-2019-133', 'requirements.txt', 6, 'medium', 5],
];

describe('osv-scanner adapter with the real osv-scanner, offline', () => {
  let outcome: ScanOutcome;
  beforeAll(async () => {
    outcome = await scan('repo');
  });

  it('reports every vulnerable package at its lockfile line with a CVSS-derived severity', () => {
    expect(rows(outcome).sort()).toEqual([...EXPECTED].sort());
  });

  it("ignores the repository's own osv-scanner.toml, which tries to silence lodash and minimist", () => {
    expect(rows(outcome).map((row) => row[0])).toContain('osv-scanner/GHSA-35jh-r3h4-6jhm');
  });

  it('describes each advisory group as one rule', () => {
    if (outcome.kind !== 'findings') throw new Error(`expected findings, got ${outcome.kind}`);
    expect(outcome.tool).toEqual({
      name: 'osv-scanner',
      version: '2.5.1',
      informationUri: 'https://google.github.io/osv-scanner/',
    });
    const rules = new Map(outcome.rules.map((rule) => [rule.id, rule]));
    expect(rules.size).toBe(6);
    expect(rules.get('osv-scanner/GHSA-35jh-r3h4-6jhm')).toMatchObject({
      shortDescription: 'Command Injection in lodash',
      cwe: ['CWE-77', 'CWE-94', 'CWE-1395', 'CWE-1035'],
      tags: ['dependency', 'vulnerability', 'CVE-2021-23337'],
    });
    expect(rules.get('osv-scanner/GHSA-35jh-r3h4-6jhm')?.help).toContain(
      'Upgrade lodash to 4.17.21 or later',
    );
    expect(rules.get('osv-scanner/MAL-2025-4242')).toMatchObject({
      severity: 'critical',
      cwe: ['CWE-506', 'CWE-1395', 'CWE-1035'],
      tags: ['dependency', 'malicious-package'],
    });
    expect(rules.get('osv-scanner/PYSEC-2018-28')?.shortDescription).toBe(
      'The Requests package before 2.20.0 for Python sends an HTTP Authorization header to an http URI upon receiving a same-hostname https-to-http redirect.',
    );
  });

  it('says which package, version, advisory, aliases and fix in each message', () => {
    if (outcome.kind !== 'findings') throw new Error(`expected findings, got ${outcome.kind}`);
    const messages = outcome.detections.map((d) => d.message);
    expect(messages).toContain(
      'lodash@4.17.20 (npm) is affected by GHSA-35jh-r3h4-6jhm (CVE-2021-23337): Command Injection in lodash; fixed in 4.17.21',
    );
    expect(messages).toContain(
      'minimist@0.0.8 (npm) is affected by GHSA-xvch-5gv4-984h (CVE-2021-44906): Prototype Pollution in minimist; fixed in 0.2.4, 1.2.6',
    );
    expect(messages).toContain(
      'flatmap-stream@0.1.1 (npm) is affected by MAL-2025-4242: Malicious code in flatmap-stream (npm); no fixed version is known',
    );
    expect(outcome.notes).toEqual([]);
  });

  it('reads a database in the layout older osv-scanners and the documentation use, without writing to it', async () => {
    const legacyDb = writeDb('osv-scanner', { npm: NPM_RECORDS, PyPI: PYPI_RECORDS });
    const legacy = await scan('repo', { offlineDbPath: legacyDb });
    expect(rows(legacy).sort()).toEqual([...EXPECTED].sort());
    expect(existsSync(join(legacyDb, 'osv-scalibr'))).toBe(false);
  });

  it('needs that help: osv-scanner 2.5.1 itself does not read the older layout', async () => {
    const legacyDb = writeDb('osv-scanner', { npm: NPM_RECORDS, PyPI: PYPI_RECORDS });
    const { root } = copyFixture('repo');
    const report = join(mkdtempSync(join(tmpdir(), 'vouch-osv-work-')), 'report.json');
    const args = ['scan', 'source', '-r', '--format', 'json', '--output-file', report, '--offline'];
    const result = await realPorts().processes.run({
      command: osvScanner,
      args: [...args, '--local-db-path', legacyDb, root],
      timeoutMs: 120_000,
    });
    expect(result).toMatchObject({ kind: 'exited', exitCode: 127 });
  });

  it('reads a database split across both layouts', async () => {
    const mixed = writeDb('osv-scanner', { PyPI: PYPI_RECORDS });
    const npmOnly = writeDb('osv-scalibr', { npm: NPM_RECORDS });
    cpSync(join(npmOnly, 'osv-scalibr'), join(mixed, 'osv-scalibr'), { recursive: true });
    writeFileSync(join(mixed, 'osv-scalibr', 'README'), 'not an ecosystem\n');
    expect(rows(await scan('repo', { offlineDbPath: mixed })).sort()).toEqual([...EXPECTED].sort());
  });

  it('gives unscored advisories the configured unknown severity', async () => {
    const high = await scan('repo', { unknownSeverity: 'high' });
    expect(
      rows(high)
        .find((row) => row[0] === 'osv-scanner/PYSEC-2018-28')
        ?.slice(3),
    ).toEqual(['high', 8]);
  });

  it('is skipped in a repository without lockfiles or manifests', async () => {
    expect(await scan('no-lockfile')).toEqual({ kind: 'skipped', reason: 'no package sources found' });
  });

  it('fails, naming the cause, when the offline database lacks an ecosystem the repository uses', async () => {
    const npmOnly = writeDb('osv-scalibr', { npm: NPM_RECORDS });
    const failed = await scan('repo', { offlineDbPath: npmOnly });
    if (failed.kind !== 'error') throw new Error(`expected an error, got ${failed.kind}`);
    expect(failed.error.code).toBe('CRASHED');
    expect(failed.error.exitCode).toBe(127);
    expect(failed.error.message).toContain('has no all.zip for an ecosystem the repository uses');
    expect(failed.error.stderrTail).toContain('no offline version of the OSV database is available');
  });

  it('fails closed when the recursive scan skips an ecosystem the database lacks but exits as if it had not', async () => {
    // go.mod's `go` line is the Go standard library as a package; the database has no Go archive.
    const failed = await scan('go-module');
    if (failed.kind !== 'error') throw new Error(`expected an error, got ${failed.kind}`);
    expect(failed.error.code).toBe('CRASHED');
    expect(failed.error.exitCode).toBe(1);
    expect(failed.error.message).toContain('osv-scanner did not check every package (it exited 1');
    expect(failed.error.message).toContain('has no all.zip for an ecosystem the repository uses');
    const withGo = writeDb('osv-scalibr', { PyPI: PYPI_RECORDS, Go: [] });
    expect(rows(await scan('go-module', { offlineDbPath: withGo })).map((row) => row[0])).toEqual([
      'osv-scanner/PYSEC-2018-28',
    ]);
  });

  it('is NOT_INSTALLED without an executable', async () => {
    const missing = await scan('repo', {}, null);
    if (missing.kind !== 'error') throw new Error(`expected an error, got ${missing.kind}`);
    expect(missing.error.code).toBe('NOT_INSTALLED');
  });
});

describe('osv-scanner on a pull request', () => {
  it('reads only the lockfiles the change touched', async () => {
    const outcome = await scan('repo', {}, osvScanner, ['package-lock.json', 'src/app.js']);
    expect(rows(outcome).sort()).toEqual(EXPECTED.filter((row) => row[1] === 'package-lock.json').sort());
  });

  it('does not run when the change touches no lockfile or manifest, and says why', async () => {
    const outcome = await scan('repo', {}, osvScanner, ['src/app.js']);
    expect(outcome).toEqual({
      kind: 'skipped',
      reason: 'this change touches no lockfile or manifest, so no dependency changed',
    });
  });

  it('names the changed lockfiles instead of walking the tree', () => {
    const args = osvArgs({
      reportPath: '/w/r.json',
      configPath: '/w/c.toml',
      lockfiles: ['a/package-lock.json', 'requirements.txt'],
    });
    expect(args).toEqual(
      expect.arrayContaining(['--lockfile=a/package-lock.json', '--lockfile=requirements.txt']),
    );
    expect(args).not.toContain('--recursive');
    expect(args.at(-1)).not.toBe('.');
  });
});

describe('osv-scanner arguments', () => {
  it('scans the repository root online by default', () => {
    const args = osvArgs({ reportPath: '/w/r.json', configPath: '/w/c.toml' });
    expect(args.slice(0, 3)).toEqual(['scan', 'source', '--recursive']);
    expect(args.at(-1)).toBe('.');
    expect(args).toEqual(expect.arrayContaining(['--output-file', '/w/r.json', '--config', '/w/c.toml']));
    expect(args.filter((arg) => arg.startsWith('--offline'))).toEqual([]);
  });

  it('does not resolve transitive dependencies online unless the policy asks for it', () => {
    const base = { reportPath: '/w/r.json', configPath: '/w/c.toml' };
    expect(osvArgs(base)).toContain('--no-resolve');
    expect(osvArgs({ ...base, resolveTransitive: false })).toContain('--no-resolve');
    expect(osvArgs({ ...base, resolveTransitive: true })).not.toContain('--no-resolve');
  });

  it('goes offline, without resolving manifests through deps.dev, with a local database', () => {
    const args = osvArgs({ reportPath: '/w/r.json', configPath: '/w/c.toml', localDbPath: '/db' });
    expect(args).toEqual(expect.arrayContaining(['--offline', '--offline-vulnerabilities', '--no-resolve']));
    expect(args[args.indexOf('--local-db-path') + 1]).toBe('/db');
  });

  it('uses a database as it is when the current layout has every ecosystem', () => {
    expect(planLocalDb('/db', { current: ['PyPI', 'npm'], legacy: ['npm'] })).toEqual({ kind: 'as-is' });
    expect(planLocalDb('/db', { current: [], legacy: [] })).toEqual({ kind: 'as-is' });
  });

  it('links what only the older layout has, preferring the current one', () => {
    expect(planLocalDb('/db', { current: ['npm'], legacy: ['PyPI', 'npm'] })).toEqual({
      kind: 'view',
      links: [
        { link: 'osv-scalibr/npm/all.zip', target: '/db/osv-scalibr/npm/all.zip' },
        { link: 'osv-scalibr/PyPI/all.zip', target: '/db/osv-scanner/PyPI/all.zip' },
      ],
    });
  });
});
