import { describeError } from '../core/errors.js';
import type { Decision, FindingVerdict } from '../core/decision.js';
import { GitHubApiError, type CheckAnnotation, type GitHubClient, type RepositoryRef } from './client.js';

/** GitHub accepts at most 50 annotations per check-run request; later requests append to the run. */
export const ANNOTATIONS_PER_REQUEST = 50;
const MAX_MESSAGE = 64 * 1024 - 1;

export type CheckRunOutcome =
  | { readonly kind: 'published'; readonly id: number; readonly annotations: number }
  | { readonly kind: 'unavailable'; readonly status?: number; readonly reason: string };

function annotation(verdict: FindingVerdict, reason: string): CheckAnnotation {
  const { finding } = verdict;
  const start = finding.location.region?.startLine ?? 1;
  const blocking = verdict.verdict === 'blocking';
  return {
    path: finding.location.path,
    startLine: start,
    endLine: Math.max(start, finding.location.region?.endLine ?? start),
    level: blocking ? 'failure' : 'warning',
    title: `${finding.severity.toUpperCase()} ${finding.ruleId}`,
    message: `${finding.message}\n${blocking ? 'Blocking' : 'Warning'}: ${reason}`.slice(0, MAX_MESSAGE),
  };
}

/** Every blocking finding, then every warning, as check-run annotations (no 10-per-step display cap). */
export function checkAnnotations(decision: Decision): CheckAnnotation[] {
  return [
    ...decision.verdicts.filter((v) => v.verdict === 'blocking'),
    ...decision.verdicts.filter((v) => v.verdict === 'warning'),
  ].map((v) => annotation(v, v.reasons.join('; ')));
}

/**
 * A completed check run carrying every blocking finding and warning, sent 50 annotations at a time. A
 * token without `checks: write` (403, 404) only costs the annotations beyond the step's ten.
 */
export async function publishCheckRun(
  client: GitHubClient,
  target: RepositoryRef & { readonly headSha: string },
  decision: Decision,
): Promise<CheckRunOutcome> {
  const annotations = checkAnnotations(decision);
  const title = `${decision.status.toUpperCase()}: ${decision.counts.blocking} blocking, ${decision.counts.warnings} warning(s)`;
  const summary = `${decision.counts.total} finding(s); ${annotations.length} annotated here.`;
  const batches = [];
  for (let i = 0; i < Math.max(1, annotations.length); i += ANNOTATIONS_PER_REQUEST)
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  try {
    const { id } = await client.createCheckRun(target, {
      name: 'Vouch',
      headSha: target.headSha,
      conclusion: decision.status === 'pass' ? 'success' : decision.status === 'fail' ? 'failure' : 'neutral',
      title,
      summary,
      annotations: batches[0] ?? [],
    });
    for (const batch of batches.slice(1))
      await client.updateCheckRun(target, id, { title, summary, annotations: batch });
    return { kind: 'published', id, annotations: annotations.length };
  } catch (error) {
    if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) {
      return {
        kind: 'unavailable',
        status: error.status,
        reason: `HTTP ${error.status}: the token cannot create check runs; give the job \`checks: write\` (fork pull requests get a read-only token)`,
      };
    }
    return { kind: 'unavailable', reason: `could not publish the check run: ${describeError(error)}` };
  }
}
