import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { scannerSettings } from '../policy/policy.js';
import { createAdapters } from '../scanners/registry.js';
import { effectivePolicy } from './effective-policy.js';
import { ConfigError, describeError } from './errors.js';
import { evaluationContext } from './evaluation.js';
import { createGit } from './git.js';
import { ensureTool, locateTool } from './install.js';
import { runGate, type GateResult, type ProgressEvent } from './pipeline.js';
import type { Ports } from './ports.js';
import { toolPin } from './tools.js';
import { defaultRepository, type RepositoryInfo } from './sbom-output.js';
import type { ShardSpec } from './shard.js';
import { resolveSubjects } from './subjects.js';
import { createSigner, type SigningConfig } from '../supplychain/sign.js';

export interface ScanRequest {
  /** Repository to scan; made absolute here. */
  readonly root: string;
  readonly outDir: string;
  /** Preset name or policy file path. */
  readonly policy: string;
  readonly cacheDir: string;
  /** Install missing pinned scanners (the action does; `vouch scan` leaves that to `vouch setup`). */
  readonly install: boolean;
  readonly vouchRoot: string;
  readonly vouchVersion: string;
  /** The pull request's base commit: enables new-only judging and tamper protection. */
  readonly base?: string;
  /** Other tools' SARIF files (paths or globs) judged with the same policy. */
  readonly sarif?: readonly string[];
  /** The repository at its commit; by default the scanned directory's name. */
  readonly repository?: RepositoryInfo;
  /** How to sign attestations; absent: no attestations are written. */
  readonly signing?: SigningConfig;
  /** Build outputs (paths or globs relative to the scanned directory) the decision attestation names. */
  readonly subjects?: readonly string[];
  /** The attestation's verifier id; by default `urn:vouch:cli:<version>`. */
  readonly verifierId?: string;
  readonly ports: Ports;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Scanner processes at once; by default half the cores (at least one): each scanner uses two. */
  readonly scannerSlots?: number;
  /** Scan one shard of the files; its results are partial until `vouch merge` combines every shard. */
  readonly shard?: ShardSpec;
}

/** What both entry points call: policy, scanners, tools, then the gate. */
export async function scanRepository(request: ScanRequest): Promise<GateResult> {
  const root = resolve(request.root);
  if ((await request.ports.fs.lstat(root))?.kind !== 'directory') {
    throw new ConfigError('INVALID_PATH', `repository to scan is not a directory: ${request.root}`);
  }
  const outDir = isAbsolute(request.outDir) ? request.outDir : resolve(request.outDir);
  const base =
    request.base === undefined
      ? undefined
      : { ref: request.base, git: createGit(request.ports.processes, root) };
  const effective = await effectivePolicy({
    spec: request.policy,
    root,
    vouchRoot: request.vouchRoot,
    fs: request.ports.fs,
    base,
  });
  const { policy } = effective;
  const evaluation = await evaluationContext({
    policy,
    baseline: effective.baseline,
    now: request.ports.clock.now(),
    base,
  });
  const adapters = createAdapters({
    policy,
    vouchRoot: request.vouchRoot,
    vouchVersion: request.vouchVersion,
    toolVersion: (id) => toolPin(id)?.version ?? 'unknown',
    sarifPatterns: request.sarif ?? [],
  });
  // Concurrently: installing the missing ones takes as long as the slowest, not the sum (setup.ts).
  const wanted = adapters.filter(
    (adapter) => scannerSettings(policy, adapter.id).enabled && toolPin(adapter.id) !== undefined,
  );
  const executables: Record<string, string | undefined> = Object.fromEntries(
    await Promise.all(
      wanted.map(async (adapter) => [adapter.id, await findExecutable(adapter.id, request)] as const),
    ),
  );
  return runGate({
    root,
    outDir,
    policy,
    adapters,
    executables,
    vouchVersion: request.vouchVersion,
    ports: request.ports,
    evaluation: evaluation.context,
    repository: request.repository ?? defaultRepository(root),
    // A shard's decision is partial: the one attestation is signed when the shards are merged.
    attestation:
      request.signing && !request.shard
        ? {
            signer: createSigner(request.signing),
            subjectFiles: await resolveSubjects(request.subjects ?? [], root),
            verifierId: request.verifierId ?? `urn:vouch:cli:${request.vouchVersion}`,
          }
        : undefined,
    policyNotes: [...effective.notes, ...evaluation.notes],
    base,
    onProgress: request.onProgress,
    ...(request.shard ? { shard: request.shard } : {}),
    scannerSlots: request.scannerSlots ?? Math.max(1, Math.floor(availableParallelism() / 2)),
  });
}

/** A tool that cannot be found or installed is left undefined: its adapter then reports NOT_INSTALLED. */
async function findExecutable(id: string, request: ScanRequest): Promise<string | undefined> {
  const options = { cacheDir: request.cacheDir, ports: request.ports, vouchRoot: request.vouchRoot };
  try {
    const tool = request.install ? await ensureTool(id, options) : await locateTool(id, options);
    return tool?.path;
  } catch (error) {
    request.ports.logger.error(`could not install ${id}: ${describeError(error)}`);
    return undefined;
  }
}
