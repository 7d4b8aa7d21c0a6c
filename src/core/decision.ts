import type { Finding } from '../findings/finding.js';
import type { Severity } from '../findings/severity.js';
import type { EnforcementMode, Suppression } from '../policy/policy.js';

export type DecisionStatus = 'pass' | 'fail' | 'error';

export interface BlockingFinding {
  readonly finding: Finding;
  /** Which part of the policy this finding broke, in words. */
  readonly reason: string;
}

/**
 * What the policy made of one finding: blocking (broke the policy in block mode), warning (broke it in
 * warn mode), reported (within the policy, or broke it in report mode), suppressed (a live suppression
 * covers it) or pre-existing (new-only mode, not introduced by the change).
 */
export type Verdict = 'blocking' | 'warning' | 'reported' | 'suppressed' | 'pre-existing';

export interface FindingVerdict {
  readonly finding: Finding;
  readonly verdict: Verdict;
  /** How the policy's `modes` enforce it, whether or not it broke the policy. */
  readonly mode: EnforcementMode;
  /** Whether the change introduced it (always true outside new-only mode). */
  readonly isNew: boolean;
  readonly reasons: readonly string[];
  readonly suppression?: Suppression;
}

export interface ScannerProblem {
  readonly scanner: string;
  readonly message: string;
  /** True when the problem alone makes the decision `error`. */
  readonly fatal: boolean;
}

export interface Decision {
  readonly status: DecisionStatus;
  /** Every finding, in order of importance, with the policy's verdict. */
  readonly verdicts: readonly FindingVerdict[];
  readonly blocking: readonly BlockingFinding[];
  readonly problems: readonly ScannerProblem[];
  /** Things about the policy itself the reader must know (e.g. a pull request changed it). */
  readonly notes: readonly string[];
  readonly counts: {
    readonly total: number;
    readonly blocking: number;
    readonly warnings: number;
    readonly suppressed: number;
    readonly preExisting: number;
    readonly bySeverity: Readonly<Record<Severity, number>>;
  };
}

const EXIT_CODES: Record<DecisionStatus, 0 | 1 | 2> = { pass: 0, fail: 1, error: 2 };

/** 0 pass, 1 blocked by policy, 2 could not evaluate. */
export function exitCodeFor(status: DecisionStatus): 0 | 1 | 2 {
  return EXIT_CODES[status];
}
