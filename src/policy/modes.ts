import type { Finding } from '../findings/finding.js';
import { describeSelectors, selectorsMatch } from './match.js';
import type { EnforcementMode, ModeRule, Policy } from './policy.js';

export interface AssignedMode {
  readonly mode: EnforcementMode;
  /** The `modes` entry that set it; absent: no entry matched, so the finding blocks. */
  readonly rule?: ModeRule;
}

/** The first `modes` entry whose selectors all hold sets the mode; none: block. */
export function modeFor(finding: Finding, policy: Policy): AssignedMode {
  const rule = policy.modes.find((candidate) => selectorsMatch(candidate, finding));
  return rule ? { mode: rule.mode, rule } : { mode: 'block' };
}

/** Why the finding is enforced as it is, for explanations: `warn by modes[1] (role test|example) at …`. */
export function describeMode(assigned: AssignedMode): string | undefined {
  const { rule } = assigned;
  if (!rule) return undefined;
  const where = rule.source.line === undefined ? rule.source.file : `${rule.source.file}:${rule.source.line}`;
  return `${assigned.mode} by ${rule.label} (${describeSelectors(rule)}) at ${where}`;
}
