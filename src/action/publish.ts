import * as core from '@actions/core';
import { join } from 'node:path';
import { SARIF_FILE } from '../core/emit.js';
import { ConfigError, describeError, VouchError } from '../core/errors.js';
import { NodeFileSystem } from '../core/node-file-system.js';
import type { FileSystem } from '../core/ports.js';
import type { GitHubClient } from '../github/client.js';
import { HANDOFF_FILE, parseHandoff } from '../github/handoff.js';
import { uploadSarif } from '../github/sarif-upload.js';
import type { SarifLog } from '../sarif/types.js';
import { formatViolation, sarifViolations } from '../sarif/validate.js';
import { octokitClient } from './github-client.js';
import { logUploadOutcome, postComment } from './github-features.js';
import { readPublishSettings, type PublishSettings } from './publish-inputs.js';

/** Far above what Vouch writes (its SARIF fits GitHub's 10 MB gzipped); a hostile artifact stops here. */
const MAX_FILE_BYTES: Readonly<Record<string, number>> = {
  [HANDOFF_FILE]: 1_000_000,
  [SARIF_FILE]: 200_000_000,
};

/** A regular file of the artifact, never through a symlink, within its size limit. */
async function artifactFile(fs: FileSystem, dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  const stat = await fs.lstat(path);
  if (!stat) throw new ConfigError('INVALID_INPUT', `${path}: not found in the publish-results directory`);
  if (stat.kind !== 'file') throw new ConfigError('INVALID_INPUT', `${path}: not a regular file`);
  const max = MAX_FILE_BYTES[name] ?? 0;
  if (stat.size > max)
    throw new ConfigError('INVALID_INPUT', `${path}: ${stat.size} bytes, more than the ${max} accepted`);
  return (await fs.readFile(path)).toString('utf8');
}

function parseSarif(path: string, text: string): SarifLog {
  let log: unknown;
  try {
    log = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError('INVALID_INPUT', `${path}: not JSON (${(cause as Error).message})`, { cause });
  }
  const violations = sarifViolations(log, 5);
  if (violations.length > 0)
    throw new ConfigError(
      'INVALID_INPUT',
      `${path}: not valid SARIF 2.1.0: ${violations.map(formatViolation).join('; ')}`,
    );
  return log as SarifLog;
}

/**
 * Posts a finished pull request run's comment and SARIF with this job's token. The artifact is the fork's
 * to write, so only the commit from the event is trusted: the pull request it names must have that commit
 * as its head now, or nothing is posted.
 */
export async function publishResults(
  settings: PublishSettings,
  client: GitHubClient,
  fs: FileSystem,
): Promise<void> {
  const handoffPath = join(settings.dir, HANDOFF_FILE);
  const handoff = parseHandoff(handoffPath, await artifactFile(fs, settings.dir, HANDOFF_FILE));
  const target = { owner: settings.owner, repo: settings.repo, number: handoff.number };
  if (handoff.headSha !== settings.headSha)
    throw new ConfigError(
      'INVALID_INPUT',
      `${handoffPath} was written for commit ${handoff.headSha}, but the finished run judged ${settings.headSha}`,
    );
  const pull = await client.getPullRequest(target);
  if (pull.headSha !== settings.headSha) {
    core.warning(
      `Vouch: nothing posted: pull request #${handoff.number} is at ${pull.headSha}, not at ${settings.headSha}, ` +
        'the commit the finished run judged (a newer push, or an artifact naming another pull request)',
    );
    return;
  }
  if (settings.prComment) await postComment(client, target, handoff.comment);
  if (settings.uploadSarif) {
    const sarifPath = join(settings.dir, SARIF_FILE);
    const log = parseSarif(sarifPath, await artifactFile(fs, settings.dir, SARIF_FILE));
    const ref = `refs/pull/${handoff.number}/head`;
    logUploadOutcome(
      await uploadSarif(
        client,
        { owner: settings.owner, repo: settings.repo, commitSha: settings.headSha, ref },
        log,
      ),
      ref,
    );
  }
}

/** The action's publish mode; true when it ran (the `publish-results` input is set). */
export async function runPublishMode(): Promise<boolean> {
  let settings: PublishSettings | undefined;
  try {
    settings = readPublishSettings();
    if (!settings) return false;
    const client = octokitClient(settings.githubToken, process.env.GITHUB_API_URL);
    await publishResults(settings, client, new NodeFileSystem());
  } catch (error) {
    const prefix = error instanceof VouchError ? '' : 'internal error: ';
    core.setFailed(`Vouch could not publish the results: ${prefix}${describeError(error)}`);
  }
  return true;
}
