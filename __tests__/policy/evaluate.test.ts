import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ScannerError } from '../../src/core/errors.js';
import type { Finding, SecretKind } from '../../src/findings/finding.js';
import type { FileRole } from '../../src/findings/roles.js';
import type { Severity } from '../../src/findings/severity.js';
import type { EvaluationContext } from '../../src/policy/context.js';
import { judge, type ScannerResult } from '../../src/policy/evaluate.js';
import { parsePolicy } from '../../src/policy/load.js';

const TODAY = '2026-11-21';
const context: EvaluationContext = { today: TODAY, newOnly: false };
const policyOf = (text: string) => parsePolicy(Buffer.from(`version: 1\n${text}`), 'policy.yml');
const defaultPolicy = policyOf('');

interface Shape {
  severity?: Severity;
  path?: string;
  line?: number;
  tool?: string;
  rule?: string;
  cwe?: string[];
  owasp2025?: string[];
  owasp2021?: string[];
  asvs?: string[];
  fingerprint?: string;
  alsoReportedBy?: string[];
  role?: FileRole;
  secret?: SecretKind;
}

function finding(shape: Shape = {}): Finding {
  const tool = shape.tool ?? 'semgrep';
  return {
    tool,
    ruleId: shape.rule ?? `${tool}/rule`,
    message: 'm',
    severity: shape.severity ?? 'medium',
    securitySeverity: 5,
    location: { path: shape.path ?? 'src/a.py', region: { startLine: shape.line ?? 1 } },
    cwe: shape.cwe ?? [],
    owasp2021: shape.owasp2021 ?? [],
    owasp2025: shape.owasp2025 ?? [],
    asvs: shape.asvs ?? [],
    fingerprint:
      shape.fingerprint ??
      `${tool}-${shape.path ?? 'a'}-${shape.line ?? 1}-${shape.severity ?? 'medium'}`
        .padEnd(32, '0')
        .slice(0, 32),
    lineHash: `${shape.line ?? 1}abc:1`,
    alsoReportedBy: shape.alsoReportedBy ?? [],
    role: shape.role ?? 'source',
    ...(shape.secret ? { secret: shape.secret } : {}),
  };
}

const clean = (scanner: string): ScannerResult => ({
  scanner,
  outcome: { kind: 'clean', tool: { name: scanner }, rules: [], notes: [] },
});
const broken = (scanner: string): ScannerResult => ({
  scanner,
  outcome: {
    kind: 'error',
    error: new ScannerError('CRASHED', { scanner, message: 'gitleaks exited with code 1', exitCode: 1 }),
  },
});

const verdictOf = (decision: ReturnType<typeof judge>, f: Finding) =>
  decision.verdicts.find((v) => v.finding === f);

describe('judge: block.severities', () => {
  it('passes when nothing reaches a blocking severity, still counting everything', () => {
    const decision = judge({
      findings: [finding({ severity: 'medium' }), finding({ severity: 'low' })],
      scanners: [clean('gitleaks')],
      policy: defaultPolicy,
      context,
    });
    expect(decision.status).toBe('pass');
    expect(decision.counts).toMatchObject({
      total: 2,
      blocking: 0,
      bySeverity: { medium: 1, low: 1, high: 0 },
    });
    expect(decision.verdicts.map((v) => v.verdict)).toEqual(['reported', 'reported']);
  });

  it('fails with one reason per blocking finding, most severe first', () => {
    const decision = judge({
      findings: [
        finding({ severity: 'high', path: 'b.js' }),
        finding({ severity: 'low' }),
        finding({ severity: 'critical', path: 'c.js' }),
      ],
      scanners: [],
      policy: defaultPolicy,
      context,
    });
    expect(decision.status).toBe('fail');
    expect(decision.blocking.map((b) => b.finding.severity)).toEqual(['critical', 'high']);
    expect(decision.blocking[0]?.reason).toBe(
      'severity critical is blocked by policy.yml (block.severities: [critical, high])',
    );
  });

  it('never blocks under the audit preset shape', () => {
    expect(
      judge({
        findings: [finding({ severity: 'critical' })],
        scanners: [],
        policy: policyOf('block:\n  severities: []\n'),
        context,
      }).status,
    ).toBe('pass');
  });
});

