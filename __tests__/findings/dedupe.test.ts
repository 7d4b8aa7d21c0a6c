import { describe, expect, it } from '@jest/globals';
import { dedupeAcrossTools, sameProblem } from '../../src/findings/dedupe.js';
import type { Finding } from '../../src/findings/finding.js';

function finding(
  tool: string,
  shape: Partial<Pick<Finding, 'severity' | 'cwe'>> & {
    path?: string;
    start?: number;
    end?: number;
    column?: number;
  } = {},
): Finding {
  return {
    tool,
    ruleId: `${tool}/r`,
    message: `${tool} says so`,
    severity: shape.severity ?? 'high',
    securitySeverity: 8,
    location: {
      path: shape.path ?? 'infra/provider.tf',
      region: { startLine: shape.start ?? 3, endLine: shape.end, startColumn: shape.column },
    },
    cwe: shape.cwe ?? ['CWE-798'],
    owasp2021: [],
    owasp2025: [],
    asvs: [],
    fingerprint: `${tool}${shape.start ?? 3}`.padEnd(32, '0'),
    alsoReportedBy: [],
    role: 'source',
  };
}

describe('dedupeAcrossTools', () => {
  it('merges a secret seen by two tools at the same place into one finding listing both', () => {
    const gitleaks = finding('gitleaks', { severity: 'critical', column: 11 });
    const checkov = finding('checkov', { start: 1, end: 5 });
    const { findings, replacedBy } = dedupeAcrossTools([gitleaks, checkov]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      tool: 'gitleaks',
      severity: 'critical',
      alsoReportedBy: ['checkov'],
      role: 'source',
    });
    expect(replacedBy.get(checkov)).toBe(findings[0]);
  });

  it('keeps the most severe, then the more precise location', () => {
    const low = finding('semgrep', { severity: 'medium', column: 3 });
    const high = finding('bandit', { severity: 'high' });
    expect(dedupeAcrossTools([low, high]).findings[0]).toMatchObject({
      tool: 'bandit',
      alsoReportedBy: ['semgrep'],
      role: 'source',
    });
    const precise = finding('semgrep', { column: 3 });
    expect(dedupeAcrossTools([finding('bandit'), precise]).findings[0]?.tool).toBe('semgrep');
  });

  it.each<[string, Finding, Finding]>([
    ['the same tool twice', finding('gitleaks'), finding('gitleaks', { start: 3 })],
    ['different files', finding('gitleaks'), finding('checkov', { path: 'other.tf' })],
    [
      'lines that do not overlap',
      finding('gitleaks', { start: 3 }),
      finding('checkov', { start: 10, end: 12 }),
    ],
    ['no CWE in common', finding('semgrep', { cwe: ['CWE-89'] }), finding('checkov', { cwe: ['CWE-798'] })],
  ])('keeps apart findings on %s', (_case, a, b) => {
    expect(sameProblem(a, b)).toBe(false);
    expect(dedupeAcrossTools([a, b]).findings).toHaveLength(2);
  });
});
