import * as core from '@actions/core';
import type { Decision } from '../core/decision.js';
import type { Finding } from '../findings/finding.js';

/** GitHub shows at most 10 error and 10 warning annotations per step. */
const PER_KIND_LIMIT = 10;

function properties(finding: Finding): core.AnnotationProperties {
  const region = finding.location.region;
  return {
    title: `${finding.severity.toUpperCase()} ${finding.ruleId}`,
    file: finding.location.path,
    startLine: region?.startLine,
    endLine: region?.endLine,
    startColumn:
      region?.endLine === undefined || region.endLine === region.startLine ? region?.startColumn : undefined,
  };
}

/**
 * Blocking findings first as errors, then warn-mode findings that broke the policy, then new reported
 * ones as warnings, then one notice for what did not fit.
 */
export function annotate(decision: Decision): void {
  const errors = decision.blocking.slice(0, PER_KIND_LIMIT);
  for (const { finding, reason } of errors)
    core.error(`${finding.message}\nBlocking: ${reason}`, properties(finding));
  const others = [
    ...decision.verdicts
      .filter((v) => v.verdict === 'warning')
      .map((v) => ({
        finding: v.finding,
        text: `${v.finding.message}\nWarning (${v.finding.role}): ${v.reasons.join('; ')}`,
      })),
    ...decision.verdicts
      .filter((v) => v.verdict === 'reported' && v.mode !== 'report')
      .map((v) => ({ finding: v.finding, text: v.finding.message })),
  ];
  for (const { finding, text } of others.slice(0, PER_KIND_LIMIT)) core.warning(text, properties(finding));
  const hidden = decision.blocking.length - errors.length + Math.max(0, others.length - PER_KIND_LIMIT);
  if (hidden > 0)
    core.notice(`${hidden} more finding(s) are not annotated here; see the SARIF file and the job summary.`);
}
