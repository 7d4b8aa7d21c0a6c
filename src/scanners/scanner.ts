import type { ScannerError } from '../core/errors.js';
import type { Git } from '../core/git.js';
import type { Ports } from '../core/ports.js';
import type { Detection, RuleDescriptor } from '../findings/finding.js';

export interface ToolInfo {
  /** SARIF driver name; distinct per scanner. */
  readonly name: string;
  readonly version?: string;
  readonly informationUri?: string;
}

export interface ScanContext {
  /** Absolute path of the repository root. */
  readonly root: string;
  /** Repository-relative POSIX paths of the files discovery kept. */
  readonly files: readonly string[];
  /**
   * The kept files this run must read: on a pull request those the change touched (findings elsewhere could
   * only be pre-existing), in a shard those of the shard, in a shard of a pull request both. An adapter
   * whose analysis is per file scans only these; absent: scan `files`.
   */
  readonly changedFiles?: readonly string[];
  /** What `changedFiles` are, for skip reasons: `this change touches`, `shard 2/4 holds`. */
  readonly scope?: string;
  /** On a pull request: the commits of the change, after `start` up to HEAD, for scanners that read history. */
  readonly history?: { readonly start: string; readonly git: Git };
  /** A private scratch directory for this scanner's reports. */
  readonly workDir: string;
  readonly timeoutMs: number;
  /** Absolute path of the scanner's executable, when it has one and it was found. */
  readonly executable?: string;
  readonly ports: Ports;
}

/** Something the scanner wants the reader to know that is not a finding (a file it could not parse, …). */
export interface ScanNote {
  readonly message: string;
  readonly path?: string;
}

interface Completed {
  readonly tool: ToolInfo;
  readonly rules: readonly RuleDescriptor[];
  readonly notes: readonly ScanNote[];
}

export type ScanOutcome =
  | (Completed & { readonly kind: 'clean' })
  | (Completed & { readonly kind: 'findings'; readonly detections: readonly Detection[] })
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'error'; readonly error: ScannerError };

export interface ScannerAdapter {
  readonly id: string;
  /** Never throws for the scanner's own failure: that is an `error` outcome. */
  scan(context: ScanContext): Promise<ScanOutcome>;
}
