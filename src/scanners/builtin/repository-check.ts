import type { Clock, HttpClient } from '../../core/ports.js';
import type { RuleDescriptor } from '../../findings/finding.js';
import type { CheckResult } from './check.js';

/** The whole repository as a repository check sees it. */
export interface RepositoryView {
  /** Repository-relative POSIX paths of the files discovery kept. */
  readonly files: readonly string[];
  /**
   * The UTF-8 text of one of `files`; undefined when it cannot be read, is not valid UTF-8 or is not a
   * path inside the repository. Never throws.
   */
  readText(path: string): Promise<string | undefined>;
  /** GET only; a check must never send repository content anywhere. */
  readonly http: HttpClient;
  readonly clock: Clock;
}

/**
 * A builtin check that needs more than one file at a time (and possibly the network): for example
 * comparing the imports of every source file with every manifest. Per-file checks are `Check`s.
 */
export interface RepositoryCheck {
  readonly id: string;
  /** Every rule the check can report, each from its own data/checks/<rule>.json. */
  readonly rules: readonly RuleDescriptor[];
  /**
   * Rejecting is a bug, which the adapter reports as an `error` outcome; an unreachable network or a
   * file that does not parse is a note in the result instead.
   */
  run(repo: RepositoryView): Promise<CheckResult>;
}
