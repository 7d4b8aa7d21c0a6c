import type { Finding } from '../findings/finding.js';
import type { Severity } from '../findings/severity.js';

export type DecisionStatus = 'pass' | 'fail' | 'error';

export interface BlockingFinding {
  readonly finding: Finding;
  /** Which part of the policy this finding broke, in words. */
  readonly reason: string;
}

export interface ScannerProblem {
  readonly scanner: string;
  readonly message: string;
  /** True when the problem alone makes the decision `error`. */
  readonly fatal: boolean;
}

export interface Decision {
  readonly status: DecisionStatus;
  readonly blocking: readonly BlockingFinding[];
  readonly problems: readonly ScannerProblem[];
  readonly counts: {
    readonly total: number;
    readonly blocking: number;
    readonly bySeverity: Readonly<Record<Severity, number>>;
  };
}

const EXIT_CODES: Record<DecisionStatus, 0 | 1 | 2> = { pass: 0, fail: 1, error: 2 };

/** 0 pass, 1 blocked by policy, 2 could not evaluate. */
export function exitCodeFor(status: DecisionStatus): 0 | 1 | 2 {
  return EXIT_CODES[status];
}
