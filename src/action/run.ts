import { NodeHttpClient } from '../core/node-http-client.js';
import * as core from '@actions/core';
import { describeError, VouchError } from '../core/errors.js';
import { NodeFileSystem, systemClock } from '../core/node-file-system.js';
import { NodeProcessRunner } from '../core/node-process-runner.js';
import { progressLine } from '../core/progress-line.js';
import { mergeShards } from '../core/merge.js';
import { scanRepository } from '../core/scan.js';
import { annotate } from './annotations.js';
import { readSettings, type SigningChoice } from './inputs.js';
import type { SigningConfig } from '../supplychain/sign.js';
import { actionsLogger } from './logger.js';
import { writeSummary } from './summary.js';
import { actionsCacheStore, withScannerCache, type CacheStore } from './scanner-cache.js';
import { reportToGitHub } from './github-features.js';
import { runPublishMode } from './publish.js';

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
}

/** Reads inputs, runs the gate, writes outputs, summary and annotations; fails the step on fail and error. */
export async function runAction(context: ActionContext): Promise<void> {
  if (await runPublishMode()) return;
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
        ...(settings.shard ? { shard: settings.shard } : {}),
      });
    const merge = () =>
      mergeShards({
        dirs: settings.mergeResults,
        root: settings.scanPath,
        outDir: settings.outputDir,
        signing: signingConfig(settings.signing),
        subjects: settings.subjects,
        verifierId: settings.verifierId,
        vouchVersion: context.vouchVersion,
        ports,
      });
    const cacheOptions = {
      cacheDir: settings.cacheDir,
      vouchRoot: context.vouchRoot,
      ports,
      store: context.cacheStore ?? actionsCacheStore,
    };
    const result =
      settings.mergeResults.length > 0
        ? await merge()
        : settings.installScanners && settings.cacheScanners
          ? await withScannerCache(cacheOptions, scan)
          : await scan();
    if (settings.shard)
      core.notice(
        `Vouch: shard ${settings.shard.index}/${settings.shard.count} is a partial decision; a job with merge-results over every shard gives the decision`,
      );
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
    // A shard's SARIF, check run and comment would each replace another shard's: the merge posts them.
    if (!settings.shard) await reportToGitHub(result, settings);
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
