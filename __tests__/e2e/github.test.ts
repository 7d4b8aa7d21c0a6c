import { beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pullRequestEvent, runActionAsync } from '../helpers/action-runner.js';
import { useGitHubServer } from '../helpers/github-server.js';
import { GitRepo } from '../helpers/git-repo.js';
import { installedTool } from '../helpers/tools.js';

const WORKFLOW =
  'name: ci\non: push\npermissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: acme/deploy@v4\n';
const POLICY =
  'version: 1\nscanners:\n  semgrep: { enabled: false }\n  checkov: { enabled: false }\n  osv-scanner: { enabled: false }\n';

const { server, url } = useGitHubServer();

beforeAll(async () => {
  await installedTool('gitleaks');
});

function pullRequest(): { repo: GitRepo; event: ReturnType<typeof pullRequestEvent> } {
  const repo = new GitRepo().write({ '.vouch/policy.yml': POLICY, 'README.md': '# app\n' });
  const base = repo.commit('base');
  repo.write({ '.github/workflows/deploy.yml': WORKFLOW });
  return { repo, event: pullRequestEvent(base, repo.commit('add deploy workflow')) };
}

const env = () => ({
  GITHUB_API_URL: url(),
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SERVER_URL: 'https://github.example',
});

describe('the action comments on the pull request', () => {
  it('creates one comment with the blocking finding, then updates it instead of adding another', async () => {
    const { repo, event } = pullRequest();
    const inputs = { policy: '.vouch/policy.yml', 'github-token': 't0ken' };
    const first = await runActionAsync(repo.root, inputs, event, env());
    expect(first.outputs.decision).toBe('fail');
    expect(first.log).toMatch(/pull request comment created \(id \d+\)/);
    const second = await runActionAsync(repo.root, inputs, event, env());
    expect(second.log).toMatch(/pull request comment updated \(id \d+\)/);
    const comments = server.comments.get(7) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('## Vouch: FAIL');
    expect(comments[0]?.body).toContain('`builtin/actions-unpinned`');
    expect(comments[0]?.body).toContain(`https://github.example/acme/shop/blob/`);
    expect(comments[0]?.body).toContain('/.github/workflows/deploy.yml#L9');
    expect(comments[0]?.body).toContain('Pin the action or image to a full commit SHA');
  });

  it('warns and puts the comment in the job summary when the token may not comment; the decision stands', async () => {
    const { repo, event } = pullRequest();
    server.failWrites = 403;
    try {
      const run = await runActionAsync(
        repo.root,
        { policy: '.vouch/policy.yml', 'github-token': 't0ken' },
        event,
        {
          ...env(),
        },
      );
      expect(run.outputs.decision).toBe('fail');
      expect(run.status).toBe(1);
      expect(run.log).toMatch(
        /::warning::Vouch: pull request comment skipped: .*HTTP 403.*pull-requests: write/,
      );
      expect(run.summary).toContain('## Vouch: FAIL');
      expect(run.summary).toContain('`builtin/actions-unpinned`');
    } finally {
      server.failWrites = undefined;
    }
  });

  it('does not comment with pr-comment: false', async () => {
    const { repo, event } = pullRequest();
    const before = server.requests.length;
    const run = await runActionAsync(
      repo.root,
      { policy: '.vouch/policy.yml', 'github-token': 't0ken', 'pr-comment': 'false' },
      event,
      env(),
    );
    expect(run.outputs.decision).toBe('fail');
    expect(server.requests.slice(before).filter((r) => r.path.includes('/issues/'))).toEqual([]);
  });
});

