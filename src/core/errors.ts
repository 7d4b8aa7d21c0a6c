/** Base of every error Vouch raises on purpose; anything else reaching the top is a bug. */
export abstract class VouchError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export type ConfigErrorCode = 'INVALID_INPUT' | 'INVALID_POLICY' | 'INVALID_PATH' | 'INVALID_ARGUMENT';

/** The user's mistake: a bad input, flag, path or policy. */
export class ConfigError extends VouchError {
  constructor(
    readonly code: ConfigErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type ScannerErrorCode =
  'NOT_INSTALLED' | 'SPAWN_FAILED' | 'CRASHED' | 'TIMEOUT' | 'BAD_OUTPUT' | 'INTERNAL';

/** A scanner that could not give a trustworthy answer. */
export class ScannerError extends VouchError {
  readonly scanner: string;
  readonly command?: string;
  readonly exitCode?: number | null;
  readonly stderrTail?: string;

  constructor(
    readonly code: ScannerErrorCode,
    details: {
      scanner: string;
      message: string;
      command?: string;
      exitCode?: number | null;
      stderrTail?: string;
    },
    options?: { cause?: unknown },
  ) {
    super(details.message, options);
    this.scanner = details.scanner;
    this.command = details.command;
    this.exitCode = details.exitCode;
    this.stderrTail = details.stderrTail;
  }
}

export type InstallErrorCode = 'TOOLCHAIN_MISSING' | 'INSTALL_FAILED' | 'UNKNOWN_TOOL';

export class InstallError extends VouchError {
  constructor(
    readonly code: InstallErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Normalises anything thrown into an Error without assuming `instanceof Error`. */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'string') return new Error(thrown);
  try {
    return new Error(`non-error thrown: ${JSON.stringify(thrown)}`);
  } catch {
    return new Error('non-error thrown');
  }
}

export function describeError(thrown: unknown): string {
  const error = toError(thrown);
  return error instanceof ScannerError ? `${error.scanner}: ${describeScannerFailure(error)}` : error.message;
}

/** What went wrong, the exit code and the end of stderr, for a reader who already knows which scanner. */
export function describeScannerFailure(error: ScannerError): string {
  const parts = [error.message];
  if (error.exitCode !== undefined && error.exitCode !== null) parts.push(`exit code ${error.exitCode}`);
  if (error.stderrTail) parts.push(`stderr: ${error.stderrTail}`);
  return parts.join('; ');
}
