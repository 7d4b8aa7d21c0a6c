export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** GitHub's bands for `security-severity`: >= 9 critical, 7-8.9 high, 4-6.9 medium, 0.1-3.9 low. */
export function severityFromScore(score: number): Severity {
  if (!Number.isFinite(score) || score <= 0) return 'info';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

const DEFAULT_SCORE: Record<Severity, number> = {
  critical: 9.5,
  high: 8.0,
  medium: 5.5,
  low: 3.0,
  info: 0,
};

/** A representative score inside the severity's band, for tools that only give a level. */
export function defaultScore(severity: Severity): number {
  return DEFAULT_SCORE[severity];
}

/** Lower rank = more severe; for sorting. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
