import type { SecretKind } from '../findings/finding.js';
import type { FileRole } from '../findings/roles.js';
import type { Severity } from '../findings/severity.js';

export interface ScannerSettings {
  readonly enabled: boolean;
  readonly required: boolean;
  readonly timeoutSeconds: number;
}

/** Where a policy entry was written, for explanations and for findings about the policy itself. */
export interface SourceRef {
  readonly file: string;
  readonly line?: number;
}

/** Which findings a threshold or mode applies to; every selector given must hold. */
export interface FindingSelectors {
  readonly severity?: Severity;
  readonly minSeverity?: Severity;
  /** `A05:2025` or `A03:2021`. */
  readonly owasp?: string;
  /** A chapter, section or requirement prefix: `v5.0.0-1`, `v5.0.0-1.2`, `v5.0.0-1.2.4`. */
  readonly asvs?: string;
  readonly scanner?: string;
  /** Rule id or glob. */
  readonly rule?: string;
  /** Any of these file roles. */
  readonly roles?: readonly FileRole[];
  /** Repository-relative path glob. */
  readonly path?: string;
  readonly secret?: SecretKind;
}

/** A count of matching findings the policy allows. */
export interface Threshold extends FindingSelectors {
  readonly label: string;
  readonly max: number;
  readonly source: SourceRef;
}

/**
 * How a finding that breaks the policy is enforced: `block` fails the build, `warn` annotates and
 * summarizes it without failing, `report` only records it.
 */
export type EnforcementMode = 'block' | 'warn' | 'report';

/** The first entry of `modes` that matches a finding sets its mode; none matching: block. */
export interface ModeRule extends FindingSelectors {
  readonly label: string;
  readonly mode: EnforcementMode;
  readonly source: SourceRef;
}

export interface Suppression {
  readonly rule?: string;
  readonly fingerprint?: string;
  readonly path?: string;
  readonly reason: string;
  readonly owner: string;
  /** Last day it applies, `YYYY-MM-DD` (UTC). */
  readonly expires: string;
  readonly source: SourceRef;
}

export type NewOnlyMode = 'auto' | 'always' | 'never';

export interface DependencySettings {
  readonly minAgeDays: number;
  readonly offline: boolean;
  readonly npmRegistry?: string;
  readonly pypiUrl?: string;
}

/** The effective policy after defaults are applied; what the judge reads. */
export interface Policy {
  /** Where it came from: `preset:default` or a path. */
  readonly source: string;
  readonly description?: string;
  /** sha256 of the policy file's bytes, for the decision attestation. */
  readonly digest: string;
  readonly scanners: Readonly<Record<string, ScannerSettings>>;
  readonly blockSeverities: readonly Severity[];
  readonly thresholds: readonly Threshold[];
  readonly modes: readonly ModeRule[];
  readonly newOnly: NewOnlyMode;
  readonly baseline?: string;
  readonly suppressions: readonly Suppression[];
  readonly suppressionsFile?: string;
  readonly onScannerError: 'fail' | 'warn';
  readonly unknownSeverity: Severity;
  readonly excludes: readonly string[];
  readonly maxFileBytes: number;
  readonly dependencies: DependencySettings;
  readonly osvOfflineDb?: string;
  /** Let osv-scanner resolve manifests' transitive dependencies through deps.dev and Maven registries. */
  readonly osvResolveTransitive: boolean;
}

export const DEFAULT_SCANNER_TIMEOUT_SECONDS = 600;
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export function scannerSettings(policy: Policy, scanner: string): ScannerSettings {
  return (
    policy.scanners[scanner] ?? {
      enabled: true,
      required: true,
      timeoutSeconds: DEFAULT_SCANNER_TIMEOUT_SECONDS,
    }
  );
}
