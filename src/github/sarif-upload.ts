import { gzipSync } from 'node:zlib';
import { describeError } from '../core/errors.js';
import { GITHUB_LIMITS, type GithubLimits } from '../sarif/limits.js';
import type { SarifLog } from '../sarif/types.js';
import { GitHubApiError, type GitHubClient, type SarifTarget } from './client.js';

export interface UploadOptions {
  readonly limits?: GithubLimits;
  readonly pollIntervalMs?: number;
  /** How long to wait for GitHub to process each upload before saying it is still pending. */
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type UploadOutcome =
  | { readonly kind: 'complete'; readonly ids: readonly string[] }
  | { readonly kind: 'rejected'; readonly id: string; readonly errors: readonly string[] }
  | { readonly kind: 'pending'; readonly ids: readonly string[] }
  | { readonly kind: 'unavailable'; readonly status?: number; readonly reason: string };

const gzipped = (log: SarifLog): Buffer => gzipSync(JSON.stringify(log));

/**
 * Packs the runs into as few uploads as GitHub accepts: at most `maxRuns` runs and `maxGzipBytes`
 * gzipped each, runs kept whole and in order. Each run keeps its own `automationDetails.id`, so no upload
 * holds two runs of one tool and category. A run too large even alone goes alone (it was already trimmed
 * to the limits when the SARIF was written).
 */
export function planUploads(log: SarifLog, limits: GithubLimits = GITHUB_LIMITS): SarifLog[] {
  const uploads: SarifLog[] = [];
  let current: SarifLog = { ...log, runs: [] };
  for (const run of log.runs) {
    const candidate = { ...current, runs: [...current.runs, run] };
    const fits = candidate.runs.length <= limits.maxRuns && gzipped(candidate).length <= limits.maxGzipBytes;
    if (fits || current.runs.length === 0) {
      current = candidate;
    } else {
      uploads.push(current);
      current = { ...log, runs: [run] };
    }
  }
  if (current.runs.length > 0 || uploads.length === 0) uploads.push(current);
  return uploads;
}

const UNAVAILABLE_HINT: Readonly<Record<number, string>> = {
  403:
    'code scanning is not enabled for this repository, or the token lacks `security-events: write` ' +
    '(pull requests from forks get a read-only token); enable code scanning or grant the permission',
  404: 'the repository is not visible to the token, or code scanning is not available for it',
};

/** Halves an upload by runs, for when GitHub refuses it as too large; a single run cannot be split. */
function halves(part: SarifLog): SarifLog[] | undefined {
  if (part.runs.length < 2) return undefined;
  const middle = Math.ceil(part.runs.length / 2);
  return [
    { ...part, runs: part.runs.slice(0, middle) },
    { ...part, runs: part.runs.slice(middle) },
  ];
}

function unavailable(error: unknown): UploadOutcome {
  if (error instanceof GitHubApiError && UNAVAILABLE_HINT[error.status]) {
    return {
      kind: 'unavailable',
      status: error.status,
      reason: `HTTP ${error.status}: ${UNAVAILABLE_HINT[error.status]}`,
    };
  }
  if (error instanceof GitHubApiError && error.status === 413) {
    return {
      kind: 'unavailable',
      status: 413,
      reason: `GitHub refused the upload as too large (HTTP 413) even with one run in it: ${error.message}`,
    };
  }
  return { kind: 'unavailable', reason: `the SARIF upload failed: ${describeError(error)}` };
}

/**
 * Uploads the SARIF (split as planUploads says) and waits for GitHub to process each part. A part GitHub
 * refuses as too large (HTTP 413: a server with lower limits than github.com's) is halved by runs and
 * sent again, down to one run per upload; each run keeps its category, so no part replaces another.
 */
export async function uploadSarif(
  client: GitHubClient,
  target: SarifTarget,
  log: SarifLog,
  options: UploadOptions = {},
): Promise<UploadOutcome> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const ids: string[] = [];
  const queue = planUploads(log, options.limits);
  let pending = false;
  for (let part = queue.shift(); part !== undefined; part = queue.shift()) {
    let id: string;
    try {
      ({ id } = await client.uploadSarif(target, gzipped(part).toString('base64')));
    } catch (error) {
      const smaller = error instanceof GitHubApiError && error.status === 413 ? halves(part) : undefined;
      if (!smaller) return unavailable(error);
      queue.unshift(...smaller);
      continue;
    }
    ids.push(id);
    try {
      const status = await waitFor(client, target, id, { ...options, sleep });
      if (status.processingStatus === 'failed') return { kind: 'rejected', id, errors: status.errors };
      if (status.processingStatus !== 'complete') pending = true;
    } catch (error) {
      return unavailable(error);
    }
  }
  return pending ? { kind: 'pending', ids } : { kind: 'complete', ids };
}

async function waitFor(
  client: GitHubClient,
  target: SarifTarget,
  id: string,
  options: UploadOptions & { sleep: (ms: number) => Promise<void> },
) {
  const interval = options.pollIntervalMs ?? 5_000;
  const attempts = Math.max(1, Math.ceil((options.timeoutMs ?? 120_000) / interval));
  let status = await client.getSarifStatus(target, id);
  for (let attempt = 1; attempt < attempts && status.processingStatus === 'pending'; attempt += 1) {
    await options.sleep(interval);
    status = await client.getSarifStatus(target, id);
  }
  return status;
}
