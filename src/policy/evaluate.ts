import type { Decision, DecisionStatus, FindingVerdict, ScannerProblem } from '../core/decision.js';
import { describeScannerFailure } from '../core/errors.js';
import type { Finding } from '../findings/finding.js';
import { SEVERITIES, type Severity } from '../findings/severity.js';
import type { ScanOutcome } from '../scanners/scanner.js';
import type { EvaluationContext } from './context.js';
import { expiredSuppressionFinding, isExpired } from './expired.js';
import { suppressionMatches } from './match.js';
import { describeMode, modeFor, type AssignedMode } from './modes.js';
import { isNewFinding } from './new-only.js';
import { scannerSettings, type Policy, type Suppression } from './policy.js';
import { thresholdReasons } from './thresholds.js';
import { byImportance } from '../findings/order.js';

export interface ScannerResult {
  readonly scanner: string;
  readonly outcome: ScanOutcome;
}

export interface JudgeInput {
  readonly findings: readonly Finding[];
  readonly scanners: readonly ScannerResult[];
  readonly policy: Policy;
  readonly context: EvaluationContext;
  /** Facts about how the policy was chosen (e.g. the base branch's policy was used). */
  readonly notes?: readonly string[];
}

const NOT_NEW_OUTSIDE_NEW_ONLY: EvaluationContext = { today: '0000-00-00', newOnly: false };

/**
 * Pure: the same findings, outcomes, policy and context always give the same decision. Order: live
 * suppressions first, then new-only, then each finding's mode; thresholds count the findings of one mode
 * together, so a block-mode finding blocks, a warn-mode one warns and a report-mode one is reported when
 * they break the policy. Expired suppressions block.
 */
export function judge(input: JudgeInput): Decision {
  return judgeWithProblems(input, scannerProblems(input.scanners, input.policy));
}

/** As judge, with the scanners' problems already worked out (merging shards: some ran a scanner, some not). */
export function judgeWithProblems(
  input: Omit<JudgeInput, 'scanners'>,
  problems: readonly ScannerProblem[],
): Decision {
  const { policy, context } = input;
  const live = policy.suppressions.filter((s) => !isExpired(s, context.today));
  const expired = policy.suppressions
    .filter((s) => isExpired(s, context.today))
    .map(expiredSuppressionFinding);
  const staged = input.findings.map((finding) => stage(finding, live, context, policy));
  const candidates = staged.filter((s) => s.suppression === undefined && s.isNew);
  const reasons = new Map<Finding, string[]>();
  for (const mode of ['block', 'warn', 'report'] as const) {
    const ofMode = candidates.filter((s) => s.assigned.mode === mode).map((s) => s.finding);
    for (const [finding, why] of thresholdReasons(ofMode, policy)) reasons.set(finding, why);
  }
  const verdicts: FindingVerdict[] = [
    ...expired.map((finding) => ({
      finding,
      verdict: 'blocking' as const,
      mode: 'block' as const,
      isNew: true,
      reasons: [expiredReason(finding)],
    })),
    ...staged.map((s) => verdictOf(s, reasons.get(s.finding))),
  ].sort((a, b) => byImportance(a.finding, b.finding));
  return decide(verdicts, problems, input.notes ?? []);
}

interface Staged {
  readonly finding: Finding;
  readonly isNew: boolean;
  readonly suppression?: Suppression;
  readonly assigned: AssignedMode;
}

function stage(
  finding: Finding,
  live: readonly Suppression[],
  context: EvaluationContext,
  policy: Policy,
): Staged {
  return {
    finding,
    isNew: isNewFinding(finding, context.newOnly ? context : NOT_NEW_OUTSIDE_NEW_ONLY),
    suppression: live.find((s) => suppressionMatches(s, finding)),
    assigned: modeFor(finding, policy),
  };
}

const VERDICT_OF_MODE = { block: 'blocking', warn: 'warning', report: 'reported' } as const;

function verdictOf(staged: Staged, reasons: readonly string[] | undefined): FindingVerdict {
  const { finding, isNew, suppression, assigned } = staged;
  const mode = assigned.mode;
  if (suppression) {
    const why = `suppressed until ${suppression.expires} by ${suppression.owner}: ${suppression.reason} (${suppression.source.file}:${suppression.source.line ?? 1})`;
    return { finding, verdict: 'suppressed', mode, isNew, reasons: [why], suppression };
  }
  if (!isNew)
    return {
      finding,
      verdict: 'pre-existing',
      mode,
      isNew,
      reasons: ['not introduced by this change (new-only)'],
    };
  if (!reasons || reasons.length === 0) return { finding, verdict: 'reported', mode, isNew, reasons: [] };
  const how = describeMode(assigned);
  return { finding, verdict: VERDICT_OF_MODE[mode], mode, isNew, reasons: how ? [...reasons, how] : reasons };
}

function expiredReason(finding: Finding): string {
  return `expired suppression at ${finding.location.path}:${finding.location.region?.startLine ?? 1} blocks until renewed or removed`;
}

function decide(
  verdicts: readonly FindingVerdict[],
  problems: readonly ScannerProblem[],
  notes: readonly string[],
): Decision {
  const blocking = verdicts
    .filter((v) => v.verdict === 'blocking')
    .map((v) => ({ finding: v.finding, reason: v.reasons.join('; ') }));
  const status: DecisionStatus = problems.some((p) => p.fatal)
    ? 'error'
    : blocking.length > 0
      ? 'fail'
      : 'pass';
  return {
    status,
    verdicts,
    blocking,
    problems,
    notes,
    counts: {
      total: verdicts.length,
      blocking: blocking.length,
      warnings: verdicts.filter((v) => v.verdict === 'warning').length,
      suppressed: verdicts.filter((v) => v.verdict === 'suppressed').length,
      preExisting: verdicts.filter((v) => v.verdict === 'pre-existing').length,
      bySeverity: countBySeverity(verdicts.map((v) => v.finding)),
    },
  };
}

export function scannerProblems(scanners: readonly ScannerResult[], policy: Policy): ScannerProblem[] {
  const problems: ScannerProblem[] = [];
  for (const { scanner, outcome } of scanners) {
    const settings = scannerSettings(policy, scanner);
    if (outcome.kind === 'error') {
      const fatal = settings.required && policy.onScannerError === 'fail';
      problems.push({ scanner, message: describeScannerFailure(outcome.error), fatal });
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
