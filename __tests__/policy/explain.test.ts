import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Finding } from '../../src/findings/finding.js';
import { judge } from '../../src/policy/evaluate.js';
import { owaspTable, reasonLines } from '../../src/policy/explain.js';
import { parsePolicy } from '../../src/policy/load.js';

const GOLDEN = '__fixtures__/golden/explain.json';

function finding(
  ruleId: string,
  severity: Finding['severity'],
  path: string,
  line: number,
  owasp2025: string[],
  owasp2021: string[],
): Finding {
  return {
    tool: ruleId.split('/')[0] ?? 'x',
    ruleId,
    message: `${ruleId} here`,
    severity,
    securitySeverity: 5,
    location: { path, region: { startLine: line } },
    cwe: [],
    owasp2021,
    owasp2025,
    asvs: [],
    fingerprint: `${ruleId}${path}${line}`.replace(/\W/g, '').padEnd(32, '0').slice(0, 32),
    alsoReportedBy: [],
    role: 'source',
  };
}

/** A decision with every kind of verdict: blocking by severity and by threshold, reported, suppressed, pre-existing, expired. */
function sampleDecision() {
  const policy = parsePolicy(
    Buffer.from(
      [
        'version: 1',
        'thresholds:',
        '  - name: no injection',
        '    owasp: A05:2025',
        '    max: 0',
        'suppressions:',
        '  - path: legacy/**',
        '    reason: legacy module, rewrite tracked in SEC-9',
        '    owner: team-legacy',
        '    expires: 2027-01-31',
        '  - rule: semgrep/old-rule',
        '    reason: replaced by a newer rule in SEC-10',
        '    owner: team-core',
        '    expires: 2026-01-01',
        '',
      ].join('\n'),
    ),
    '.vouch/policy.yml',
  );
  const findings = [
    finding('gitleaks/github-pat', 'critical', 'src/config.js', 4, ['A07:2025'], ['A07:2021']),
    finding('semgrep/python-sqli', 'medium', 'src/db.py', 12, ['A05:2025'], ['A03:2021']),
    finding('semgrep/python-md5', 'medium', 'legacy/hash.py', 3, ['A04:2025'], ['A02:2021']),
    finding('builtin/actions-unpinned', 'high', '.github/workflows/ci.yml', 9, ['A08:2025'], ['A08:2021']),
    finding('semgrep/debug', 'low', 'src/app.py', 1, [], []),
  ];
  const changes = new Map<string, ReadonlySet<number> | 'all'>([
    ['src/config.js', 'all'],
    ['src/db.py', new Set([12])],
    ['legacy/hash.py', 'all'],
    ['src/app.py', 'all'],
  ]);
  return judge({
    findings,
    scanners: [],
    policy,
    context: { today: '2026-11-21', newOnly: true, changes },
    notes: ['new-only: judging what changed since abc123'],
  });
}

describe('explanations (golden)', () => {
  it('match the golden file: OWASP tables for both editions and the reasons', () => {
    const decision = sampleDecision();
    const actual = {
      owasp2025: owaspTable(decision, '2025'),
      owasp2021: owaspTable(decision, '2021'),
      reasons: reasonLines(decision),
    };
    if (process.env.VOUCH_UPDATE_GOLDEN === '1')
      writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
