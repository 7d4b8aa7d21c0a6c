import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import type { GateResult } from '../core/pipeline.js';
import { publishCheckRun } from '../github/check-run.js';
import type { GitHubClient, PullRequestRef } from '../github/client.js';
import { HANDOFF_FILE, writeHandoff } from '../github/handoff.js';
import { NodeFileSystem } from '../core/node-file-system.js';
import { join } from 'node:path';
import { renderPullRequestComment } from '../github/pr-comment.js';
import { uploadSarif, type UploadOutcome } from '../github/sarif-upload.js';
import { upsertStickyComment } from '../github/sticky-comment.js';
import type { SarifLog } from '../sarif/types.js';
import { octokitClient } from './github-client.js';
import type { ActionSettings } from './inputs.js';

/** What GitHub made of an upload, in the job log; never a failed step. */
export function logUploadOutcome(outcome: UploadOutcome, ref: string): void {
  switch (outcome.kind) {
    case 'complete':
      core.info(`code scanning: SARIF processed (${outcome.ids.join(', ')}) for ${ref}`);
      break;
    case 'pending':
      core.info(`code scanning: SARIF accepted (${outcome.ids.join(', ')}), still processing`);
      break;
    case 'rejected':
      core.warning(`code scanning rejected SARIF upload ${outcome.id}: ${outcome.errors.join('; ')}`);
      break;
    case 'unavailable':
      core.warning(`code scanning: SARIF not uploaded: ${outcome.reason}`);
      break;
  }
}

/** Uploads the SARIF to code scanning; what GitHub answers is logged, and never changes the decision. */
async function uploadToCodeScanning(
  result: GateResult,
  settings: ActionSettings,
  client: GitHubClient,
): Promise<void> {
  const target = settings.uploadTarget;
  if (!target) return;
  const log = JSON.parse(await readFile(result.outputs.sarifFile, 'utf8')) as SarifLog;
  logUploadOutcome(await uploadSarif(client, target, log), target.ref);
}

/** Creates or updates the sticky comment; false when the token may not comment (the reason is logged). */
export async function postComment(
  client: GitHubClient,
  target: PullRequestRef,
  body: string,
): Promise<boolean> {
  const outcome = await upsertStickyComment(client, target, body);
  if (outcome.kind === 'unavailable') {
    core.warning(`Vouch: pull request comment skipped: ${outcome.reason}`);
    return false;
  }
  core.info(`pull request comment ${outcome.kind} (id ${outcome.id})`);
  return true;
}

/** All blocking findings and warnings as check-run annotations, past the step's ten per kind. */
async function publishAnnotations(
  result: GateResult,
  settings: ActionSettings,
  client: GitHubClient,
): Promise<void> {
  const target = settings.checkRunTarget;
  if (!target) return;
  const outcome = await publishCheckRun(client, target, result.decision);
  if (outcome.kind === 'published')
    core.info(`check run ${outcome.id}: ${outcome.annotations} annotation(s)`);
  else core.warning(`Vouch: check run not published: ${outcome.reason}`);
}

/**
 * The sticky pull request comment; when the token cannot comment, the same text goes into the job summary.
 * Either way it is left in the output directory for a `workflow_run` job to post (pull requests from forks).
 */
async function commentOnPullRequest(
  result: GateResult,
  settings: ActionSettings,
  client: GitHubClient | undefined,
): Promise<void> {
  const pullRequest = settings.pullRequest;
  if (!pullRequest) return;
  const body = renderPullRequestComment(result, {
    serverUrl: settings.serverUrl,
    repository: `${pullRequest.owner}/${pullRequest.repo}`,
    sha: pullRequest.headSha,
    runUrl: settings.runUrl,
  });
  await writeHandoff(new NodeFileSystem(), join(settings.outputDir, HANDOFF_FILE), {
    number: pullRequest.number,
    headSha: pullRequest.headSha,
    comment: body,
  });
  if (!settings.prComment || !client) return;
  if (!(await postComment(client, pullRequest, body))) await core.summary.addRaw(body).write();
}

/**
 * What reaches GitHub besides the step's own outputs: the SARIF upload, the check run and the pull request
 * comment, through one client of the workflow's token. None of them can change the decision.
 */
export async function reportToGitHub(result: GateResult, settings: ActionSettings): Promise<void> {
  const wanted = settings.uploadTarget || settings.checkRunTarget || settings.prComment;
  const client = wanted ? octokitClient(settings.githubToken, process.env.GITHUB_API_URL) : undefined;
  if (client) {
    await uploadToCodeScanning(result, settings, client);
    await publishAnnotations(result, settings, client);
  }
  await commentOnPullRequest(result, settings, client);
}
