import { describe, expect, it } from '@jest/globals';
import { ScannerError } from '../../src/core/errors.js';
import type { Finding } from '../../src/findings/finding.js';
import type { Severity } from '../../src/findings/severity.js';
import { judge, type ScannerResult } from '../../src/policy/evaluate.js';
import { parsePolicy } from '../../src/policy/load.js';

const policy = parsePolicy(Buffer.from('version: 1\n'), 'preset:default');

function finding(severity: Severity, path = 'a.js'): Finding {
  return {
    tool: 'builtin',
    ruleId: 'builtin/x',
    message: 'm',
    severity,
    securitySeverity: 5,
    location: { path, region: { startLine: 1 } },
    cwe: [],
    owasp2021: [],
    owasp2025: [],
    asvs: [],
    fingerprint: `fp-${severity}-${path}`,
    alsoReportedBy: [],
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

describe('judge', () => {
  it('passes when nothing reaches a blocking severity, still counting everything', () => {
    const decision = judge({
      findings: [finding('medium'), finding('low')],
      scanners: [clean('gitleaks')],
      policy,
    });
    expect(decision.status).toBe('pass');
    expect(decision.counts).toMatchObject({
      total: 2,
      blocking: 0,
      bySeverity: { medium: 1, low: 1, high: 0 },
    });
  });

  it('fails with one reason per blocking finding, most severe first', () => {
    const decision = judge({
      findings: [finding('high', 'b.js'), finding('low'), finding('critical', 'c.js')],
      scanners: [],
      policy,
    });
    expect(decision.status).toBe('fail');
    expect(decision.blocking.map((b) => b.finding.severity)).toEqual(['critical', 'high']);
    expect(decision.blocking[0]?.reason).toBe(
      'severity critical is blocked by preset:default (block.severities: [critical, high])',
    );
  });

  it('is error when a required scanner failed, even with blocking findings (fail closed)', () => {
    const decision = judge({ findings: [finding('critical')], scanners: [broken('gitleaks')], policy });
    expect(decision.status).toBe('error');
    expect(decision.problems).toEqual([
      { scanner: 'gitleaks', message: 'gitleaks: gitleaks exited with code 1; exit code 1', fatal: true },
    ]);
  });

  it('only warns about a failed scanner the policy does not require, or when on-scanner-error is warn', () => {
    const optional = parsePolicy(
      Buffer.from('version: 1\nscanners:\n  gitleaks: { required: false }\n'),
      'p',
    );
    expect(judge({ findings: [], scanners: [broken('gitleaks')], policy: optional }).status).toBe('pass');
    const warn = parsePolicy(Buffer.from('version: 1\non-scanner-error: warn\n'), 'p');
    const decision = judge({ findings: [], scanners: [broken('gitleaks')], policy: warn });
    expect(decision.status).toBe('pass');
    expect(decision.problems[0]?.fatal).toBe(false);
  });

  it('never blocks under the audit preset', () => {
    const audit = parsePolicy(Buffer.from('version: 1\nblock:\n  severities: []\n'), 'preset:audit');
    expect(judge({ findings: [finding('critical')], scanners: [], policy: audit }).status).toBe('pass');
  });
});
