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
  /**
   * Merging shards: the findings (`newFindingKey`) each shard judged introduced by the change, with its own
   * diff and baseline; they replace both.
   */
  readonly judgedNew?: ReadonlySet<string>;
}

/** A finding's identity across shards: its tool and fingerprint. */
export function newFindingKey(finding: { readonly tool: string; readonly fingerprint: string }): string {
  return `${finding.tool}\0${finding.fingerprint}`;
}

export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}
