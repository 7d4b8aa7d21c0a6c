import { describeError } from '../core/errors.js';
import { GitHubApiError, type GitHubClient, type PullRequestRef } from './client.js';

/** Hidden in the rendered comment; how a later run finds the comment to update instead of adding one. */
export const COMMENT_MARKER = '<!-- vouch:pull-request-comment -->';

export type CommentOutcome =
  | { readonly kind: 'created' | 'updated'; readonly id: number }
  | { readonly kind: 'unavailable'; readonly status?: number; readonly reason: string };

/**
 * One comment per pull request, updated in place: the first comment carrying the marker is edited, and
 * only when there is none is one created. A token that may not comment (fork pull requests get a
 * read-only token; 403, 404) is not a failure of the gate: the caller says so and keeps the summary.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  target: PullRequestRef,
  body: string,
): Promise<CommentOutcome> {
  const marked = body.includes(COMMENT_MARKER) ? body : `${COMMENT_MARKER}\n${body}`;
  try {
    const existing = (await client.listIssueComments(target)).find((c) => c.body.includes(COMMENT_MARKER));
    if (existing) {
      await client.updateIssueComment(target, existing.id, marked);
      return { kind: 'updated', id: existing.id };
    }
    const created = await client.createIssueComment(target, marked);
    return { kind: 'created', id: created.id };
  } catch (error) {
    if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) {
      return {
        kind: 'unavailable',
        status: error.status,
        reason:
          `the token cannot comment on pull request #${target.number} (HTTP ${error.status}: ${error.message}); ` +
          'give the job `pull-requests: write`, or on pull requests from forks, where the token is read-only, ' +
          'read the job summary instead',
      };
    }
    return {
      kind: 'unavailable',
      reason: `could not comment on pull request #${target.number}: ${describeError(error)}`,
    };
  }
}
