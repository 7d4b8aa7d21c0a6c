import type { Baseline, EvaluationContext } from '../policy/context.js';
import { todayUtc } from '../policy/context.js';
import type { Policy } from '../policy/policy.js';
import { describeError } from './errors.js';
import type { Git } from './git.js';

export interface EvaluationRequest {
  readonly policy: Policy;
  readonly baseline?: Baseline;
  readonly now: Date;
  /** Set on a pull request. */
  readonly base?: { readonly ref: string; readonly git: Git };
}

/**
 * new-only `auto` applies on pull requests, `always` also judges pushes against the baseline, `never` is off.
 * When the change cannot be computed, every finding counts as new: stricter, never looser.
 */
export async function evaluationContext(
  request: EvaluationRequest,
): Promise<{ context: EvaluationContext; notes: string[] }> {
  const { policy, baseline, base } = request;
  const today = todayUtc(request.now);
  const active =
    policy.newOnly === 'always'
      ? base !== undefined || baseline !== undefined
      : policy.newOnly === 'auto' && base !== undefined;
  if (!active) return { context: { today, newOnly: false }, notes: [] };
  if (!base)
    return {
      context: { today, newOnly: true, baseline },
      notes: [`new-only: findings in the baseline ${baseline?.source ?? ''} are pre-existing`],
    };
  try {
    const changes = await base.git.changedLines(base.ref);
    return {
      context: { today, newOnly: true, changes, baseline },
      notes: [`new-only: judging what changed since ${base.ref}`],
    };
  } catch (error) {
    const note = `new-only: could not compute the change against ${base.ref} (${describeError(error)}); every finding is judged as new`;
    return { context: { today, newOnly: true, baseline }, notes: [note] };
  }
}
