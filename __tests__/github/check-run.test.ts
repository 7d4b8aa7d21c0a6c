import { describe, expect, it } from '@jest/globals';
import { octokitClient } from '../../src/action/github-client.js';
import type { FindingVerdict } from '../../src/core/decision.js';
import { decisionOf } from '../helpers/decision.js';
import type { Finding } from '../../src/findings/finding.js';
import { publishCheckRun } from '../../src/github/check-run.js';
import { FAST_RETRIES, useGitHubServer } from '../helpers/github-server.js';

const { server, url } = useGitHubServer();

const TARGET = { owner: 'o', repo: 'r', headSha: 'd'.repeat(40) };

function verdict(line: number, kind: 'blocking' | 'warning' | 'reported'): FindingVerdict {
  const finding = {
    tool: 'builtin',
    ruleId: 'builtin/actions-unpinned',
    message: 'Unpinned action',
    severity: 'high',
    securitySeverity: 7.5,
    location: { path: '.github/workflows/ci.yml', region: { startLine: line } },
    cwe: ['CWE-829'],
    owasp2021: [],
    owasp2025: [],
    asvs: [],
    fingerprint: String(line).padStart(32, '0'),
    alsoReportedBy: [],
    role: 'source',
  } satisfies Finding;
  return {
    finding,
    verdict: kind,
    mode: kind === 'warning' ? 'warn' : 'block',
    isNew: true,
    reasons: ['severity high is blocked'],
  };
}

describe('publishCheckRun', () => {
  it('sends every blocking finding and warning, 50 annotations per request, in one check run', async () => {
    const verdicts = [
      ...Array.from({ length: 110 }, (_, i) => verdict(i + 1, 'blocking')),
      ...Array.from({ length: 10 }, (_, i) => verdict(200 + i, 'warning')),
      verdict(300, 'reported'),
    ];
    const outcome = await publishCheckRun(
      octokitClient('t', url(), FAST_RETRIES),
      TARGET,
      decisionOf(verdicts),
    );
    expect(outcome).toMatchObject({ kind: 'published', annotations: 120 });
    const run = server.checkRuns.at(-1);
    expect(run).toMatchObject({ name: 'Vouch', headSha: TARGET.headSha, conclusion: 'failure', requests: 3 });
    expect(run?.annotations).toHaveLength(120);
    expect(run?.annotations.filter((a) => a.annotation_level === 'failure')).toHaveLength(110);
    expect(run?.annotations.at(-1)).toMatchObject({ start_line: 209, annotation_level: 'warning' });
  });

  it('publishes a passing check with no annotations', async () => {
    const outcome = await publishCheckRun(octokitClient('t', url(), FAST_RETRIES), TARGET, decisionOf([]));
    expect(outcome).toMatchObject({ kind: 'published', annotations: 0 });
    expect(server.checkRuns.at(-1)).toMatchObject({ conclusion: 'success', requests: 1 });
  });

  it('says which permission is missing on 403', async () => {
    server.failWrites = 403;
    try {
      const outcome = await publishCheckRun(
        octokitClient('t', url(), FAST_RETRIES),
        TARGET,
        decisionOf([verdict(1, 'blocking')]),
      );
      expect(outcome).toMatchObject({ kind: 'unavailable', status: 403 });
      expect(outcome.kind === 'unavailable' && outcome.reason).toMatch(/checks: write/);
    } finally {
      server.failWrites = undefined;
    }
  });
});
