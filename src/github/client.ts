/** The repository and pull request a comment belongs to. */
export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export interface PullRequestState {
  readonly headSha: string;
  /** `open` or `closed`. */
  readonly state: string;
}

export interface IssueComment {
  readonly id: number;
  readonly body: string;
}

/** Where an upload's results belong: the commit and ref they were computed for. */
export interface SarifTarget {
  readonly owner: string;
  readonly repo: string;
  readonly commitSha: string;
  /** `refs/heads/main`, or `refs/pull/<n>/merge` on a pull request. */
  readonly ref: string;
}

export interface SarifStatus {
  /** `pending`, `complete` or `failed`, as GitHub spells it; anything else is treated as still pending. */
  readonly processingStatus: string;
  readonly errors: readonly string[];
}

export interface CheckAnnotation {
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly level: 'failure' | 'warning' | 'notice';
  readonly title: string;
  readonly message: string;
}

export interface CheckRunOutput {
  readonly title: string;
  readonly summary: string;
  /** At most 50 per request (GitHub's limit); later requests append. */
  readonly annotations: readonly CheckAnnotation[];
}

export interface CheckRunRequest extends CheckRunOutput {
  readonly name: string;
  readonly headSha: string;
  readonly conclusion: 'success' | 'failure' | 'neutral';
}

/** What Vouch asks of GitHub's REST API; the action implements it with Octokit, tests with a local server. */
export interface GitHubClient {
  /** The pull request as it is now: its head commit and state. */
  getPullRequest(target: PullRequestRef): Promise<PullRequestState>;
  /** Every comment of the pull request's conversation, all pages. */
  listIssueComments(target: PullRequestRef): Promise<IssueComment[]>;
  createIssueComment(target: PullRequestRef, body: string): Promise<IssueComment>;
  updateIssueComment(target: PullRequestRef, id: number, body: string): Promise<void>;
  /** POST …/code-scanning/sarifs with the gzipped, base64-encoded SARIF; the id to poll. */
  uploadSarif(target: SarifTarget, gzippedBase64: string): Promise<{ readonly id: string }>;
  getSarifStatus(target: SarifTarget, id: string): Promise<SarifStatus>;
  createCheckRun(target: RepositoryRef, request: CheckRunRequest): Promise<{ readonly id: number }>;
  updateCheckRun(target: RepositoryRef, id: number, output: CheckRunOutput): Promise<void>;
}

export interface RepositoryRef {
  readonly owner: string;
  readonly repo: string;
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