describe('judge: thresholds', () => {
  const none = 'block:\n  severities: []\n';
  it.each<[string, string, Shape, Shape]>([
    ['severity', '  - severity: medium\n    max: 0\n', { severity: 'medium' }, { severity: 'low' }],
    [
      'min-severity',
      '  - min-severity: high\n    max: 0\n',
      { severity: 'critical' },
      { severity: 'medium' },
    ],
    [
      'OWASP 2025 category',
      '  - owasp: A05:2025\n    max: 0\n',
      { owasp2025: ['A05:2025'] },
      { owasp2025: ['A01:2025'] },
    ],
    [
      'OWASP 2021 category',
      '  - owasp: A03:2021\n    max: 0\n',
      { owasp2021: ['A03:2021'] },
      { owasp2021: ['A02:2021'] },
    ],
    [
      'ASVS requirement',
      '  - asvs: v5.0.0-1.2.4\n    max: 0\n',
      { asvs: ['v5.0.0-1.2.4'] },
      { asvs: ['v5.0.0-1.2.5'] },
    ],
    [
      'ASVS chapter',
      '  - asvs: v5.0.0-1\n    max: 0\n',
      { asvs: ['v5.0.0-1.2.4'] },
      { asvs: ['v5.0.0-11.1.1'] },
    ],
    ['scanner', '  - scanner: gitleaks\n    max: 0\n', { tool: 'gitleaks' }, { tool: 'semgrep' }],
    [
      'scanner via also-reported-by',
      '  - scanner: checkov\n    max: 0\n',
      { tool: 'gitleaks', alsoReportedBy: ['checkov'] },
      { tool: 'gitleaks' },
    ],
    [
      'rule glob',
      '  - rule: semgrep/python-*\n    max: 0\n',
      { rule: 'semgrep/python-sqli' },
      { rule: 'semgrep/javascript-xss' },
    ],
    [
      'exact rule',
      '  - rule: builtin/actions-unpinned\n    max: 0\n',
      { tool: 'builtin', rule: 'builtin/actions-unpinned' },
      { tool: 'builtin', rule: 'builtin/other' },
    ],
  ])('%s: the matching finding blocks, the other is reported', (_kind, threshold, matching, other) => {
    const hit = finding({ ...matching, path: 'hit.py' });
    const miss = finding({ ...other, path: 'miss.py' });
    const decision = judge({
      findings: [hit, miss],
      scanners: [],
      policy: policyOf(`${none}thresholds:\n${threshold}`),
      context,
    });
    expect(verdictOf(decision, hit)?.verdict).toBe('blocking');
    expect(verdictOf(decision, miss)?.verdict).toBe('reported');
  });

  it('allows up to max, then blocks every matching finding and says where the threshold is', () => {
    const policy = policyOf(`${none}thresholds:\n  - name: few mediums\n    severity: medium\n    max: 2\n`);
    const two = [1, 2].map((line) => finding({ line }));
    expect(judge({ findings: two, scanners: [], policy, context }).status).toBe('pass');
    const three = [1, 2, 3].map((line) => finding({ line }));
    const decision = judge({ findings: three, scanners: [], policy, context });
    expect(decision.blocking).toHaveLength(3);
    expect(decision.blocking[0]?.reason).toBe(
      '3 finding(s) match thresholds[0] "few mediums" (severity medium) at policy.yml:5, which allows at most 2',
    );
  });

  it('combines selectors with AND', () => {
    const policy = policyOf(`${none}thresholds:\n  - owasp: A05:2025\n    min-severity: high\n    max: 0\n`);
    const highInjection = finding({ severity: 'high', owasp2025: ['A05:2025'], path: 'x' });
    const lowInjection = finding({ severity: 'low', owasp2025: ['A05:2025'], path: 'y' });
    const decision = judge({ findings: [highInjection, lowInjection], scanners: [], policy, context });
    expect(decision.blocking.map((b) => b.finding)).toEqual([highInjection]);
    expect(decision.blocking[0]?.reason).toContain('(severity ≥ high, OWASP A05:2025)');
  });

  it('lists every reason when a finding breaks several rules', () => {
    const policy = policyOf('thresholds:\n  - scanner: semgrep\n    max: 0\n');
    const decision = judge({ findings: [finding({ severity: 'high' })], scanners: [], policy, context });
    expect(decision.verdicts[0]?.reasons).toHaveLength(2);
  });
});

