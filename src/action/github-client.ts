import * as github from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import {
  GitHubApiError,
  type GitHubClient,
  type IssueComment,
  type PullRequestRef,
  type CheckAnnotation,
  type RepositoryRef,
  type SarifTarget,
} from '../github/client.js';

const checkAnnotation = (a: CheckAnnotation) => ({
  path: a.path,
  start_line: a.startLine,
  end_line: a.endLine,
  annotation_level: a.level,
  title: a.title,
  message: a.message,
});

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

export interface ClientOptions {
  /** Server errors (5xx) and rate limits are retried this many times (Octokit's retry plugin); default 3. */
  readonly retries?: number;
  /** The first retry waits this long, later ones the square of the attempt times it; default 1000 ms. */
  readonly retryAfterBaseValueMs?: number;
}

/**
 * The REST client of the workflow's token, against GITHUB_API_URL (github.com, GHES, or a test server).
 * 5xx answers are retried with backoff; 4xx are not, since they say what is wrong.
 */
export function octokitClient(token: string, baseUrl?: string, options: ClientOptions = {}): GitHubClient {
  const octokit: Octokit = github.getOctokit(
    token,
    {
      ...(baseUrl ? { baseUrl } : {}),
      retry: {
        retries: options.retries ?? 3,
        retryAfterBaseValue: options.retryAfterBaseValueMs ?? 1000,
        // Octokit's list plus 413: a payload too large stays too large; the uploader splits it instead.
        doNotRetry: [400, 401, 403, 404, 410, 413, 422, 451],
      },
    },
    retry,
  );
  return {
    getPullRequest: (target: PullRequestRef) =>
      call(`reading pull request #${target.number}`, async () => {
        const { data } = await octokit.rest.pulls.get({
          owner: target.owner,
          repo: target.repo,
          pull_number: target.number,
        });
        return { headSha: data.head.sha, state: data.state };
      }),
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
    createCheckRun: (target: RepositoryRef, request) =>
      call(`creating the check run for ${request.headSha}`, async () => {
        const { data } = await octokit.rest.checks.create({
          owner: target.owner,
          repo: target.repo,
          name: request.name,
          head_sha: request.headSha,
          status: 'completed',
          conclusion: request.conclusion,
          output: {
            title: request.title,
            summary: request.summary,
            annotations: request.annotations.map(checkAnnotation),
          },
        });
        return { id: data.id };
      }),
    updateCheckRun: (target, id, output) =>
      call(`adding annotations to check run ${id}`, async () => {
        await octokit.rest.checks.update({
          owner: target.owner,
          repo: target.repo,
          check_run_id: id,
          output: {
            title: output.title,
            summary: output.summary,
            annotations: output.annotations.map(checkAnnotation),
          },
        });
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
