import type { ScannerErrorCode } from '../core/errors.js';
import type { FileSystem, ProcessResult } from '../core/ports.js';

export interface ProcessFailure {
  readonly kind: 'error';
  readonly code: ScannerErrorCode;
  readonly message: string;
}

/** The rows every scanner's classification table shares: not found, could not start, timed out. */
export function unfinishedProcess(
  scanner: string,
  result: Exclude<ProcessResult, { kind: 'exited' }>,
): ProcessFailure {
  if (result.kind === 'timeout') {
    return {
      kind: 'error',
      code: 'TIMEOUT',
      message: `timed out after ${Math.round(result.durationMs / 1000)}s`,
    };
  }
  return result.errorCode === 'ENOENT'
    ? {
        kind: 'error',
        code: 'NOT_INSTALLED',
        message: `${scanner} executable not found; run \`vouch setup\``,
      }
    : { kind: 'error', code: 'SPAWN_FAILED', message: `could not start ${scanner} (${result.message})` };
}

export type ReportFile<T> =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'parsed'; readonly value: T };

/**
 * Reads and parses the report a scanner wrote. A missing file and the parser's own error class are answers
 * for the classification table; any other error is a bug and propagates.
 */
export async function readReportFile<T>(
  fs: FileSystem,
  path: string,
  parse: (text: string) => T,
  parseError: new (...args: never[]) => Error,
): Promise<ReportFile<T>> {
  let text: string;
  try {
    text = (await fs.readFile(path)).toString('utf8');
  } catch {
    return { kind: 'missing' };
  }
  try {
    return { kind: 'parsed', value: parse(text) };
  } catch (error) {
    if (error instanceof parseError) return { kind: 'invalid', message: error.message };
    throw error;
  }
}
