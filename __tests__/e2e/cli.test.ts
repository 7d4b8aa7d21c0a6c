import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  fixtureRepo,
  PLANTED_SECRET_LOCATION,
  plantedSecret,
  UNPINNED_ACTION_LOCATION,
} from '../helpers/repos.js';
import { DEFAULT_CACHE_DIR, installedTool } from '../helpers/tools.js';

interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A PATH with node but without any gitleaks, so only the cache dir given decides what runs. */
const PATH_WITHOUT_SCANNERS = [dirname(process.execPath), '/usr/bin', '/bin'].join(':');

function vouch(args: string[], cacheDir = DEFAULT_CACHE_DIR): CliRun {
  const child = spawnSync(process.execPath, ['dist/cli/index.js', ...args, '--cache-dir', cacheDir], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { PATH: PATH_WITHOUT_SCANNERS, HOME: process.env.HOME },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

interface JsonReport {
  decision: string;
  findings: {
    ruleId: string;
    fingerprint: string;
    location: { path: string; region: { startLine: number; startColumn: number } };
  }[];
}

/** A cache holding a stand-in gitleaks at the pinned version: for failures real Gitleaks cannot be made to produce. */
function fakeGitleaksCache(script: string): string {
  const cacheDir = mkdtempSync(join(tmpdir(), 'vouch-fake-cache-'));
  const bin = join(cacheDir, 'gitleaks', '8.30.1', 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'gitleaks'), `#!/bin/sh\n${script}\n`);
  chmodSync(join(bin, 'gitleaks'), 0o755);
  return cacheDir;
}

const WRITE_REPORT =
  'while [ "$#" -gt 0 ]; do if [ "$1" = "--report-path" ]; then report="$2"; fi; shift; done';

describe('vouch scan', () => {
  const secret = plantedSecret();
  let planted: string;

  beforeAll(async () => {
    await installedTool('gitleaks');
    planted = fixtureRepo('planted', secret);
  });

  it('blocks the planted repository with exit 1 and the same findings as the action', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'vouch-cli-out-'));
    const run = vouch(['scan', planted, '--format', 'json', '--out', outDir]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.decision).toBe('fail');
    const located = report.findings.map((f) => ({
      rule: f.ruleId,
      path: f.location.path,
      startLine: f.location.region.startLine,
      startColumn: f.location.region.startColumn,
    }));
    expect(located).toEqual([
      { rule: 'gitleaks/github-pat', ...PLANTED_SECRET_LOCATION },
      { rule: 'builtin/actions-unpinned', ...UNPINNED_ACTION_LOCATION },
    ]);
    expect(
      `${run.stdout}${run.stderr}${readFileSync(join(outDir, 'vouch.sarif'), 'utf8')}${readFileSync(join(outDir, 'vouch-results.json'), 'utf8')}`,
    ).not.toContain(secret);
  });

  it('prints progress per scanner and a text summary with the reasons', () => {
    const run = vouch(['scan', planted, '--out', mkdtempSync(join(tmpdir(), 'vouch-cli-out-'))]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^gitleaks: started$/m);
    expect(run.stderr).toMatch(/^gitleaks: findings, 1 finding\(s\) in \d+\.\ds$/m);
    expect(run.stderr).toMatch(/^builtin: findings, 1 finding\(s\) in \d+\.\ds$/m);
    expect(run.stdout).toContain('Decision: FAIL');
    expect(run.stdout).toContain('why blocking: severity critical is blocked by preset:default');
    expect(run.stdout).toContain('CRITICAL gitleaks/github-pat src/config.js:4:11');
  });

  it('passes a clean repository with exit 0', () => {
    const run = vouch(['scan', fixtureRepo('clean'), '--out', mkdtempSync(join(tmpdir(), 'vouch-cli-out-'))]);
    expect(run.stdout).toContain('Decision: PASS');
    expect(run.status).toBe(0);
  });

  it.each([
    ['missing', undefined, /gitleaks: gitleaks 8\.30\.1 is not installed .*run `vouch setup`/],
    [
      'crashing',
      'echo "fatal: cannot open config" >&2; exit 1',
      /gitleaks: gitleaks exited with code 1; exit code 1; stderr: fatal: cannot open config/,
    ],
    [
      'printing garbage',
      `${WRITE_REPORT}; echo '[{"RuleID": ' > "$report"; exit 99`,
      /gitleaks: unreadable gitleaks report: report is not JSON/,
    ],
    ['writing no report', 'exit 0', /gitleaks: gitleaks wrote no report/],
  ])('exits 2 naming the scanner when gitleaks is %s', (_label, script, message) => {
    const cacheDir =
      script === undefined ? mkdtempSync(join(tmpdir(), 'vouch-empty-cache-')) : fakeGitleaksCache(script);
    const run = vouch(['scan', planted, '--out', mkdtempSync(join(tmpdir(), 'vouch-cli-out-'))], cacheDir);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Decision: ERROR');
    expect(run.stdout).toMatch(message);
  });

  it('exits 2 when gitleaks runs past the policy timeout', () => {
    const policy = join(planted, 'fast.yml');
    writeFileSync(policy, 'version: 1\nscanners:\n  gitleaks: { timeout-seconds: 1 }\n');
    const run = vouch(
      ['scan', planted, '--policy', policy, '--out', mkdtempSync(join(tmpdir(), 'vouch-cli-out-'))],
      fakeGitleaksCache('sleep 30'),
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/gitleaks: timed out after 1s/);
  });

  it('exits 2 pointing at the field and line of an invalid policy', () => {
    const policy = join(planted, 'bad.yml');
    writeFileSync(policy, 'version: 1\nblock:\n  severities: [critical, severe]\n');
    const run = vouch(['scan', planted, '--policy', policy]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad\.yml:3: \/block\/severities\/1: expected one of .*found "severe"/);
  });
});