describe('the action uploads its SARIF to code scanning', () => {
  const push = (repo: GitRepo) => ({
    ...env(),
    GITHUB_SHA: repo.git('rev-parse', 'HEAD').trim(),
    GITHUB_REF: 'refs/heads/main',
  });

  it('uploads every run for the commit and ref, and the decision is the scan’s', async () => {
    const repo = new GitRepo().write({
      '.vouch/policy.yml': POLICY,
      '.github/workflows/deploy.yml': WORKFLOW,
    });
    repo.commit('deploy workflow');
    server.pendingPolls = 0;
    const before = server.uploads.length;
    const run = await runActionAsync(
      repo.root,
      { policy: '.vouch/policy.yml', 'github-token': 't0ken' },
      undefined,
      push(repo),
    );
    expect(run.outputs.decision).toBe('fail');
    expect(run.log).toMatch(/code scanning: SARIF processed \(upload-\d+\) for refs\/heads\/main/);
    const upload = server.uploads.slice(before);
    expect(upload).toHaveLength(1);
    expect(upload[0]?.commitSha).toBe(push(repo).GITHUB_SHA);
    expect(upload[0]?.sarif.runs.map((r) => r.tool.driver.name)).toEqual(
      expect.arrayContaining(['vouch-builtin', 'gitleaks']),
    );
  });

  it('splits the upload by runs when the server refuses it as too large, each run once', async () => {
    const repo = new GitRepo().write({
      '.vouch/policy.yml': POLICY,
      '.github/workflows/deploy.yml': WORKFLOW,
    });
    repo.commit('deploy workflow');
    server.pendingPolls = 0;
    const inputs = { policy: '.vouch/policy.yml', 'github-token': 't0ken', 'check-run': 'false' };
    const whole = await runActionAsync(repo.root, inputs, undefined, push(repo));
    const [single] = server.uploads.slice(-1);
    const runs = single?.sarif.runs ?? [];
    expect(runs.length).toBeGreaterThanOrEqual(2);
    const sizes = runs.map((run) => gzipSync(JSON.stringify({ ...single?.sarif, runs: [run] })).length);
    // Room for the largest run alone, not for all of them together.
    server.maxSarifBytes = Math.max(...sizes) + 16;
    const before = server.uploads.length;
    try {
      const split = await runActionAsync(repo.root, inputs, undefined, push(repo));
      expect(split.outputs.decision).toBe(whole.outputs.decision);
      const parts = server.uploads.slice(before);
      expect(parts.length).toBeGreaterThanOrEqual(2);
      expect(parts.flatMap((p) => p.sarif.runs.map((r) => r.automationDetails?.id))).toEqual(
        runs.map((r) => r.automationDetails?.id),
      );
      expect(split.log).toMatch(/code scanning: SARIF processed \(upload-\d+, upload-\d+/);
    } finally {
      server.maxSarifBytes = undefined;
    }
  });

  it('warns on 403 (code scanning off or a read-only token) and leaves the decision alone', async () => {
    const repo = new GitRepo().write({ '.vouch/policy.yml': POLICY, 'README.md': '# app\n' });
    repo.commit('clean');
    server.failWrites = 403;
    try {
      const run = await runActionAsync(
        repo.root,
        { policy: '.vouch/policy.yml', 'github-token': 't0ken' },
        undefined,
        push(repo),
      );
      expect(run.outputs.decision).toBe('pass');
      expect(run.status).toBe(0);
      expect(run.log).toMatch(
        /::warning::code scanning: SARIF not uploaded: HTTP 403: code scanning is not enabled/,
      );
    } finally {
      server.failWrites = undefined;
    }
  });
});

describe('the action publishes a check run with every annotation', () => {
  it('annotates all 12 blocking findings, past the step’s 10 per kind', async () => {
    const steps = Array.from({ length: 12 }, (_, i) => `      - uses: acme/step-${i}@v1\n`).join('');
    const repo = new GitRepo().write({
      '.vouch/policy.yml': POLICY,
      '.github/workflows/ci.yml': `name: ci\non: push\npermissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`,
    });
    repo.commit('twelve unpinned actions');
    const sha = repo.git('rev-parse', 'HEAD').trim();
    const before = server.checkRuns.length;
    const run = await runActionAsync(
      repo.root,
      { policy: '.vouch/policy.yml', 'github-token': 't0ken', 'upload-sarif': 'false' },
      undefined,
      {
        ...env(),
        GITHUB_SHA: sha,
        GITHUB_REF: 'refs/heads/main',
      },
    );
    expect(run.outputs['findings-blocking']).toBe('12');
    expect(run.log.match(/::error title=/g)).toHaveLength(10);
    const [check] = server.checkRuns.slice(before);
    expect(check).toMatchObject({ headSha: sha, conclusion: 'failure' });
    expect(check?.annotations.map((a) => a.start_line)).toEqual(Array.from({ length: 12 }, (_, i) => 9 + i));
  });
});

describe('a workflow_run job posts what a fork pull request’s run left behind', () => {
  const workflowRun = (headSha: string) => ({
    name: 'workflow_run',
    payload: { workflow_run: { id: 42, event: 'pull_request', head_sha: headSha } },
  });

  /** The fork's run: its read-only token gets 403 for every write, and the results stay in the artifact. */
  async function forkRun(): Promise<{ artifact: string; headSha: string }> {
    const { repo, event } = pullRequest();
    server.failWrites = 403;
    try {
      const run = await runActionAsync(
        repo.root,
        { policy: '.vouch/policy.yml', 'github-token': 'read-only', 'output-dir': 'vouch-results' },
        event,
        env(),
      );
      expect(run.outputs.decision).toBe('fail');
      return { artifact: run.outDir, headSha: repo.git('rev-parse', 'HEAD').trim() };
    } finally {
      server.failWrites = undefined;
    }
  }

  const publish = (artifact: string, headSha: string) =>
    runActionAsync(
      new GitRepo().root,
      { 'publish-results': artifact, 'github-token': 't0ken' },
      workflowRun(headSha),
      env(),
    );

  it('comments on the pull request and uploads the SARIF for its head ref, scanning nothing', async () => {
    const { artifact, headSha } = await forkRun();
    server.comments.delete(7);
    server.pulls.set(7, { headSha, state: 'open' });
    server.pendingPolls = 0;
    const before = server.uploads.length;
    const run = await publish(artifact, headSha);
    expect(run.status).toBe(0);
    expect(run.log).not.toMatch(/semgrep|gitleaks: /i);
    const comments = server.comments.get(7) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('## Vouch: FAIL');
    expect(comments[0]?.body).toContain('`builtin/actions-unpinned`');
    const uploads = server.uploads.slice(before);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ commitSha: headSha, ref: 'refs/pull/7/head' });
  });

  it('posts nothing when the pull request named in the artifact is not at the run’s commit', async () => {
    const { artifact, headSha } = await forkRun();
    server.comments.delete(7);
    server.pulls.set(7, { headSha: 'f'.repeat(40), state: 'open' });
    const before = server.uploads.length;
    const run = await publish(artifact, headSha);
    expect(run.status).toBe(0);
    expect(run.log).toMatch(/::warning::Vouch: nothing posted: pull request #7 is at f{40}/);
    expect(server.comments.get(7)).toBeUndefined();
    expect(server.uploads.length).toBe(before);
  });

  it('refuses a tampered artifact with what is wrong and where', async () => {
    const { artifact, headSha } = await forkRun();
    const file = join(artifact, 'pull-request.json');
    const handoff = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...handoff, number: '7 && curl evil' }));
    server.comments.delete(7);
    const run = await publish(artifact, headSha);
    expect(run.status).toBe(1);
    expect(run.log).toContain(`::error::Vouch could not publish the results: ${file}: "number" must be`);
    expect(server.comments.get(7)).toBeUndefined();
    writeFileSync(file, JSON.stringify(handoff));
    const wrongCommit = await publish(artifact, 'e'.repeat(40));
    expect(wrongCommit.status).toBe(1);
    expect(wrongCommit.log).toContain(`was written for commit ${headSha}, but the finished run judged e`);
    expect(server.comments.get(7)).toBeUndefined();
  });
});

