/** What the judge knows about the change being judged; built by the caller (git, baseline file, clock). */

/** Lines a pull request added or changed, per repository-relative path; `all` for a new file. */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number> | 'all'>;

export interface Baseline {
  readonly source: string;
  /** Vouch fingerprints (`vouch/fingerprint`). */
  readonly fingerprints: ReadonlySet<string>;
  /** `<ruleId>|<primaryLocationLineHash>`, for baselines written by other tools. */
  readonly ruleLineHashes: ReadonlySet<string>;
}

export interface EvaluationContext {
  /** Today in UTC, `YYYY-MM-DD`: suppressions expire after their `expires` day. */
  readonly today: string;
  /** True when only new findings may block (policy `new-only` and the event agree). */
  readonly newOnly: boolean;
  readonly changes?: ChangedLines;
  readonly baseline?: Baseline;
}

export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}
