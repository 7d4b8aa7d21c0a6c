import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_CACHE_DIR, installedTool } from '../helpers/tools.js';

const BANDIT =
  process.env.VOUCH_TEST_BANDIT ??
  join(
    process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
    'vouch-test',
    'bandit-1.9.4',
    'bin',
    'bandit',
  );

function vouch(args: string[]) {
  return spawnSync(process.execPath, ['dist/cli/index.js', ...args, '--cache-dir', DEFAULT_CACHE_DIR], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { PATH: [dirname(process.execPath), '/usr/bin', '/bin'].join(':'), HOME: process.env.HOME },
  });
}

interface Sarif {
  runs: {
    tool: { driver: { name: string } };
    results: {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
  }[];
}

describe('vouch scan --sarif (another tool’s SARIF, judged by the same policy)', () => {
  let repo: string;
  let banditSarif: string;

  beforeAll(async () => {
    await installedTool('gitleaks');
    repo = mkdtempSync(join(tmpdir(), 'vouch-bandit-repo-'));
    writeFileSync(
      join(repo, 'tasks.py'),
      'import subprocess\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n',
    );
    banditSarif = join(mkdtempSync(join(tmpdir(), 'vouch-bandit-out-')), 'bandit.sarif');
    const bandit = spawnSync(BANDIT, ['-r', '.', '-f', 'sarif', '-o', banditSarif], {
      cwd: repo,
      encoding: 'utf8',
    });
    if (bandit.error)
      throw new Error(`Bandit not found at ${BANDIT}: run \`npm run test:tools\` (${bandit.error.message})`);
  });

  it("puts a real Bandit run's results into Vouch's SARIF and decision, merged with what Vouch's own scanners saw", () => {
    const out = mkdtempSync(join(tmpdir(), 'vouch-out-'));
    const run = vouch(['scan', repo, '--sarif', banditSarif, '--out', out, '--format', 'json']);
    const report = JSON.parse(run.stdout) as {
      decision: string;
      findings: {
        tool: string;
        ruleId: string;
        verdict: string;
        alsoReportedBy: string[];
        location: { path: string; region: { startLine: number } };
      }[];
    };
    const b404 = report.findings.find((f) => f.ruleId === 'bandit/B404');
    expect(b404).toMatchObject({
      tool: 'sarif',
      verdict: 'reported',
      location: { path: 'tasks.py', region: { startLine: 1 } },
    });
    // Bandit's B602 and Semgrep's shell=True rule flag the same line with the same CWE: one finding, both tools.
    const shell = report.findings.filter(
      (f) => f.location.path === 'tasks.py' && f.location.region.startLine === 5,
    );
    expect(shell).toHaveLength(1);
    expect([shell[0]?.tool, ...(shell[0]?.alsoReportedBy ?? [])].sort()).toEqual(['sarif', 'semgrep']);
    expect(shell[0]?.verdict).toBe('blocking');
    expect(report.decision).toBe('fail');
    expect(run.status).toBe(1);
    const sarif = JSON.parse(readFileSync(join(out, 'vouch.sarif'), 'utf8')) as Sarif;
    const imported = sarif.runs.find((r) => r.tool.driver.name === 'sarif-import');
    const result = imported?.results.find((r) => r.ruleId === 'bandit/B404');
    expect(result?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'tasks.py', uriBaseId: '%SRCROOT%' },
      region: expect.objectContaining({ startLine: 1 }) as unknown,
    });
  });

  it('exits 2 naming a malformed SARIF file and its first schema violation', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'vouch-bad-')), 'broken.sarif');
    writeFileSync(bad, JSON.stringify({ version: '2.0', runs: [] }));
    const run = vouch(['scan', repo, '--sarif', bad, '--out', mkdtempSync(join(tmpdir(), 'vouch-out-'))]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Decision: ERROR');
    expect(run.stdout).toContain('broken.sarif');
    expect(run.stdout).toMatch(/\/version/);
  });

  it('exits 2 when a SARIF pattern matches nothing', () => {
    const run = vouch([
      'scan',
      repo,
      '--sarif',
      join(repo, 'missing-*.sarif'),
      '--out',
      mkdtempSync(join(tmpdir(), 'vouch-out-')),
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('missing-*.sarif');
  });
});
