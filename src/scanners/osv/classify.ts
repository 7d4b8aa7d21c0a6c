import type { ScannerErrorCode } from '../../core/errors.js';
import type { ProcessResult } from '../../core/ports.js';
import type { OsvReport } from './parse.js';
import { unfinishedProcess } from '../process.js';

export type ReportRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'parsed'; readonly report: OsvReport };

export type Classification =
  | { readonly kind: 'clean'; readonly report: OsvReport }
  | { readonly kind: 'findings'; readonly report: OsvReport }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'error'; readonly code: ScannerErrorCode; readonly message: string };

/** osv-scanner's exit codes (cmd/osv-scanner/internal/cmd/run.go, 2.5.1). */
export const EXIT = {
  clean: 0,
  vulnerabilities: 1,
  error: 127,
  noPackages: 128,
  apiFailed: 129,
  invalidConfig: 130,
} as const;

const EXIT_MESSAGES: Readonly<Record<number, string>> = {
  [EXIT.error]: 'osv-scanner reported an error (exit code 127); its stderr says which',
  [EXIT.apiFailed]:
    'osv-scanner could not query the OSV API (exit code 129); check network access or use an offline database',
  [EXIT.invalidConfig]: 'osv-scanner rejected its configuration (exit code 130)',
};

/**
 * Exit code and report together decide; neither is trusted alone. "Reportable" vulnerabilities are the
 * groups osv-scanner did not mark uncalled or unimportant, the ones its exit code counts.
 *
 * | process               | report                          | outcome                              |
 * |-----------------------|---------------------------------|--------------------------------------|
 * | not found             | -                               | error NOT_INSTALLED                  |
 * | could not spawn       | -                               | error SPAWN_FAILED                   |
 * | timed out             | -                               | error TIMEOUT                        |
 * | exit 128              | - (it writes none)              | skipped "no package sources found"   |
 * | exit 0                | parsed, no reportable vulns     | clean                                |
 * | exit 0                | parsed, reportable vulns        | error BAD_OUTPUT                     |
 * | exit 1                | parsed, reportable vulns        | findings                             |
 * | exit 1                | parsed, no reportable vulns     | error BAD_OUTPUT                     |
 * | exit 0 or 1           | missing or invalid              | error BAD_OUTPUT                     |
 * | exit 0 or 1, stderr "Error during extraction" | -      | error CRASHED (some packages unchecked) |
 * | exit 127, 129, 130    | -                               | error CRASHED (with what it means)   |
 * | any other exit/signal | -                               | error CRASHED                        |
 */
export function classifyOsv(result: ProcessResult, report: ReportRead): Classification {
  if (result.kind !== 'exited') return unfinishedProcess('osv-scanner', result);
  const partial = /Error during extraction: .*/.exec(result.stderrTail);
  // Seen with 2.5.1 and an offline database without one ecosystem's archive: the recursive scan logs the
  // error, checks the other ecosystems and exits 0 or 1 as if it had checked everything.
  if (partial && (result.exitCode === EXIT.clean || result.exitCode === EXIT.vulnerabilities)) {
    return {
      kind: 'error',
      code: 'CRASHED',
      message: `osv-scanner did not check every package (it exited ${result.exitCode}, but said: ${partial[0].trim()})`,
    };
  }
  return classifyExit(result.exitCode, result.signal, report);
}

function classifyExit(exitCode: number | null, signal: string | null, report: ReportRead): Classification {
  if (exitCode === EXIT.noPackages) return { kind: 'skipped', reason: 'no package sources found' };
  if (exitCode !== EXIT.clean && exitCode !== EXIT.vulnerabilities) {
    const how = signal ? `osv-scanner was killed by ${signal}` : `osv-scanner exited with code ${exitCode}`;
    return { kind: 'error', code: 'CRASHED', message: (exitCode !== null && EXIT_MESSAGES[exitCode]) || how };
  }
  if (report.kind === 'missing')
    return { kind: 'error', code: 'BAD_OUTPUT', message: 'osv-scanner wrote no report' };
  if (report.kind === 'invalid')
    return { kind: 'error', code: 'BAD_OUTPUT', message: `unreadable osv-scanner report: ${report.message}` };
  const count = report.report.vulnerable.length;
  if (exitCode === EXIT.clean && count === 0) return { kind: 'clean', report: report.report };
  if (exitCode === EXIT.vulnerabilities && count > 0) return { kind: 'findings', report: report.report };
  return {
    kind: 'error',
    code: 'BAD_OUTPUT',
    message: `osv-scanner exit code ${exitCode} contradicts its report (${count} vulnerable package(s))`,
  };
}
