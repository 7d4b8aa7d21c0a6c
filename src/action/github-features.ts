import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import type { GateResult } from '../core/pipeline.js';
import { publishCheckRun } from '../github/check-run.js';
import type { GitHubClient } from '../github/client.js';
import { renderPullRequestComment } from '../github/pr-comment.js';
import { uploadSarif } from '../github/sarif-upload.js';
import { upsertStickyComment } from '../github/sticky-comment.js';
import type { SarifLog } from '../sarif/types.js';
import { octokitClient } from './github-client.js';
import type { ActionSettings } from './inputs.js';

/** Uploads the SARIF to code scanning; what GitHub answers is logged, and never changes the decision. */
async function uploadToCodeScanning(
  result: GateResult,
  settings: ActionSettings,
  client: GitHubClient,
): Promise<void> {
  const target = settings.uploadTarget;
  if (!target) return;
  const log = JSON.parse(await readFile(result.outputs.sarifFile, 'utf8')) as SarifLog;
  const outcome = await uploadSarif(client, target, log);
  switch (outcome.kind) {
    case 'complete':
      core.info(`code scanning: SARIF processed (${outcome.ids.join(', ')}) for ${target.ref}`);
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

/** The sticky pull request comment; when the token cannot comment, the same text goes into the job summary. */
async function commentOnPullRequest(
  result: GateResult,
  settings: ActionSettings,
  client: GitHubClient,
): Promise<void> {
  const pullRequest = settings.pullRequest;
  if (!settings.prComment || !pullRequest) return;
  const body = renderPullRequestComment(result, {
    serverUrl: settings.serverUrl,
    repository: `${pullRequest.owner}/${pullRequest.repo}`,
    sha: pullRequest.headSha,
    runUrl: settings.runUrl,
  });
  const outcome = await upsertStickyComment(client, pullRequest, body);
  if (outcome.kind === 'unavailable') {
    core.warning(`Vouch: pull request comment skipped: ${outcome.reason}`);
    await core.summary.addRaw(body).write();
  } else {
    core.info(`pull request comment ${outcome.kind} (id ${outcome.id})`);
  }
}

/**
 * What reaches GitHub besides the step's own outputs: the SARIF upload, the check run and the pull request
 * comment, through one client of the workflow's token. None of them can change the decision.
 */
export async function reportToGitHub(result: GateResult, settings: ActionSettings): Promise<void> {
  if (!settings.uploadTarget && !settings.checkRunTarget && !settings.prComment) return;
  const client = octokitClient(settings.githubToken, process.env.GITHUB_API_URL);
  await uploadToCodeScanning(result, settings, client);
  await publishAnnotations(result, settings, client);
  await commentOnPullRequest(result, settings, client);
}
