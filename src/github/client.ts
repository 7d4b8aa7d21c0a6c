/** The repository and pull request a comment belongs to. */
export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export interface IssueComment {
  readonly id: number;
  readonly body: string;
}

/** What Vouch asks of GitHub's REST API; the action implements it with Octokit, tests with a local server. */
export interface GitHubClient {
  /** Every comment of the pull request's conversation, all pages. */
  listIssueComments(target: PullRequestRef): Promise<IssueComment[]>;
  createIssueComment(target: PullRequestRef, body: string): Promise<IssueComment>;
  updateIssueComment(target: PullRequestRef, id: number, body: string): Promise<void>;
}

/** An HTTP error from the API, with the status that decides what Vouch makes of it. */
export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GitHubApiError';
  }
}
