import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import type { Finding, RuleDescriptor } from '../../src/findings/finding.js';
import { SEVERITIES, severityRank, type Severity } from '../../src/findings/severity.js';
import { applyLimits, GITHUB_LIMITS } from '../../src/sarif/limits.js';
import { renderSarif } from '../../src/sarif/render.js';
import type { SarifLog, SarifResult, SarifRun } from '../../src/sarif/types.js';
import { validateSarif } from './schema.js';

const RULE: RuleDescriptor = {
  id: 'bulk/rule',
  name: 'BulkRule',
  shortDescription: 'A rule with many results',
  fullDescription: 'A rule with many results.',
  help: 'Fix them.',
  severity: 'high',
  securitySeverity: 8,
  precision: 'medium',
  cwe: ['CWE-79'],
  asvs: [],
  tags: [],
};

/** Deterministic pseudo-random text, so gzip cannot shrink it away. */
function noise(seed: number, length: number): string {
  let state = seed + 1;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += String.fromCharCode(97 + (state % 26));
  }
  return text;
}

function findings(count: number, severityOf: (i: number) => Severity, messageLength = 0): Finding[] {
  return Array.from({ length: count }, (_, i) => ({
    tool: 'bulk',
    ruleId: RULE.id,
    message: `finding ${i} ${noise(i, messageLength)}`,
    severity: severityOf(i),
    securitySeverity: 5,
    location: { path: `src/file-${i % 97}.ts`, region: { startLine: i + 1 } },
    cwe: [],
    owasp2021: [],
    owasp2025: [],
    asvs: [],
    fingerprint: `fp-${i}`,
    alsoReportedBy: [],
    role: 'source',
  }));
}

function bulkLog(found: Finding[], extraRuns = 0): SarifLog {
  const extra = Array.from({ length: extraRuns }, (_, i) => ({
    tool: { name: `extra-${i}` },
    rules: [{ ...RULE, id: `extra-${i}/rule` }],
    findings: [],
  }));
  return renderSarif({
    vouchVersion: '0.1.0',
    runs: [{ tool: { name: 'bulk' }, rules: [RULE], findings: found }, ...extra],
  });
}

function severityOf(result: SarifResult): Severity {
  return result.properties?.['vouch/severity'] as Severity;
}

function notices(run: SarifRun | undefined): string[] {
  return (run?.invocations?.[0]?.toolExecutionNotifications ?? []).map((n) => n.message.text);
}

describe('applyLimits', () => {
  it('leaves a log within the limits untouched', () => {
    const log = bulkLog(
      findings(10, () => 'high'),
      2,
    );
    const limited = applyLimits(log);
    expect(limited.notes).toEqual([]);
    expect(limited.log).toEqual(log);
  });

  it('keeps the 25,000 most severe results of a run, notes the rest, and stays schema-valid', () => {
    // Every 50th finding is low: 25,100 findings of which 502 are low; 100 of those must go.
    const log = bulkLog(
      findings(25_100, (i) => (i % 50 === 0 ? 'low' : 'high')),
      1,
    );
    const limited = applyLimits(log);
    const run = limited.log.runs.find((r) => r.tool.driver.name === 'bulk');
    expect(run?.results).toHaveLength(GITHUB_LIMITS.maxResultsPerRun);
    const kept = run?.results ?? [];
    expect(kept.filter((r) => severityOf(r) === 'high')).toHaveLength(25_100 - 502);
    expect(kept.filter((r) => severityOf(r) === 'low')).toHaveLength(402);
    expect(notices(run)).toHaveLength(1);
    expect(notices(run)[0]).toMatch(/left out 100 of 25100 results/);
    expect(notices(run)[0]).toMatch(/full list is in Vouch's JSON output/);
    expect(limited.notes).toEqual([`bulk: ${notices(run)[0] ?? ''}`]);
    expect(notices(limited.log.runs.find((r) => r.tool.driver.name === 'extra-0'))).toEqual([]);
    expect(validateSarif(limited.log)).toEqual([]);
  });

  it('keeps the surviving results in their original order and does not modify its input', () => {
    const log = bulkLog(findings(40, (i) => SEVERITIES[i % SEVERITIES.length] ?? 'info'));
    const before = JSON.stringify(log);
    const limited = applyLimits(log, { maxResultsPerRun: 16 });
    expect(JSON.stringify(log)).toBe(before);
    const original = log.runs[0]?.results ?? [];
    const kept = limited.log.runs[0]?.results ?? [];
    expect(kept).toHaveLength(16);
    expect(kept).toEqual(original.filter((r) => kept.includes(r)));
    // 8 critical and 8 high: the most severe two bands fill the 16 places.
    expect(new Set(kept.map(severityOf))).toEqual(new Set(['critical', 'high']));
  });

  it('drops the least severe results in halves until the gzipped log fits, saying so', () => {
    const log = bulkLog(findings(2_000, (i) => (i < 100 ? 'critical' : i < 600 ? 'medium' : 'low'), 200));
    const fullSize = gzipSync(JSON.stringify(log)).length;
    const maxGzipBytes = Math.floor(fullSize / 3);
    const limited = applyLimits(log, { maxGzipBytes });
    expect(gzipSync(JSON.stringify(limited.log)).length).toBeLessThanOrEqual(maxGzipBytes);
    const kept = limited.log.runs[0]?.results ?? [];
    // 2,000 → 1,000 → 500: the first size that fits a third of the original.
    expect(kept).toHaveLength(500);
    const worstKept = Math.max(...kept.map((r) => severityRank(severityOf(r))));
    expect(worstKept).toBe(severityRank('medium'));
    expect(kept.filter((r) => severityOf(r) === 'critical')).toHaveLength(100);
    expect(notices(limited.log.runs[0])[0]).toMatch(/left out 1500 of 2000 results .*bytes gzipped/);
    expect(limited.notes).toHaveLength(1);
    expect(validateSarif(limited.log)).toEqual([]);
  });

  it('throws when even a log without results is too large', () => {
    expect(() => applyLimits(bulkLog(findings(5, () => 'high')), { maxGzipBytes: 100 })).toThrow(
      /even without results/,
    );
  });

  it('caps the locations of a result and notes it, keeping existing notifications', () => {
    const log = bulkLog(findings(2, () => 'high'));
    const run = log.runs[0];
    const result = run?.results[0];
    if (!run || !result) throw new Error('fixture has no result');
    const location = result.locations[0];
    if (!location) throw new Error('fixture result has no location');
    const crowded: SarifRun = {
      ...run,
      invocations: [
        {
          executionSuccessful: true,
          toolExecutionNotifications: [{ level: 'note', message: { text: 'earlier' } }],
        },
      ],
      results: [
        { ...result, locations: Array.from({ length: 1_500 }, () => location) },
        ...run.results.slice(1),
      ],
    };
    const limited = applyLimits({ ...log, runs: [crowded] });
    expect(limited.log.runs[0]?.results[0]?.locations).toHaveLength(GITHUB_LIMITS.maxLocationsPerResult);
    expect(limited.log.runs[0]?.results[1]?.locations).toHaveLength(1);
    expect(notices(limited.log.runs[0])).toEqual([
      'earlier',
      expect.stringMatching(/1 result had more locations/),
    ]);
  });

  it('throws on more runs than GitHub accepts in one upload', () => {
    expect(() => applyLimits(bulkLog([], 20))).toThrow(/21 runs/);
    expect(applyLimits(bulkLog([], 19)).log.runs).toHaveLength(20);
  });
});
