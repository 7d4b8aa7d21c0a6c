import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { pullRequestEvent, runAction } from '../helpers/action-runner.js';
import { GitRepo } from '../helpers/git-repo.js';
import { plantedSecret } from '../helpers/repos.js';
import { installedTool } from '../helpers/tools.js';

const workflow = (action: string) =>
  `name: ci\non: push\npermissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${action}\n`;

const POLICY = 'version: 1\nblock:\n  severities: [critical, high]\n';

interface ResultsFile {
  decision: {
    status: string;
    notes: string[];
    blocking: {
      ruleId: string;
      location: { path: string; region?: { startLine: number } };
      reason: string;
    }[];
  };
  findings: { ruleId: string; verdict: string; isNew: boolean; location: { path: string } }[];
}

function results(outputs: Record<string, string>): ResultsFile {
  return JSON.parse(readFileSync(outputs['results-file'] ?? '', 'utf8')) as ResultsFile;
}

beforeAll(async () => {
  await installedTool('gitleaks');
});

describe('the action on a pull request', () => {
  it('blocks on the finding the change introduces, not on the one already on the base branch', () => {
    const repo = new GitRepo().write({
      '.vouch/policy.yml': POLICY,
      '.github/workflows/ci.yml': workflow('acme/checkout@v4'),
    });
    const base = repo.commit('base');
    // The change adds a step to the same workflow: the old unpinned line is on a touched file, not changed.
    repo.write({
      '.github/workflows/ci.yml': `${workflow('acme/checkout@v4')}      - uses: acme/setup-node@v4\n`,
    });
    const head = repo.commit('add a step');
    const run = runAction(repo.root, { policy: '.vouch/policy.yml' }, pullRequestEvent(base, head));
    expect(run.outputs).toMatchObject({ decision: 'fail', 'findings-total': '2', 'findings-blocking': '1' });
    const record = results(run.outputs);
    expect(record.decision.blocking.map((b) => b.location.path)).toEqual(['.github/workflows/ci.yml']);
    const old = record.findings.find((f) => f.verdict !== 'blocking');
    expect(old).toMatchObject({
      verdict: 'pre-existing',
      isNew: false,
      location: { path: '.github/workflows/ci.yml' },
    });
    expect(record.decision.notes).toContain(`new-only: judging what changed since ${base}`);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'] ?? '', 'utf8')) as {
      runs: { results: { baselineState?: string }[] }[];
    };
    expect(sarif.runs.flatMap((r) => r.results.map((x) => x.baselineState)).sort()).toEqual([
      'new',
      'unchanged',
    ]);
  });

  it('passes a pull request that only touches other files, without reading the untouched ones again', () => {
    const repo = new GitRepo().write({
      '.vouch/policy.yml': POLICY,
      '.github/workflows/ci.yml': workflow('acme/checkout@v4'),
    });
    const base = repo.commit('base');
    repo.write({ 'README.md': '# docs\n' });
    const run = runAction(
      repo.root,
      { policy: '.vouch/policy.yml' },
      pullRequestEvent(base, repo.commit('docs')),
    );
    expect(run.outputs).toMatchObject({ decision: 'pass', 'findings-total': '0', 'findings-blocking': '0' });
    expect(run.status).toBe(0);
  });

  it('points Semgrep at the files the pull request changed only', () => {
    const vulnerable = 'import subprocess\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n';
    const repo = new GitRepo().write({ '.vouch/policy.yml': POLICY, 'old.py': vulnerable });
    const base = repo.commit('base');
    repo.write({ 'new.py': vulnerable });
    const run = runAction(
      repo.root,
      { policy: '.vouch/policy.yml' },
      pullRequestEvent(base, repo.commit('add new.py')),
    );
    const semgrep = results(run.outputs).findings.filter((f) => f.ruleId.startsWith('semgrep/'));
    expect(semgrep.map((f) => [f.location.path, f.verdict])).toEqual([['new.py', 'blocking']]);
    expect(run.outputs.decision).toBe('fail');
  });

  it('skips Checkov and OSV-Scanner when the change touches no file they read, saying so in one line each', () => {
    const repo = new GitRepo().write({
      '.vouch/policy.yml': POLICY,
      'infra/main.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  acl    = "public-read"\n}\n',
      'package-lock.json': JSON.stringify({ name: 'a', lockfileVersion: 3, packages: { '': { name: 'a' } } }),
    });
    const base = repo.commit('base');
    repo.write({ 'README.md': '# docs only\n' });
    const run = runAction(
      repo.root,
      { policy: '.vouch/policy.yml' },
      pullRequestEvent(base, repo.commit('docs')),
    );
    expect(run.log).toMatch(/checkov: skipped/);
    expect(run.log).toMatch(/osv-scanner: skipped/);
    expect(run.summary).toContain('this change touches no file Checkov reads');
    expect(run.summary).toContain('this change touches no lockfile or manifest');
    expect(results(run.outputs).findings.filter((f) => f.ruleId.startsWith('checkov/'))).toEqual([]);
  });

  it('gives Checkov the whole Terraform module of a changed file, so variables defined beside it resolve', () => {
    const repo = new GitRepo().write({
      '.vouch/policy.yml': POLICY,
      'infra/vars.tf': 'variable "acl" {\n  default = "public-read"\n}\n',
      'other/main.tf': 'resource "aws_s3_bucket" "old" {\n  bucket = "old"\n  acl    = "public-read"\n}\n',
    });
    const base = repo.commit('base');
    repo.write({
      'infra/main.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  acl    = var.acl\n}\n',
    });
    const run = runAction(
      repo.root,
      { policy: '.vouch/policy.yml' },
      pullRequestEvent(base, repo.commit('bucket')),
    );
    const checkov = results(run.outputs).findings.filter((f) => f.ruleId === 'checkov/CKV_AWS_20');
    expect(checkov.map((f) => f.location.path)).toEqual(['infra/main.tf']);
  });

  it('gives Gitleaks only the changed files, at their repository paths', () => {
    const repo = new GitRepo().write({
      '.vouch/policy.yml': POLICY,
      'src/old.js': `export const token = '${plantedSecret()}';\n`,
    });
    const base = repo.commit('base');
    repo.write({ 'src/deep/new.js': `// sync\nexport const token = '${plantedSecret()}';\n` });
    const run = runAction(
      repo.root,
      { policy: '.vouch/policy.yml' },
      pullRequestEvent(base, repo.commit('new token')),
    );
    const leaks = results(run.outputs).findings.filter((f) => f.ruleId.startsWith('gitleaks/'));
    expect(leaks.map((f) => [f.location.path, f.verdict])).toEqual([['src/deep/new.js', 'blocking']]);
    expect(run.outputs.decision).toBe('fail');
  });

  it('blocks on a secret one commit of the change added and a later one removed, naming the commit', () => {
    const repo = new GitRepo().write({ '.vouch/policy.yml': POLICY, 'README.md': '# app\n' });
    const base = repo.commit('base');
    const secret = plantedSecret();
    repo.write({
      'src/app.js': `// app\nconst a = 1;\nexport const token = '${secret}';\n`,
      'src/kept.js': `export const kept = '${plantedSecret()}';\n`,
    });
    const leaked = repo.commit('add token');
    repo.write({ 'src/app.js': '// app\nconst a = 1;\nexport const token = process.env.TOKEN;\n' });
    const run = runAction(
      repo.root,
      { policy: '.vouch/policy.yml' },
      pullRequestEvent(base, repo.commit('read the token from the environment')),
    );
    expect(run.outputs.decision).toBe('fail');
    const leaks = results(run.outputs).findings.filter((f) => f.ruleId.startsWith('gitleaks/'));
    // The removed one from the history, the one still there once (from the tree, not again from history).
    expect(leaks.map((f) => [f.location.path, f.verdict, f.isNew]).sort()).toEqual([
      ['src/app.js', 'blocking', true],
      ['src/kept.js', 'blocking', true],
    ]);
    const removed = results(run.outputs).findings.find(
      (f) => f.location.path === 'src/app.js',
    ) as unknown as {
      message: string;
      commit: string;
      secret: string;
      location: { region: { startLine: number } };
    };
    expect(removed).toMatchObject({ commit: leaked, secret: 'live', location: { region: { startLine: 3 } } });
    expect(removed.message).toContain(`committed in ${leaked.slice(0, 12)} and removed again`);
    expect(run.log).not.toContain(secret);
    expect(readFileSync(run.outputs['sarif-file'] ?? '', 'utf8')).not.toContain(secret);
  });

  it('judges a placeholder committed and removed within the change as a placeholder', () => {
    const repo = new GitRepo().write({ '.vouch/policy.yml': POLICY, 'README.md': '# app\n' });
    const base = repo.commit('base');
    // ghp_ and 36 characters, the last six a placeholder word.
    repo.write({ 'src/app.js': `export const token = '${plantedSecret().slice(0, 34)}Sample';\n` });
    repo.commit('placeholder');
    repo.write({ 'src/app.js': 'export const token = process.env.TOKEN;\n' });
    const run = runAction(
      repo.root,
      { policy: '.vouch/policy.yml' },
      pullRequestEvent(base, repo.commit('env')),
    );
    const leaks = results(run.outputs).findings.filter((f) => f.ruleId.startsWith('gitleaks/'));
    expect(leaks.map((f) => (f as unknown as { secret?: string }).secret)).toEqual(['placeholder']);
  });

  it('judges a pull request that loosens the policy by the base policy, and says so', () => {
    const repo = new GitRepo().write({ '.vouch/policy.yml': POLICY, 'README.md': '# app\n' });
    const base = repo.commit('base');
    repo.write({
      '.vouch/policy.yml': 'version: 1\nblock:\n  severities: []\n',
      '.github/workflows/ci.yml': workflow('acme/checkout@main'),
    });
    const run = runAction(
      repo.root,
      { policy: '.vouch/policy.yml' },
      pullRequestEvent(base, repo.commit('loosen and add')),
    );
    expect(run.outputs.decision).toBe('fail');
    const note =
      "policy .vouch/policy.yml is changed by this change; it is judged with the base branch's version, the new one takes effect once merged";
    expect(results(run.outputs).decision.notes).toContain(note);
    expect(run.summary).toContain(note);
    expect(results(run.outputs).decision.blocking[0]?.reason).toContain('.vouch/policy.yml@base');
  });

  it('blocks on an expired suppression, pointing at its line in the policy', () => {
    const policy = `${POLICY}suppressions:\n  - rule: builtin/actions-unpinned\n    reason: migrating to pinned actions in Q1\n    owner: platform-team\n    expires: 2020-01-31\n`;
    const repo = new GitRepo().write({
      '.vouch/policy.yml': policy,
      '.github/workflows/ci.yml': workflow('acme/checkout@v4'),
    });
    const base = repo.commit('base');
    repo.write({ 'README.md': '# docs\n' });
    const run = runAction(
      repo.root,
      { policy: '.vouch/policy.yml' },
      pullRequestEvent(base, repo.commit('docs')),
    );
    expect(run.outputs.decision).toBe('fail');
    const [expired] = results(run.outputs).decision.blocking;
    expect(expired).toMatchObject({
      ruleId: 'vouch-policy/expired-suppression',
      location: { path: '.vouch/policy.yml', region: { startLine: 5 } },
    });
    expect(run.summary).toContain('expired suppression at .vouch/policy.yml:5');
  });

  it('keeps a live suppression in the SARIF with its justification', () => {
    const policy = `${POLICY}suppressions:\n  - path: .github/workflows/ci.yml\n    reason: internal runner image, pinned by digest elsewhere\n    owner: platform-team\n    expires: 2999-12-31\n`;
    const repo = new GitRepo().write({
      '.vouch/policy.yml': policy,
      '.github/workflows/ci.yml': workflow('acme/checkout@v4'),
    });
    repo.commit('base');
    const run = runAction(repo.root, { policy: '.vouch/policy.yml' });
    expect(run.outputs.decision).toBe('pass');
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'] ?? '', 'utf8')) as {
      runs: { results: { suppressions?: { status: string; justification: string }[] }[] }[];
    };
    const suppressed = sarif.runs.flatMap((r) => r.results).find((r) => r.suppressions);
    expect(suppressed?.suppressions?.[0]).toMatchObject({
      status: 'accepted',
      justification: expect.stringContaining('internal runner image') as unknown,
    });
  });

  it('exits with decision error pointing at the field and line of an invalid policy', () => {
    const repo = new GitRepo().write({
      '.vouch/policy.yml': 'version: 1\nthresholds:\n  - owasp: A11:2025\n    max: 0\n',
    });
    repo.commit('base');
    const run = runAction(repo.root, { policy: '.vouch/policy.yml' });
    expect(run.outputs.decision).toBe('error');
    expect(run.status).toBe(1);
    expect(run.log).toMatch(/policy \.vouch\/policy\.yml:3: \/thresholds\/0\/owasp: must match pattern/);
  });
});
