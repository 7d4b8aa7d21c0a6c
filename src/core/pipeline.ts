import { posix } from 'node:path';
import type { Finding } from '../findings/finding.js';
import { dedupeAcrossTools } from '../findings/dedupe.js';
import { normalizeDetections } from '../findings/normalize.js';
import { judge, type ScannerResult } from '../policy/evaluate.js';
import type { EvaluationContext } from '../policy/context.js';
import { scannerSettings, type Policy } from '../policy/policy.js';
import type { ScannerAdapter, ScanContext, ScanOutcome } from '../scanners/scanner.js';
import { filesOfShard, type ShardSpec } from './shard.js';
import type { Decision } from './decision.js';
import { discover, type Discovery } from './discover.js';
import { loadFileRoles } from './file-roles.js';
import type { FileRoles } from '../findings/roles.js';
import type { Git } from './git.js';
import { emitOutputs, type EmittedOutputs } from './emit.js';
import { ScannerError, toError } from './errors.js';
import type { Ports } from './ports.js';
import type { RepositoryInfo } from './sbom-output.js';
import type { Signer } from '../supplychain/sign.js';
import { byImportance } from '../findings/order.js';

export type ProgressEvent =
  | { readonly kind: 'discovered'; readonly files: number; readonly skipped: number }
  | { readonly kind: 'scanner-started'; readonly scanner: string }
  | {
      readonly kind: 'scanner-finished';
      readonly scanner: string;
      readonly outcome: ScanOutcome['kind'];
      readonly durationMs: number;
      readonly findings: number;
    };

export interface GateRequest {
  /** Absolute path of the repository to scan. */
  readonly root: string;
  readonly outDir: string;
  readonly policy: Policy;
  readonly adapters: readonly ScannerAdapter[];
  /** Resolved executables by scanner id. */
  readonly executables: Readonly<Record<string, string | undefined>>;
  readonly vouchVersion: string;
  readonly ports: Ports;
  /** What the judge knows about the change (new-only, baseline, today). */
  readonly evaluation: EvaluationContext;
  /** Facts about how the policy was chosen, carried into the decision. */
  readonly policyNotes?: readonly string[];
  /** On a pull request: the base commit, whose .gitattributes sets file roles. */
  readonly base?: { readonly ref: string; readonly git: Git };
  /** The repository at its commit: the SBOM's root component and the attestations' subject. */
  readonly repository: RepositoryInfo;
  /** Sign and write attestations; absent: none are written. */
  readonly attestation?: {
    readonly signer: Signer;
    readonly subjectFiles: readonly string[];
    readonly verifierId: string;
  };
  readonly onProgress?: (event: ProgressEvent) => void;
  /**
   * How many scanner processes may run at once (default: all). On a 2-core runner Semgrep's two workers
   * already fill the machine, and running Checkov beside it makes both about twice as slow (npm run bench).
   */
  readonly scannerSlots?: number;
  /** Scan one shard of the files (`vouch merge` combines the shards' results). */
  readonly shard?: ShardSpec;
}

export interface ScannerRun extends ScannerResult {
  readonly durationMs: number;
  readonly findings: readonly Finding[];
}

export interface GateResult {
  readonly decision: Decision;
  readonly findings: readonly Finding[];
  readonly scanners: readonly ScannerRun[];
  readonly discovery: Discovery;
  readonly outputs: EmittedOutputs;
}

/** discover → scan (concurrently) → normalize → judge → emit. */
export async function runGate(request: GateRequest): Promise<GateResult> {
  const { policy, ports } = request;
  const discovery = await discover({
    root: request.root,
    fs: ports.fs,
    excludes: policy.excludes,
    maxFileBytes: policy.maxFileBytes,
  });
  request.onProgress?.({
    kind: 'discovered',
    files: discovery.files.length,
    skipped: discovery.skipped.length,
  });
  const enabled = request.adapters.filter((adapter) => scannerSettings(policy, adapter.id).enabled);
  const files = {
    discovery,
    readText: fileReader(request.root, discovery, ports),
    ...(await loadFileRoles({ root: request.root, discovery, ports, base: request.base })),
    ...(await historyOf(request)),
    ...scopeOf(request, discovery),
  };
  // Scanners with a process of their own share `scannerSlots`; the in-process ones always run beside them.
  const slot = slots(request.scannerSlots ?? enabled.length);
  const scanned = await Promise.all(
    enabled.map((adapter) =>
      request.executables[adapter.id] === undefined
        ? runScanner(request, adapter, files)
        : slot(() => runScanner(request, adapter, files)),
    ),
  );
  const { findings: unique, replacedBy } = dedupeAcrossTools(scanned.flatMap((run) => run.findings));
  const findings = [...unique].sort(byImportance);
  // Each scanner's SARIF run keeps only the findings that stand for themselves after merging.
  const scanners = scanned.map((run) => ({
    ...run,
    findings: run.findings.flatMap((f) => {
      const kept = replacedBy.get(f);
      return kept && kept.tool === f.tool && kept.fingerprint === f.fingerprint ? [kept] : [];
    }),
  }));
  const decision = judge({
    findings,
    scanners,
    policy,
    context: request.evaluation,
    notes: [...(request.policyNotes ?? []), ...files.notes],
  });
  const outputs = await emitOutputs({ request, scanners, findings, decision, discovery });
  return { decision, findings, scanners, discovery, outputs };
}

