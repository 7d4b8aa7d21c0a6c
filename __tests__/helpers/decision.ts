import type { Decision, FindingVerdict } from '../../src/core/decision.js';

/** A decision made of the given verdicts, counted the way the judge counts them. */
export function decisionOf(verdicts: FindingVerdict[]): Decision {
  const count = (v: string) => verdicts.filter((x) => x.verdict === v).length;
  return {
    status: count('blocking') > 0 ? 'fail' : 'pass',
    verdicts,
    blocking: verdicts
      .filter((v) => v.verdict === 'blocking')
      .map((v) => ({ finding: v.finding, reason: 'r' })),
    problems: [],
    notes: [],
    counts: {
      total: verdicts.length,
      blocking: count('blocking'),
      warnings: count('warning'),
      suppressed: count('suppressed'),
      preExisting: count('pre-existing'),
      bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    },
  };
}