describe('judge: suppressions', () => {
  const suppression = (fields: string, expires = '2026-12-31') =>
    policyOf(
      `suppressions:\n  - ${fields}\n    reason: accepted risk, see ticket SEC-1\n    owner: team-a\n    expires: ${expires}\n`,
    );

  it.each<[string, string, Shape, Shape]>([
    ['rule', 'rule: semgrep/python-*', { rule: 'semgrep/python-eval' }, { rule: 'semgrep/js-eval' }],
    ['path glob', 'path: legacy/**', { path: 'legacy/old.py' }, { path: 'src/new.py' }],
    [
      'fingerprint',
      `fingerprint: ${'f'.repeat(32)}`,
      { fingerprint: 'f'.repeat(32) },
      { fingerprint: 'e'.repeat(32) },
    ],
  ])('by %s: suppresses the matching blocking finding only', (_kind, fields, matching, other) => {
    const hit = finding({ severity: 'high', ...matching });
    const miss = finding({ severity: 'high', ...other });
    const decision = judge({ findings: [hit, miss], scanners: [], policy: suppression(fields), context });
    expect(verdictOf(decision, hit)).toMatchObject({
      verdict: 'suppressed',
      reasons: [expect.stringContaining('suppressed until 2026-12-31 by team-a: accepted risk') as unknown],
    });
    expect(verdictOf(decision, miss)?.verdict).toBe('blocking');
    expect(decision.counts.suppressed).toBe(1);
  });

  it('needs every given field to match', () => {
    const policy = suppression('rule: semgrep/x\n    path: legacy/**');
    const decision = judge({
      findings: [finding({ severity: 'high', rule: 'semgrep/x', path: 'src/a.py' })],
      scanners: [],
      policy,
      context,
    });
    expect(decision.status).toBe('fail');
  });

  it('still applies on its expiry day', () => {
    const decision = judge({
      findings: [finding({ severity: 'high', rule: 'semgrep/x' })],
      scanners: [],
      policy: suppression('rule: semgrep/x', TODAY),
      context,
    });
    expect(decision.status).toBe('pass');
  });

  it('once expired, stops suppressing and blocks as a finding of its own at its line', () => {
    const covered = finding({ severity: 'low', rule: 'semgrep/x' });
    const decision = judge({
      findings: [covered],
      scanners: [],
      policy: suppression('rule: semgrep/x', '2026-11-20'),
      context,
    });
    expect(decision.status).toBe('fail');
    expect(verdictOf(decision, covered)?.verdict).toBe('reported');
    const expired = decision.blocking[0]?.finding;
    expect(expired).toMatchObject({
      ruleId: 'vouch-policy/expired-suppression',
      location: { path: 'policy.yml', region: { startLine: 3 } },
    });
    expect(expired?.message).toContain('expired on 2026-11-20');
  });
});

describe('judge: new-only', () => {
  const changes = new Map<string, ReadonlySet<number> | 'all'>([
    ['src/a.py', new Set([10, 11])],
    ['src/new.py', 'all'],
  ]);
  const prContext: EvaluationContext = { today: TODAY, newOnly: true, changes };

  it.each<[string, Shape, boolean]>([
    ['on an added line', { path: 'src/a.py', line: 10 }, true],
    ['on an untouched line of a changed file', { path: 'src/a.py', line: 3 }, false],
    ['in a file the change did not touch', { path: 'src/b.py', line: 10 }, false],
    ['anywhere in a new file', { path: 'src/new.py', line: 99 }, true],
  ])('a finding %s is new: %s', (_where, shape, isNew) => {
    const f = finding({ severity: 'critical', ...shape });
    const decision = judge({ findings: [f], scanners: [], policy: defaultPolicy, context: prContext });
    expect(verdictOf(decision, f)).toMatchObject({ isNew, verdict: isNew ? 'blocking' : 'pre-existing' });
    expect(decision.status).toBe(isNew ? 'fail' : 'pass');
  });

  it('counts a multi-line finding as new when any of its lines changed', () => {
    const f: Finding = {
      ...finding({ severity: 'high', path: 'src/a.py', line: 8 }),
      location: { path: 'src/a.py', region: { startLine: 8, endLine: 11 } },
    };
    expect(judge({ findings: [f], scanners: [], policy: defaultPolicy, context: prContext }).status).toBe(
      'fail',
    );
  });

  it('treats findings held by the baseline as pre-existing, by Vouch fingerprint or by rule and line hash', () => {
    const known = finding({ severity: 'high', path: 'src/new.py', line: 1, fingerprint: 'a'.repeat(32) });
    const otherTool = finding({ severity: 'high', path: 'src/new.py', line: 2, rule: 'semgrep/known' });
    const fresh = finding({ severity: 'high', path: 'src/new.py', line: 3 });
    const baseline = {
      source: 'baseline.sarif',
      fingerprints: new Set(['a'.repeat(32)]),
      ruleLineHashes: new Set(['semgrep/known|2abc:1']),
    };
    const decision = judge({
      findings: [known, otherTool, fresh],
      scanners: [],
      policy: defaultPolicy,
      context: { ...prContext, baseline },
    });
    expect([known, otherTool, fresh].map((f) => verdictOf(decision, f)?.verdict)).toEqual([
      'pre-existing',
      'pre-existing',
      'blocking',
    ]);
    expect(decision.counts.preExisting).toBe(2);
  });

  it('does not count pre-existing findings against thresholds', () => {
    const policy = policyOf('block:\n  severities: []\nthresholds:\n  - severity: medium\n    max: 1\n');
    const old = finding({ path: 'src/b.py', line: 1 });
    const added = finding({ path: 'src/a.py', line: 10 });
    expect(judge({ findings: [old, added], scanners: [], policy, context: prContext }).status).toBe('pass');
  });

  it('judges everything when new-only is not active', () => {
    const f = finding({ severity: 'high', path: 'src/b.py' });
    expect(
      judge({ findings: [f], scanners: [], policy: defaultPolicy, context: { ...prContext, newOnly: false } })
        .status,
    ).toBe('fail');
  });
});

