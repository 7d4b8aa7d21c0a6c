import * as github from '@actions/github';
import {
  GitHubApiError,
  type GitHubClient,
  type IssueComment,
  type PullRequestRef,
  type SarifTarget,
} from '../github/client.js';

type Octokit = ReturnType<typeof github.getOctokit>;

/** Octokit's RequestError carries the HTTP status; anything else (network, abort) has none. */
function apiError(error: unknown, what: string): Error {
  const status = (error as { status?: unknown }).status;
  const message = error instanceof Error ? error.message : String(error);
  return typeof status === 'number'
    ? new GitHubApiError(status, `${what}: ${message}`, { cause: error })
    : new Error(`${what}: ${message}`, { cause: error });
}

async function call<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw apiError(error, what);
  }
}

const comment = (c: { id: number; body?: string | null }): IssueComment => ({ id: c.id, body: c.body ?? '' });

/** The REST client of the workflow's token, against GITHUB_API_URL (github.com, GHES, or a test server). */
export function octokitClient(token: string, baseUrl?: string): GitHubClient {
  const octokit: Octokit = github.getOctokit(token, baseUrl ? { baseUrl } : {});
  return {
    listIssueComments: (target: PullRequestRef) =>
      call(`listing the comments of #${target.number}`, async () =>
        (
          await octokit.paginate(octokit.rest.issues.listComments, {
            owner: target.owner,
            repo: target.repo,
            issue_number: target.number,
            per_page: 100,
          })
        ).map(comment),
      ),
    createIssueComment: (target, body) =>
      call(`commenting on #${target.number}`, async () =>
        comment(
          (
            await octokit.rest.issues.createComment({
              owner: target.owner,
              repo: target.repo,
              issue_number: target.number,
              body,
            })
          ).data,
        ),
      ),
    uploadSarif: (target: SarifTarget, sarif: string) =>
      call(`uploading SARIF for ${target.commitSha}`, async () => {
        const { data } = await octokit.rest.codeScanning.uploadSarif({
          owner: target.owner,
          repo: target.repo,
          commit_sha: target.commitSha,
          ref: target.ref,
          sarif,
        });
        return { id: data.id ?? '' };
      }),
    getSarifStatus: (target, id) =>
      call(`reading the processing status of SARIF upload ${id}`, async () => {
        const { data } = await octokit.rest.codeScanning.getSarif({
          owner: target.owner,
          repo: target.repo,
          sarif_id: id,
        });
        return { processingStatus: data.processing_status ?? 'pending', errors: data.errors ?? [] };
      }),
    updateIssueComment: (target, id, body) =>
      call(`updating comment ${id} on #${target.number}`, async () => {
        await octokit.rest.issues.updateComment({
          owner: target.owner,
          repo: target.repo,
          comment_id: id,
          body,
        });
      }),
  };
}
