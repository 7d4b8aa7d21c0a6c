import type { ScannerErrorCode } from '../../core/errors.js';
import type { ProcessResult } from '../../core/ports.js';
import { FAILED_CHECKS_EXIT_CODE } from './args.js';
import type { CheckovReport } from './parse.js';
import { unfinishedProcess } from '../process.js';

export type ReportRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'parsed'; readonly report: CheckovReport };

/** The report travels with clean outcomes too: parsing errors and inline skips become notes. */
export type Classification =
  | { readonly kind: 'clean'; readonly report: CheckovReport }
  | { readonly kind: 'findings'; readonly report: CheckovReport }
  | { readonly kind: 'error'; readonly code: ScannerErrorCode; readonly message: string };

/**
 * Exit code and report together decide; neither is trusted alone.
 *
 * | process               | report                                   | outcome             |
 * |-----------------------|------------------------------------------|---------------------|
 * | not found             | -                                        | error NOT_INSTALLED |
 * | could not spawn       | -                                        | error SPAWN_FAILED  |
 * | timed out             | -                                        | error TIMEOUT       |
 * | exit 0                | parsed, no failed checks                 | clean               |
 * | exit 0                | bare summary: no IaC files (3.3.30)      | clean               |
 * | exit 0                | parsed, failed checks                    | error BAD_OUTPUT    |
 * | exit 1                | parsed, failed checks                    | findings            |
 * | exit 1                | parsed, no failed checks                 | error BAD_OUTPUT    |
 * | exit 0 or 1           | missing                                  | error BAD_OUTPUT    |
 * | exit 0 or 1           | not JSON or not Checkov's shape          | error BAD_OUTPUT    |
 * | exit 2                | -                                        | error CRASHED       |
 * | any other exit/signal | -                                        | error CRASHED       |
 *
 * A repository without any file Checkov scans is clean, not skipped: Checkov ran over the whole tree and
 * had nothing to object to, and a required scanner that is "skipped" would be reported as a problem.
 */
export function classifyCheckov(result: ProcessResult, report: ReportRead): Classification {
  if (result.kind !== 'exited') return unfinishedProcess('checkov', result);
  return classifyExit(result.exitCode, result.signal, report);
}

function classifyExit(exitCode: number | null, signal: string | null, report: ReportRead): Classification {
  if (exitCode !== 0 && exitCode !== FAILED_CHECKS_EXIT_CODE) {
    const how = signal ? `was killed by ${signal}` : `exited with code ${exitCode}`;
    return { kind: 'error', code: 'CRASHED', message: `checkov ${how}` };
  }
  if (report.kind === 'missing')
    return { kind: 'error', code: 'BAD_OUTPUT', message: 'checkov wrote no report' };
  if (report.kind === 'invalid')
    return { kind: 'error', code: 'BAD_OUTPUT', message: `unreadable checkov report: ${report.message}` };
  const failed = report.report.frameworks.reduce((sum, framework) => sum + framework.failed.length, 0);
  if (exitCode === 0 && failed === 0) return { kind: 'clean', report: report.report };
  if (exitCode === FAILED_CHECKS_EXIT_CODE && failed > 0) return { kind: 'findings', report: report.report };
  return {
    kind: 'error',
    code: 'BAD_OUTPUT',
    message: `checkov exit code ${exitCode} contradicts its report (${failed} failed checks)`,
  };
}