describe('judge: scanner problems', () => {
  it('is error when a required scanner failed, even with blocking findings (fail closed)', () => {
    const decision = judge({
      findings: [finding({ severity: 'critical' })],
      scanners: [broken('gitleaks')],
      policy: defaultPolicy,
      context,
    });
    expect(decision.status).toBe('error');
    expect(decision.problems).toEqual([
      { scanner: 'gitleaks', message: 'gitleaks exited with code 1; exit code 1', fatal: true },
    ]);
  });

  it('only warns about a failed scanner the policy does not require, or when on-scanner-error is warn', () => {
    expect(
      judge({
        findings: [],
        scanners: [broken('gitleaks')],
        policy: policyOf('scanners:\n  gitleaks: { required: false }\n'),
        context,
      }).status,
    ).toBe('pass');
    const decision = judge({
      findings: [],
      scanners: [broken('gitleaks')],
      policy: policyOf('on-scanner-error: warn\n'),
      context,
    });
    expect(decision.status).toBe('pass');
    expect(decision.problems[0]?.fatal).toBe(false);
  });

  it('carries policy notes into the decision', () => {
    expect(
      judge({ findings: [], scanners: [], policy: defaultPolicy, context, notes: ['policy changed'] }).notes,
    ).toEqual(['policy changed']);
  });
});