describe('vouch scan with several scanners seeing one secret', () => {
  it('reports a key seen by both Gitleaks and Checkov once, listing both tools', async () => {
    await installedTool('checkov');
    const repo = mkdtempSync(join(tmpdir(), 'vouch-dedupe-'));
    // An AWS-key-shaped value made at test time; never committed.
    const keyId = `AKIA${Array.from({ length: 16 }, (_, i) => 'QWERTYUIOPASDFGHJKLZXCVBNM234567'[(i * 7 + Date.now()) % 32]).join('')}`;
    writeFileSync(
      join(repo, 'provider.tf'),
      `provider "aws" {\n  region     = "us-east-1"\n  access_key = "${keyId}"\n}\n`,
    );
    const run = vouch([
      'scan',
      repo,
      '--format',
      'json',
      '--out',
      mkdtempSync(join(tmpdir(), 'vouch-cli-out-')),
    ]);
    const report = JSON.parse(run.stdout) as {
      findings: {
        tool: string;
        ruleId: string;
        alsoReportedBy: string[];
        location: { path: string; region: { startLine: number } };
      }[];
    };
    const onKeyLine = report.findings.filter(
      (f) =>
        f.location.path === 'provider.tf' &&
        f.location.region.startLine === 3 &&
        (f.tool === 'gitleaks' || f.alsoReportedBy.includes('gitleaks')),
    );
    expect(onKeyLine).toHaveLength(1);
    expect([onKeyLine[0]?.tool, ...(onKeyLine[0]?.alsoReportedBy ?? [])].sort()).toEqual([
      'checkov',
      'gitleaks',
    ]);
    expect(run.stdout).not.toContain(keyId);
  });
});

describe('vouch policy validate', () => {
  it('accepts a valid policy and points at the field and line of an invalid one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-validate-'));
    writeFileSync(join(dir, 'good.yml'), 'version: 1\nthresholds:\n  - owasp: A05:2025\n    max: 0\n');
    writeFileSync(
      join(dir, 'bad.yml'),
      'version: 1\nsuppressions:\n  - rule: semgrep/x\n    owner: me\n    expires: 2027-01-01\n',
    );
    const good = vouch(['policy', 'validate', join(dir, 'good.yml')]);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('good.yml: valid');
    const bad = vouch(['policy', 'validate', join(dir, 'bad.yml')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yml:3: \/suppressions\/0: must have required property 'reason'/);
  });
});
