import { NodeHttpClient } from '../core/node-http-client.js';
import * as core from '@actions/core';
import { describeError, VouchError } from '../core/errors.js';
import { NodeFileSystem, systemClock } from '../core/node-file-system.js';
import { NodeProcessRunner } from '../core/node-process-runner.js';
import { progressLine } from '../core/progress-line.js';
import { scanRepository } from '../core/scan.js';
import { annotate } from './annotations.js';
import { readSettings, type SigningChoice } from './inputs.js';
import type { SigningConfig } from '../supplychain/sign.js';
import { actionsLogger } from './logger.js';
import { writeSummary } from './summary.js';
import { actionsCacheStore, withScannerCache, type CacheStore } from './scanner-cache.js';
import type { GitHubClient } from '../github/client.js';
import type { GateResult } from '../core/pipeline.js';
import { renderPullRequestComment } from '../github/pr-comment.js';
import { upsertStickyComment } from '../github/sticky-comment.js';
import { uploadSarif, type UploadOptions } from '../github/sarif-upload.js';
import { publishCheckRun } from '../github/check-run.js';
import { readFile } from 'node:fs/promises';
import type { SarifLog } from '../sarif/types.js';
import { octokitClient } from './github-client.js';
import type { ActionSettings } from './inputs.js';

/** The action's signing choice → the signer configuration; keyless asks the runner for an OIDC token. */
function signingConfig(choice: SigningChoice): SigningConfig | undefined {
  switch (choice.mode) {
    case 'none':
      return undefined;
    case 'key':
      return { mode: 'key', privateKeyPem: choice.privateKeyPem };
    case 'keyless':
      return { mode: 'keyless', identityToken: () => core.getIDToken('sigstore') };
    case 'unsigned':
    case 'auto':
      return { mode: 'unsigned' };
  }
}

export interface ActionContext {
  readonly vouchRoot: string;
  readonly vouchVersion: string;
  /** GitHub's Actions cache by default. */
  readonly cacheStore?: CacheStore;
  /** The REST client of the workflow's token by default. */
  readonly github?: GitHubClient;
  /** Polling of the SARIF processing status (tests shorten it). */
  readonly uploadOptions?: UploadOptions;
}

/** Uploads the SARIF to code scanning; what GitHub answers is logged, and never changes the decision. */
async function uploadToCodeScanning(
  result: GateResult,
  settings: ActionSettings,
  context: ActionContext,
): Promise<void> {
  const target = settings.uploadTarget;
  if (!target) return;
  const log = JSON.parse(await readFile(result.outputs.sarifFile, 'utf8')) as SarifLog;
  const client = context.github ?? octokitClient(settings.githubToken, process.env.GITHUB_API_URL);
  const outcome = await uploadSarif(client, target, log, context.uploadOptions);
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
  context: ActionContext,
): Promise<void> {
  const target = settings.checkRunTarget;
  if (!target) return;
  const client = context.github ?? octokitClient(settings.githubToken, process.env.GITHUB_API_URL);
  const outcome = await publishCheckRun(client, target, result.decision);
  if (outcome.kind === 'published')
    core.info(`check run ${outcome.id}: ${outcome.annotations} annotation(s)`);
  else core.warning(`Vouch: check run not published: ${outcome.reason}`);
}

/** The sticky pull request comment; when the token cannot comment, the same text goes into the job summary. */
async function commentOnPullRequest(
  result: GateResult,
  settings: ActionSettings,
  context: ActionContext,
): Promise<void> {
  const pullRequest = settings.pullRequest;
  if (!settings.prComment || !pullRequest) return;
  const body = renderPullRequestComment(result, {
    serverUrl: settings.serverUrl,
    repository: `${pullRequest.owner}/${pullRequest.repo}`,
    sha: pullRequest.headSha,
    runUrl: settings.runUrl,
  });
  const client = context.github ?? octokitClient(settings.githubToken, process.env.GITHUB_API_URL);
  const outcome = await upsertStickyComment(client, pullRequest, body);
  if (outcome.kind === 'unavailable') {
    core.warning(`Vouch: pull request comment skipped: ${outcome.reason}`);
    await core.summary.addRaw(body).write();
  } else {
    core.info(`pull request comment ${outcome.kind} (id ${outcome.id})`);
  }
}

/** Reads inputs, runs the gate, writes outputs, summary and annotations; fails the step on fail and error. */
export async function runAction(context: ActionContext): Promise<void> {
  try {
    const settings = readSettings();
    const ports = {
      logger: actionsLogger,
      processes: new NodeProcessRunner(),
      fs: new NodeFileSystem(),
      clock: systemClock,
      http: new NodeHttpClient(),
    };
    const scan = () =>
      scanRepository({
        root: settings.scanPath,
        outDir: settings.outputDir,
        policy: settings.policy,
        cacheDir: settings.cacheDir,
        install: settings.installScanners,
        base: settings.base,
        sarif: settings.sarif,
        repository: settings.repository,
        signing: signingConfig(settings.signing),
        subjects: settings.subjects,
        verifierId: settings.verifierId,
        vouchRoot: context.vouchRoot,
        vouchVersion: context.vouchVersion,
        ports,
        onProgress: (event) => {
          core.info(progressLine(event));
        },
      });
    const cacheOptions = {
      cacheDir: settings.cacheDir,
      vouchRoot: context.vouchRoot,
      ports,
      store: context.cacheStore ?? actionsCacheStore,
    };
    const result =
      settings.installScanners && settings.cacheScanners
        ? await withScannerCache(cacheOptions, scan)
        : await scan();
    const { decision } = result;
    core.setOutput('decision', decision.status);
    core.setOutput('sarif-file', result.outputs.sarifFile);
    core.setOutput('results-file', result.outputs.resultsFile);
    core.setOutput('sbom-file', result.outputs.sbomFile);
    core.setOutput('attestation-file', result.outputs.attestationFile ?? '');
    core.setOutput('sbom-attestation-file', result.outputs.sbomAttestationFile ?? '');
    for (const problem of result.outputs.lockfileProblems) {
      core.warning(`SBOM: ${problem.message}`, { file: problem.path, startLine: problem.line });
    }
    core.setOutput('findings-total', decision.counts.total);
    core.setOutput('findings-blocking', decision.counts.blocking);
    if (settings.annotations) annotate(decision);
    await writeSummary(result);
    await uploadToCodeScanning(result, settings, context);
    await publishAnnotations(result, settings, context);
    await commentOnPullRequest(result, settings, context);
    if (decision.status === 'fail')
      core.setFailed(`Vouch: ${decision.counts.blocking} finding(s) blocked by the policy`);
    if (decision.status === 'error') {
      core.setFailed(
        `Vouch could not evaluate: ${decision.problems
          .filter((p) => p.fatal)
          .map((p) => `${p.scanner}: ${p.message}`)
          .join('; ')}`,
      );
    }
  } catch (error) {
    core.setOutput('decision', 'error');
    const prefix = error instanceof VouchError ? '' : 'internal error: ';
    core.setFailed(`Vouch could not evaluate: ${prefix}${describeError(error)}`);
  }
}
