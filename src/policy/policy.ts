import type { Severity } from '../findings/severity.js';

export interface ScannerSettings {
  readonly enabled: boolean;
  readonly required: boolean;
  readonly timeoutSeconds: number;
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
  readonly onScannerError: 'fail' | 'warn';
  readonly unknownSeverity: Severity;
  readonly excludes: readonly string[];
  readonly maxFileBytes: number;
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
