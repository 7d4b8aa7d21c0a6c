import type { ScannerErrorCode } from '../../core/errors.js';
import type { ProcessResult } from '../../core/ports.js';
import { LEAKS_EXIT_CODE } from './args.js';
import type { Leak } from './parse.js';
import { unfinishedProcess } from '../process.js';

export type ReportRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'parsed'; readonly leaks: readonly Leak[] };

export type Classification =
  | { readonly kind: 'clean' }
  | { readonly kind: 'findings'; readonly leaks: readonly Leak[] }
  | { readonly kind: 'error'; readonly code: ScannerErrorCode; readonly message: string };

/**
 * Exit code and report together decide; neither is trusted alone (FACTS.md: Gitleaks exits 1 for leaks
 * and for errors alike, hence the explicit --exit-code).
 *
 * | process              | report                | outcome                |
 * |----------------------|-----------------------|------------------------|
 * | not found            | -                     | error NOT_INSTALLED    |
 * | could not spawn      | -                     | error SPAWN_FAILED     |
 * | timed out            | -                     | error TIMEOUT          |
 * | exit 0               | parsed, no leaks      | clean                  |
 * | exit 0               | parsed, leaks         | error BAD_OUTPUT       |
 * | exit 99              | parsed, leaks         | findings               |
 * | exit 99              | parsed, no leaks      | error BAD_OUTPUT       |
 * | exit 0 or 99         | missing or invalid    | error BAD_OUTPUT       |
 * | any other exit/signal| -                     | error CRASHED          |
 */
export function classifyGitleaks(result: ProcessResult, report: ReportRead): Classification {
  if (result.kind !== 'exited') return unfinishedProcess('gitleaks', result);
  return classifyExit(result.exitCode, result.signal, report);
}

function classifyExit(exitCode: number | null, signal: string | null, report: ReportRead): Classification {
  if (exitCode !== 0 && exitCode !== LEAKS_EXIT_CODE) {
    const how = signal ? `was killed by ${signal}` : `exited with code ${exitCode}`;
    return { kind: 'error', code: 'CRASHED', message: `gitleaks ${how}` };
  }
  if (report.kind === 'missing')
    return { kind: 'error', code: 'BAD_OUTPUT', message: 'gitleaks wrote no report' };
  if (report.kind === 'invalid')
    return { kind: 'error', code: 'BAD_OUTPUT', message: `unreadable gitleaks report: ${report.message}` };
  const hasLeaks = report.leaks.length > 0;
  if (exitCode === 0 && !hasLeaks) return { kind: 'clean' };
  if (exitCode === LEAKS_EXIT_CODE && hasLeaks) return { kind: 'findings', leaks: report.leaks };
  return {
    kind: 'error',
    code: 'BAD_OUTPUT',
    message: `gitleaks exit code ${exitCode} contradicts its report (${report.leaks.length} leaks)`,
  };
}
