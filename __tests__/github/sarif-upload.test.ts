import { describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { octokitClient } from '../../src/action/github-client.js';
import { planUploads, uploadSarif } from '../../src/github/sarif-upload.js';
import { GITHUB_LIMITS } from '../../src/sarif/limits.js';
import type { SarifLog, SarifRun } from '../../src/sarif/types.js';
import { FAST_RETRIES, useGitHubServer } from '../helpers/github-server.js';

const { server, url } = useGitHubServer();

const TARGET = { owner: 'o', repo: 'r', commitSha: 'c'.repeat(40), ref: 'refs/pull/7/merge' };
const noWait = { pollIntervalMs: 1, sleep: () => Promise.resolve() };

function run(name: string, results = 1): SarifRun {
  return {
    tool: { driver: { name, rules: [] } },
    automationDetails: { id: `vouch/${name}/` },
    results: Array.from({ length: results }, (_, i) => ({
      ruleId: `${name}/r`,
      message: { text: `finding ${i} ${'x'.repeat(200)}` },
      locations: [
        { physicalLocation: { artifactLocation: { uri: `src/f${i}.py` }, region: { startLine: 1 } } },
      ],
    })),
  } as unknown as SarifRun;
}

const log = (...runs: SarifRun[]): SarifLog => ({ version: '2.1.0', runs }) as unknown as SarifLog;

describe('planUploads', () => {
  it('keeps a log within the limits as one upload', () => {
    expect(planUploads(log(run('semgrep'), run('gitleaks')))).toHaveLength(1);
  });

  it('splits by run count and by gzipped size, keeping runs whole and in order', () => {
    const many = log(...Array.from({ length: 5 }, (_, i) => run(`tool${i}`)));
    const byRuns = planUploads(many, { ...GITHUB_LIMITS, maxRuns: 2 });
    expect(byRuns.map((u) => u.runs.map((r) => r.tool.driver.name))).toEqual([
      ['tool0', 'tool1'],
      ['tool2', 'tool3'],
      ['tool4'],
    ]);
    const bySize = planUploads(log(run('a', 400), run('b', 400)), { ...GITHUB_LIMITS, maxGzipBytes: 4_000 });
    expect(bySize.map((u) => u.runs.length)).toEqual([1, 1]);
  });
});

describe('uploadSarif against the code-scanning endpoints', () => {
  it('uploads gzip+base64 with the commit and ref, and waits for processing to complete', async () => {
    const before = server.uploads.length;
    const outcome = await uploadSarif(
      octokitClient('t', url(), FAST_RETRIES),
      TARGET,
      log(run('semgrep'), run('gitleaks')),
      noWait,
    );
    expect(outcome).toEqual({ kind: 'complete', ids: [`upload-${before + 1}`] });
    const upload = server.uploads.at(-1);
    expect(upload).toMatchObject({ commitSha: TARGET.commitSha, ref: 'refs/pull/7/merge' });
    expect(upload?.sarif.runs.map((r) => r.tool.driver.name)).toEqual(['semgrep', 'gitleaks']);
  });

  it('splits an upload over the limits into several, each accepted', async () => {
    const before = server.uploads.length;
    const outcome = await uploadSarif(
      octokitClient('t', url(), FAST_RETRIES),
      TARGET,
      log(run('a'), run('b'), run('c')),
      { ...noWait, limits: { ...GITHUB_LIMITS, maxRuns: 2 } },
    );
    expect(outcome.kind).toBe('complete');
    expect(server.uploads.slice(before).map((u) => u.sarif.runs.length)).toEqual([2, 1]);
  });

  it("reports GitHub's processing errors verbatim", async () => {
    server.rejectWith = ['locationFromSarifResult: expected artifact location'];
    try {
      const outcome = await uploadSarif(
        octokitClient('t', url(), FAST_RETRIES),
        TARGET,
        log(run('semgrep')),
        noWait,
      );
      expect(outcome).toMatchObject({
        kind: 'rejected',
        errors: ['locationFromSarifResult: expected artifact location'],
      });
    } finally {
      server.rejectWith = undefined;
    }
  });

  it('halves a part refused with 413 until each run goes alone, without retrying the refused size', async () => {
    const runs = ['semgrep', 'gitleaks', 'checkov', 'osv-scanner'].map((name) => run(name, 20));
    const alone = Math.max(...runs.map((r) => gzipSync(JSON.stringify(log(r))).length));
    server.maxSarifBytes = alone + 16;
    const before = { uploads: server.uploads.length, requests: server.requests.length };
    try {
      const outcome = await uploadSarif(
        octokitClient('t', url(), FAST_RETRIES),
        TARGET,
        log(...runs),
        noWait,
      );
      expect(outcome.kind).toBe('complete');
      const parts = server.uploads.slice(before.uploads);
      expect(parts.flatMap((p) => p.sarif.runs.map((r) => r.tool.driver.name))).toEqual([
        'semgrep',
        'gitleaks',
        'checkov',
        'osv-scanner',
      ]);
      // 1 refused whole + 2 refused halves + 4 accepted, each accepted one polled once.
      const posts = server.requests.slice(before.requests).filter((r) => r.method === 'POST');
      expect(posts).toHaveLength(7);
    } finally {
      server.maxSarifBytes = undefined;
    }
  });

  it('gives up with 413 when a single run is too large', async () => {
    server.maxSarifBytes = 10;
    try {
      const outcome = await uploadSarif(
        octokitClient('t', url(), FAST_RETRIES),
        TARGET,
        log(run('semgrep')),
        noWait,
      );
      expect(outcome).toMatchObject({ kind: 'unavailable', status: 413 });
      expect(outcome.kind === 'unavailable' && outcome.reason).toMatch(/even with one run/);
    } finally {
      server.maxSarifBytes = undefined;
    }
  });

  it.each([
    [403, /code scanning is not enabled.*security-events: write/],
    [404, /not visible to the token/],
    [413, /too large \(HTTP 413\)/],
  ])('answers %i with what to do, never throwing', async (status, reason) => {
    server.failWrites = status;
    try {
      const outcome = await uploadSarif(
        octokitClient('t', url(), FAST_RETRIES),
        TARGET,
        log(run('semgrep')),
        noWait,
      );
      expect(outcome).toMatchObject({ kind: 'unavailable', status });
      expect(outcome.kind === 'unavailable' && outcome.reason).toMatch(reason);
    } finally {
      server.failWrites = undefined;
    }
  });

  it('retries 5xx answers and then succeeds', async () => {
    server.failNext = { status: 503, count: 2 };
    const outcome = await uploadSarif(
      octokitClient('t', url(), FAST_RETRIES),
      TARGET,
      log(run('semgrep')),
      noWait,
    );
    expect(outcome.kind).toBe('complete');
    expect(server.failNext.count).toBe(0);
  });

  it('gives up after the retries on a server that keeps failing, without throwing', async () => {
    server.failNext = { status: 500, count: 10 };
    try {
      const outcome = await uploadSarif(
        octokitClient('t', url(), { ...FAST_RETRIES, retries: 2 }),
        TARGET,
        log(run('semgrep')),
        noWait,
      );
      expect(outcome).toMatchObject({ kind: 'unavailable' });
      expect(server.failNext.count).toBe(7);
    } finally {
      server.failNext = undefined;
    }
  });

  it('does not retry a 422 (the request itself is wrong) and says what GitHub said', async () => {
    const before = server.requests.length;
    const outcome = await uploadSarif(
      octokitClient('t', url(), FAST_RETRIES),
      { ...TARGET, commitSha: 'not-a-sha' },
      log(run('semgrep')),
      noWait,
    );
    expect(outcome).toMatchObject({ kind: 'unavailable' });
    expect(outcome.kind === 'unavailable' && outcome.reason).toMatch(
      /commit_sha, ref and sarif are required/,
    );
    expect(server.requests.length - before).toBe(1);
  });

  it('says an upload is still pending when processing outlasts the wait', async () => {
    server.pendingPolls = 100;
    try {
      const outcome = await uploadSarif(
        octokitClient('t', url(), FAST_RETRIES),
        TARGET,
        log(run('semgrep')),
        {
          ...noWait,
          timeoutMs: 3,
        },
      );
      expect(outcome.kind).toBe('pending');
    } finally {
      server.pendingPolls = 1;
    }
  });
});
