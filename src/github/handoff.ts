import { ConfigError } from '../core/errors.js';
import type { FileSystem } from '../core/ports.js';
import { COMMENT_MARKER } from './sticky-comment.js';

/**
 * What a pull request's run leaves for a privileged `workflow_run` job to post when its own token could
 * not (pull requests from forks): the pull request, the commit judged, and the rendered comment. It comes
 * back as an artifact the fork's run wrote, so every field is checked again before it is used.
 */
export interface PullRequestHandoff {
  readonly number: number;
  readonly headSha: string;
  readonly comment: string;
}

export const HANDOFF_FILE = 'pull-request.json';

/** GitHub's limit on a comment body. */
export const MAX_COMMENT_CHARS = 65_536;

const SHA = /^[0-9a-f]{40}$/;

export async function writeHandoff(fs: FileSystem, file: string, handoff: PullRequestHandoff): Promise<void> {
  await fs.writeFile(file, `${JSON.stringify(handoff, null, 2)}\n`);
}

function invalid(file: string, what: string): ConfigError {
  return new ConfigError('INVALID_INPUT', `${file}: ${what}; refusing to publish it`);
}

/** Parses and checks a hand-off file: a positive pull request number, a full commit sha, a Vouch comment. */
export function parseHandoff(file: string, text: string): PullRequestHandoff {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError('INVALID_INPUT', `${file}: not JSON (${(cause as Error).message})`, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(file, 'expected an object with number, headSha and comment');
  const { number, headSha, comment } = value as Record<string, unknown>;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1)
    throw invalid(file, `"number" must be a pull request number, got ${JSON.stringify(number)}`);
  if (typeof headSha !== 'string' || !SHA.test(headSha))
    throw invalid(file, '"headSha" must be a 40-character lowercase hex commit sha');
  if (typeof comment !== 'string' || !comment.startsWith(COMMENT_MARKER))
    throw invalid(file, '"comment" must be a comment Vouch rendered (it starts with its marker)');
  if (comment.length > MAX_COMMENT_CHARS)
    throw invalid(
      file,
      `"comment" is ${comment.length} characters; GitHub takes at most ${MAX_COMMENT_CHARS}`,
    );
  return { number, headSha, comment };
}