describe('judge: modes', () => {
  const preset = parsePolicy(readFileSync('policies/default.yml'), 'preset:default');

  it('without modes, a finding that breaks the policy blocks in any role', () => {
    const inTest = finding({ severity: 'high', role: 'test' });
    const decision = judge({ findings: [inTest], scanners: [], policy: defaultPolicy, context });
    expect(decision.status).toBe('fail');
    expect(verdictOf(decision, inTest)).toMatchObject({ verdict: 'blocking', mode: 'block' });
  });

  it('default preset: high in source blocks; in tests warns; in docs is reported; the decision is pass', () => {
    const source = finding({ severity: 'high', path: 'src/a.py', role: 'source' });
    const test = finding({ severity: 'high', path: 'tests/t.py', role: 'test' });
    const docs = finding({ severity: 'critical', path: 'docs/conf.py', role: 'docs' });
    const decision = judge({ findings: [source, test, docs], scanners: [], policy: preset, context });
    expect(decision.status).toBe('fail');
    expect(verdictOf(decision, source)).toMatchObject({ verdict: 'blocking', mode: 'block' });
    expect(verdictOf(decision, test)).toMatchObject({ verdict: 'warning', mode: 'warn' });
    expect(verdictOf(decision, test)?.reasons.at(-1)).toMatch(
      /^warn by modes\[\d\] "tests and examples warn" \(role test\|example\) at preset:default:\d+$/,
    );
    expect(verdictOf(decision, docs)).toMatchObject({ verdict: 'reported', mode: 'report' });
    expect(decision.counts).toMatchObject({ blocking: 1, warnings: 1 });
    const withoutSource = judge({ findings: [test, docs], scanners: [], policy: preset, context });
    expect(withoutSource.status).toBe('pass');
  });

  it('default preset: a live secret blocks in a test, a placeholder only warns even in source', () => {
    const live = finding({
      tool: 'gitleaks',
      rule: 'gitleaks/github-pat',
      severity: 'high',
      role: 'test',
      secret: 'live',
    });
    const placeholder = finding({
      tool: 'gitleaks',
      rule: 'gitleaks/github-pat',
      severity: 'high',
      role: 'source',
      path: 'src/b.py',
      secret: 'placeholder',
    });
    const decision = judge({ findings: [live, placeholder], scanners: [], policy: preset, context });
    expect(verdictOf(decision, live)).toMatchObject({ verdict: 'blocking', mode: 'block' });
    expect(verdictOf(decision, live)?.reasons.at(-1)).toContain('"live secrets block in every file"');
    expect(verdictOf(decision, placeholder)).toMatchObject({ verdict: 'warning', mode: 'warn' });
  });

  it('default preset: a vulnerable dependency in a lockfile blocks; other generated files are reported', () => {
    const lock = finding({
      tool: 'osv-scanner',
      rule: 'osv/GHSA-x',
      severity: 'critical',
      path: 'package-lock.json',
      role: 'generated',
    });
    const bundle = finding({ severity: 'critical', path: 'static/app.min.js', role: 'generated' });
    const decision = judge({ findings: [lock, bundle], scanners: [], policy: preset, context });
    expect(verdictOf(decision, lock)).toMatchObject({ verdict: 'blocking', mode: 'block' });
    expect(verdictOf(decision, bundle)).toMatchObject({ verdict: 'reported', mode: 'report' });
  });

  it('counts thresholds within one mode: findings in warn-mode files do not use up the source allowance', () => {
    const policy = policyOf(
      'block:\n  severities: []\nthresholds:\n  - rule: semgrep/x\n    max: 1\nmodes:\n  - role: test\n    mode: warn\n',
    );
    const a = finding({ rule: 'semgrep/x', role: 'source', path: 'src/a.py' });
    const t1 = finding({ rule: 'semgrep/x', role: 'test', path: 'tests/a.py' });
    const t2 = finding({ rule: 'semgrep/x', role: 'test', path: 'tests/b.py' });
    const decision = judge({ findings: [a, t1, t2], scanners: [], policy, context });
    expect(decision.status).toBe('pass');
    expect(verdictOf(decision, a)?.verdict).toBe('reported');
    expect([verdictOf(decision, t1)?.verdict, verdictOf(decision, t2)?.verdict]).toEqual([
      'warning',
      'warning',
    ]);
  });

  it('uses the first matching entry, and selects by rule, scanner, severity and OWASP category', () => {
    const policy = policyOf(
      [
        'modes:',
        '  - rule: semgrep/py-*',
        '    min-severity: critical',
        '    mode: block',
        '  - scanner: semgrep',
        '    owasp: A05:2025',
        '    mode: warn',
        '  - severity: high',
        '    mode: report',
        '',
      ].join('\n'),
    );
    const critical = finding({ rule: 'semgrep/py-sqli', severity: 'critical', owasp2025: ['A05:2025'] });
    const injection = finding({
      rule: 'semgrep/py-sqli',
      severity: 'high',
      owasp2025: ['A05:2025'],
      line: 2,
    });
    const other = finding({ rule: 'gitleaks/x', tool: 'gitleaks', severity: 'high', line: 3 });
    const decision = judge({ findings: [critical, injection, other], scanners: [], policy, context });
    expect(verdictOf(decision, critical)?.mode).toBe('block');
    expect(verdictOf(decision, injection)?.mode).toBe('warn');
    expect(verdictOf(decision, other)?.mode).toBe('report');
  });

  it('keeps suppressions and new-only ahead of modes', () => {
    const policy = policyOf(
      'modes:\n  - role: test\n    mode: warn\nsuppressions:\n  - rule: semgrep/s\n    reason: accepted in review SEC-1\n    owner: sec\n    expires: 2099-01-01\n',
    );
    const suppressed = finding({ rule: 'semgrep/s', severity: 'high', role: 'test' });
    const decision = judge({ findings: [suppressed], scanners: [], policy, context });
    expect(verdictOf(decision, suppressed)).toMatchObject({ verdict: 'suppressed', mode: 'warn' });
  });
});
