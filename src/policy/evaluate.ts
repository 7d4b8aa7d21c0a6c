import type { BlockingFinding, Decision, DecisionStatus, ScannerProblem } from '../core/decision.js';
import { describeError } from '../core/errors.js';
import type { Finding } from '../findings/finding.js';
import { SEVERITIES, severityRank, type Severity } from '../findings/severity.js';
import type { ScanOutcome } from '../scanners/scanner.js';
import { scannerSettings, type Policy } from './policy.js';

export interface ScannerResult {
  readonly scanner: string;
  readonly outcome: ScanOutcome;
}

export interface JudgeInput {
  readonly findings: readonly Finding[];
  readonly scanners: readonly ScannerResult[];
  readonly policy: Policy;
}

/** Pure: the same findings, scanner outcomes and policy always give the same decision. */
export function judge(input: JudgeInput): Decision {
  const blocking = blockingFindings(input.findings, input.policy);
  const problems = scannerProblems(input.scanners, input.policy);
  const status: DecisionStatus = problems.some((p) => p.fatal)
    ? 'error'
    : blocking.length > 0
      ? 'fail'
      : 'pass';
  return {
    status,
    blocking,
    problems,
    counts: {
      total: input.findings.length,
      blocking: blocking.length,
      bySeverity: countBySeverity(input.findings),
    },
  };
}

function blockingFindings(findings: readonly Finding[], policy: Policy): BlockingFinding[] {
  const listed = policy.blockSeverities.join(', ');
  return findings
    .filter((finding) => policy.blockSeverities.includes(finding.severity))
    .sort(
      (a, b) =>
        severityRank(a.severity) - severityRank(b.severity) || a.location.path.localeCompare(b.location.path),
    )
    .map((finding) => ({
      finding,
      reason: `severity ${finding.severity} is blocked by ${policy.source} (block.severities: [${listed}])`,
    }));
}

function scannerProblems(scanners: readonly ScannerResult[], policy: Policy): ScannerProblem[] {
  const problems: ScannerProblem[] = [];
  for (const { scanner, outcome } of scanners) {
    const settings = scannerSettings(policy, scanner);
    if (outcome.kind === 'error') {
      const fatal = settings.required && policy.onScannerError === 'fail';
      problems.push({ scanner, message: describeError(outcome.error), fatal });
    } else if (outcome.kind === 'skipped' && settings.required) {
      problems.push({ scanner, message: `skipped: ${outcome.reason}`, fatal: false });
    }
  }
  return problems;
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
