import { describe, expect, it } from '@jest/globals';
import type { FindingVerdict } from '../../src/core/decision.js';
import { decisionOf } from '../helpers/decision.js';
import type { GateResult } from '../../src/core/pipeline.js';
import type { Finding } from '../../src/findings/finding.js';
import { fixFor, renderPullRequestComment } from '../../src/github/pr-comment.js';
import { COMMENT_MARKER } from '../../src/github/sticky-comment.js';

function finding(overrides: Partial<Finding>): Finding {
  return {
    tool: 'semgrep',
    ruleId: 'semgrep/python-sqli-dbapi-string-format',
    message: 'SQL built from request data. Keep the SQL text constant.',
    severity: 'critical',
    securitySeverity: 9,
    location: { path: 'src/app.py', region: { startLine: 20 } },
    cwe: ['CWE-89'],
    owasp2021: [],
    owasp2025: [],
    asvs: [],
    fingerprint: 'f'.repeat(32),
    alsoReportedBy: [],
    role: 'source',
    ...overrides,
  };
}

function result(verdicts: FindingVerdict[]): GateResult {
  return { decision: decisionOf(verdicts) } as unknown as GateResult;
}

const LINKS = { serverUrl: 'https://github.com', repository: 'acme/shop', sha: 'a'.repeat(40) };

describe('renderPullRequestComment', () => {
  it('links each blocking finding to its line and gives the fix in one sentence', () => {
    const body = renderPullRequestComment(
      result([{ finding: finding({}), verdict: 'blocking', mode: 'block', isNew: true, reasons: ['r'] }]),
      LINKS,
    );
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toContain('## Vouch: FAIL');
    expect(body).toContain(
      `| critical | \`semgrep/python-sqli-dbapi-string-format\` | [\`src/app.py:20\`](https://github.com/acme/shop/blob/${'a'.repeat(40)}/src/app.py#L20) | Keep the SQL text constant and pass the values as query parameters. |`,
    );
    expect(body).toContain('1 introduced by this change, 0 already there, 0 suppressed');
  });

  it('lists warnings with their role and suppressions with owner and expiry', () => {
    const suppression = {
      rule: 'semgrep/x',
      reason: 'legacy importer, SEC-142',
      owner: 'platform',
      expires: '2027-03-31',
      source: { file: '.vouch/policy.yml', line: 9 },
    };
    const body = renderPullRequestComment(
      result([
        {
          finding: finding({ role: 'test', location: { path: 'tests/t.py' } }),
          verdict: 'warning',
          mode: 'warn',
          isNew: true,
          reasons: [],
        },
        {
          finding: finding({ ruleId: 'semgrep/x' }),
          verdict: 'suppressed',
          mode: 'block',
          isNew: true,
          reasons: [],
          suppression,
        },
      ]),
      LINKS,
    );
    expect(body).toContain('## Vouch: PASS');
    expect(body).toMatch(
      /### Warnings \(not blocking\)\n\n- critical `semgrep\/python-sqli-dbapi-string-format` at .*tests\/t\.py.*: test file;/,
    );
    expect(body).toContain('until 2027-03-31 by platform: legacy importer, SEC-142');
  });

  it('keeps table cells intact whatever a message holds, and encodes paths in links', () => {
    const odd = finding({
      cwe: [],
      message: 'First.\nUse a | b instead.',
      location: { path: 'src/a b|c.py', region: { startLine: 3 } },
    });
    const body = renderPullRequestComment(
      result([{ finding: odd, verdict: 'blocking', mode: 'block', isNew: true, reasons: ['r'] }]),
      LINKS,
    );
    expect(body).toContain('/src/a%20b%7Cc.py#L3');
    expect(body).toContain('Use a \\| b instead. |');
  });
});

describe('fixFor', () => {
  it("falls back to the message's last sentence for a CWE without a listed fix", () => {
    expect(fixFor(finding({ cwe: ['CWE-99999'], message: 'Bad thing. Do the good thing.' }))).toBe(
      'Do the good thing.',
    );
  });
});