describe('a sharded pull request: matrix jobs scan, one job merges and posts', () => {
  it('shards post nothing; the merge posts one upload and one comment with the whole decision', async () => {
    const repo = new GitRepo().write({ '.vouch/policy.yml': POLICY, 'README.md': '# app\n' });
    const base = repo.commit('base');
    repo.write({
      '.github/workflows/deploy.yml': WORKFLOW,
      '.github/workflows/release.yml': WORKFLOW.replace('deploy@v4', 'release@v2'),
    });
    const head = repo.commit('deploy and release workflows');
    const prEvent = pullRequestEvent(base, head);
    const shards = mkdtempSync(join(tmpdir(), 'vouch-shards-'));
    server.comments.delete(7);
    server.pendingPolls = 0;
    const before = { uploads: server.uploads.length, checks: server.checkRuns.length };
    const inputs = { policy: '.vouch/policy.yml', 'github-token': 't0ken' };
    for (const index of [1, 2]) {
      const shard = await runActionAsync(
        repo.root,
        { ...inputs, shard: `${index}/2`, 'output-dir': join(shards, `vouch-shard-${index}`) },
        prEvent,
        { ...env(), GITHUB_SHA: head, GITHUB_REF: 'refs/pull/7/merge' },
      );
      expect(shard.log).toContain(`::notice::Vouch: shard ${index}/2 is a partial decision`);
    }
    expect(server.uploads.length).toBe(before.uploads);
    expect(server.checkRuns.length).toBe(before.checks);
    expect(server.comments.get(7)).toBeUndefined();
    const merged = await runActionAsync(repo.root, { ...inputs, 'merge-results': shards }, prEvent, {
      ...env(),
      GITHUB_SHA: head,
      GITHUB_REF: 'refs/pull/7/merge',
    });
    expect(merged.outputs.decision).toBe('fail');
    expect(merged.outputs['findings-blocking']).toBe('2');
    expect(server.uploads.length).toBe(before.uploads + 1);
    const comments = server.comments.get(7) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('.github/workflows/deploy.yml');
    expect(comments[0]?.body).toContain('.github/workflows/release.yml');
  });
});
