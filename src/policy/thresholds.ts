import type { Finding } from '../findings/finding.js';
import { describeSelectors, selectorsMatch } from './match.js';
import type { Policy } from './policy.js';

function where(source: { file: string; line?: number }): string {
  return source.line === undefined ? source.file : `${source.file}:${source.line}`;
}

/**
 * Reasons each candidate breaks the policy: the `block.severities` shorthand (none allowed), then every
 * threshold whose matching findings outnumber its `max` (then all of them block, each saying why).
 */
export function thresholdReasons(candidates: readonly Finding[], policy: Policy): Map<Finding, string[]> {
  const reasons = new Map<Finding, string[]>();
  const add = (finding: Finding, reason: string): void => {
    reasons.set(finding, [...(reasons.get(finding) ?? []), reason]);
  };
  const listed = policy.blockSeverities.join(', ');
  for (const finding of candidates) {
    if (policy.blockSeverities.includes(finding.severity)) {
      add(
        finding,
        `severity ${finding.severity} is blocked by ${policy.source} (block.severities: [${listed}])`,
      );
    }
  }
  for (const threshold of policy.thresholds) {
    const matching = candidates.filter((finding) => selectorsMatch(threshold, finding));
    if (matching.length <= threshold.max) continue;
    const reason = `${matching.length} finding(s) match ${threshold.label} (${describeSelectors(threshold)}) at ${where(threshold.source)}, which allows at most ${threshold.max}`;
    for (const finding of matching) add(finding, reason);
  }
  return reasons;
}