/** Runs at most `count` of the tasks given to it at once, the others as slots free up, in order. */
function slots(count: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= Math.max(1, count)) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

interface ScannedFiles {
  readonly discovery: Discovery;
  readonly readText: (path: string) => Promise<string | undefined>;
  readonly roles: FileRoles;
  readonly history?: ScanContext['history'];
  readonly scope?: { readonly files: readonly string[]; readonly name: string };
}

async function runScanner(
  request: GateRequest,
  adapter: ScannerAdapter,
  files: ScannedFiles,
): Promise<ScannerRun> {
  const { discovery, readText, roles } = files;
  const { ports } = request;
  const settings = scannerSettings(request.policy, adapter.id);
  request.onProgress?.({ kind: 'scanner-started', scanner: adapter.id });
  const started = ports.clock.monotonicMs();
  const workDir = await ports.fs.makeTempDir(`vouch-${adapter.id}-`);
  let outcome: ScanOutcome;
  let findings: Finding[] = [];
  try {
    outcome = await adapter.scan({
      root: request.root,
      files: discovery.files,
      workDir,
      timeoutMs: settings.timeoutSeconds * 1000,
      executable: request.executables[adapter.id],
      ...(files.scope ? { changedFiles: files.scope.files, scope: files.scope.name } : {}),
      ...(files.history ? { history: files.history } : {}),
      ports,
    });
    if (outcome.kind === 'findings') {
      const normalized = await normalizeDetections({
        tool: adapter.id,
        rules: outcome.rules,
        detections: outcome.detections,
        readText,
        roleOf: (path) => roles.roleOf(path),
      });
      findings = normalized.findings;
      if (normalized.clamped > 0) {
        const message = `${normalized.clamped} ${adapter.id} result(s) pointed past the end of their file and were placed on its last line`;
        outcome = { ...outcome, notes: [...outcome.notes, { message }] };
      }
    }
  } catch (thrown) {
    outcome = internalError(adapter.id, thrown);
    findings = [];
  } finally {
    await ports.fs.remove(workDir);
  }
  const durationMs = ports.clock.monotonicMs() - started;
  request.onProgress?.({
    kind: 'scanner-finished',
    scanner: adapter.id,
    outcome: outcome.kind,
    durationMs,
    findings: findings.length,
  });
  return { scanner: adapter.id, outcome, durationMs, findings };
}

/**
 * The discovered files the scanners must read, when not all: those a pull request touched (new-only
 * judging knows the change), those of this shard, or both.
 */
function scopeOf(request: GateRequest, discovery: Discovery): Pick<ScannedFiles, 'scope'> {
  const changes = request.evaluation.newOnly ? request.evaluation.changes : undefined;
  const shard = request.shard;
  if (!changes && !shard) return {};
  let files = discovery.files;
  if (shard) files = filesOfShard(files, (path) => discovery.sizes?.get(path) ?? 0, shard);
  if (changes) files = files.filter((path) => changes.has(path));
  const ofShard = shard ? `shard ${shard.index}/${shard.count}` : '';
  const name = !shard
    ? 'this change touches'
    : changes
      ? `this change touches, in ${ofShard},`
      : `${ofShard} holds`;
  return { scope: { files, name } };
}

/** The commits of a pull request, when it is judged as one against a base commit. */
async function historyOf(request: GateRequest): Promise<{ history?: ScanContext['history'] }> {
  // The change's commits are not split by file: the first shard reads them.
  if (!request.evaluation.newOnly || !request.base || (request.shard && request.shard.index !== 1)) return {};
  return { history: { start: await request.base.git.changeStart(request.base.ref), git: request.base.git } };
}

/** An adapter that throws, or reports nonsense, is a bug in Vouch: the scanner's answer cannot be trusted. */
function internalError(scanner: string, thrown: unknown): ScanOutcome {
  const cause = toError(thrown);
  return {
    kind: 'error',
    error: new ScannerError(
      'INTERNAL',
      { scanner, message: `Vouch could not process its results: ${cause.message}` },
      { cause },
    ),
  };
}

/** Reads only files discovery kept, so a scanner's report can never make Vouch read outside the tree. */
function fileReader(
  root: string,
  discovery: Discovery,
  ports: Ports,
): (path: string) => Promise<string | undefined> {
  const kept = new Set(discovery.files);
  return async (path) => {
    if (!kept.has(path)) return undefined;
    try {
      return (await ports.fs.readFile(posix.join(root, path))).toString('utf8');
    } catch {
      return undefined;
    }
  };
}
