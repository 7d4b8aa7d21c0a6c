import { isDeepStrictEqual } from 'node:util';
import { join, resolve } from 'node:path';
import type { Finding, RuleDescriptor } from '../findings/finding.js';
import { dedupeAcrossTools } from '../findings/dedupe.js';
import { byImportance } from '../findings/order.js';
import { newFindingKey, todayUtc } from '../policy/context.js';
import { judgeWithProblems } from '../policy/evaluate.js';
import { POLICY_TOOL } from '../policy/expired.js';
import type { ScanOutcome } from '../scanners/scanner.js';
import { createSigner, type SigningConfig } from '../supplychain/sign.js';
import type { ScannerProblem } from './decision.js';
import { discover } from './discover.js';
import { emitOutputs, filesDigest, RESULTS_FILE } from './emit.js';
import { ConfigError, ScannerError } from './errors.js';
import type { GateResult, ScannerRun } from './pipeline.js';
import type { Ports } from './ports.js';
import { parseShardRecord, type ShardRecord } from './shard-record.js';
import { resolveSubjects } from './subjects.js';

export interface MergeRequest {
  /** The output directories of every shard's scan. */
  readonly dirs: readonly string[];
  /** The checkout the shards scanned: the SBOM's lockfiles and the attestation's subjects are read here. */
  readonly root: string;
  readonly outDir: string;
  readonly signing?: SigningConfig;
  readonly subjects?: readonly string[];
  readonly verifierId?: string;
  readonly vouchVersion: string;
  readonly ports: Ports;
}

async function readShard(ports: Ports, dir: string): Promise<ShardRecord> {
  const file = join(dir, RESULTS_FILE);
  let text: string;
  try {
    text = (await ports.fs.readFile(file)).toString('utf8');
  } catch (cause) {
    throw new ConfigError('INVALID_INPUT', `${file}: cannot be read (did this shard's scan finish?)`, {
      cause,
    });
  }
  return parseShardRecord(file, text);
}

function mismatch(a: ShardRecord, b: ShardRecord, what: string): ConfigError {
  return new ConfigError(
    'INVALID_INPUT',
    `${b.file} and ${a.file} disagree on ${what}: not shards of one scan`,
  );
}

/**
 * The shard directories named: each entry is a shard's output directory, or a directory whose
 * subdirectories are (where `actions/download-artifact` put several artifacts).
 */
export async function shardDirs(entries: readonly string[], ports: Ports): Promise<string[]> {
  const dirs: string[] = [];
  for (const entry of entries.map((e) => resolve(e))) {
    if ((await ports.fs.lstat(join(entry, RESULTS_FILE)))?.kind === 'file') {
      dirs.push(entry);
      continue;
    }
    const listing = await ports.fs.readdir(entry).catch((cause: unknown) => {
      throw new ConfigError('INVALID_INPUT', `${entry}: not a directory of shard results`, { cause });
    });
    const inside = listing
      .filter((item) => item.kind === 'directory')
      .map((item) => join(entry, item.name))
      .sort();
    const found: string[] = [];
    for (const dir of inside)
      if ((await ports.fs.lstat(join(dir, RESULTS_FILE)))?.kind === 'file') found.push(dir);
    if (found.length === 0)
      throw new ConfigError('INVALID_INPUT', `${entry}: holds no ${RESULTS_FILE}, nor do its subdirectories`);
    dirs.push(...found);
  }
  return dirs;
}

/** Exactly shards 1..n of one scan: same Vouch, policy, commit, tree and judging; else nothing is merged. */
function checkComplete(records: readonly ShardRecord[], vouchVersion: string): void {
  const [first] = records;
  if (!first)
    throw new ConfigError('INVALID_ARGUMENT', 'vouch merge needs the output directory of every shard');
  const count = first.shard.count;
  for (const record of records) {
    if (record.vouchVersion !== vouchVersion)
      throw new ConfigError(
        'INVALID_INPUT',
        `${record.file} was written by Vouch ${record.vouchVersion}; this is ${vouchVersion}`,
      );
    if (record.shard.count !== count) throw mismatch(first, record, 'the number of shards');
    if (record.policy.digest !== first.policy.digest || !isDeepStrictEqual(record.policy, first.policy))
      throw mismatch(first, record, 'the policy');
    if (!isDeepStrictEqual(record.repository, first.repository)) throw mismatch(first, record, 'the commit');
    if (record.files.digest !== first.files.digest) throw mismatch(first, record, 'the files discovered');
    if (record.newOnly !== first.newOnly) throw mismatch(first, record, 'new-only judging');
  }
  const seen = new Map<number, string>();
  for (const record of records) {
    const twice = seen.get(record.shard.index);
    if (twice)
      throw new ConfigError(
        'INVALID_INPUT',
        `${record.file} and ${twice} are both shard ${record.shard.index}/${count}`,
      );
    seen.set(record.shard.index, record.file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index));
  if (missing.length > 0)
    throw new ConfigError(
      'INVALID_INPUT',
      `shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} missing: a merge without every shard could ` +
        'miss findings, so there is no decision',
    );
}

/** Each finding once (repository-wide checks run in every shard), then merged across tools as in one scan. */
function mergedFindings(records: readonly ShardRecord[]): { findings: Finding[]; judgedNew: Set<string> } {
  const byKey = new Map<string, Finding>();
  const judgedNew = new Set<string>();
  for (const record of records) {
    for (const { isNew, ...finding } of record.findings) {
      // Expired-suppression findings come from the policy; judging it again recreates them.
      if (finding.tool === POLICY_TOOL) continue;
      const key = newFindingKey(finding);
      if (!byKey.has(key)) byKey.set(key, finding);
      if (isNew) judgedNew.add(key);
    }
  }
  const { findings } = dedupeAcrossTools([...byKey.values()]);
  return { findings: [...findings].sort(byImportance), judgedNew };
}

/** One run per scanner: an error in any shard is the scanner's error; skipped only when skipped in all. */
function mergedRuns(records: readonly ShardRecord[], findings: readonly Finding[]): ScannerRun[] {
  const ids = [...new Set(records.flatMap((record) => record.scanners.map((s) => s.id)))];
  return ids.map((id) => {
    const parts = records.flatMap((record) =>
      record.scanners.filter((s) => s.id === id).map((s) => ({ record, scanner: s })),
    );
    const durationMs = Math.max(0, ...parts.map((p) => p.scanner.durationMs));
    const failed = parts.find((p) => p.scanner.outcome === 'error');
    const ran = parts.filter((p) => p.scanner.outcome === 'clean' || p.scanner.outcome === 'findings');
    const own = findings.filter((finding) => finding.tool === id);
    let outcome: ScanOutcome;
    if (failed) {
      const problem = failed.record.problems.find((p) => p.scanner === id);
      const message = `shard ${failed.record.shard.index}/${failed.record.shard.count}: ${problem?.message ?? 'failed'}`;
      outcome = { kind: 'error', error: new ScannerError('CRASHED', { scanner: id, message }) };
    } else if (ran.length === 0) {
      outcome = { kind: 'skipped', reason: parts[0]?.scanner.reason ?? 'skipped in every shard' };
    } else {
      const rules = new Map<string, RuleDescriptor>();
      for (const part of ran) for (const rule of part.scanner.rules) rules.set(rule.id, rule);
      const notes = [
        ...new Map(ran.flatMap((p) => p.scanner.notes).map((n) => [JSON.stringify(n), n])).values(),
      ];
      const tool = ran[0]?.scanner.tool ?? { name: id };
      // The shards' findings are already normalized; they travel as the run's `findings`, not as detections.
      outcome =
        own.length > 0
          ? { kind: 'findings', tool, rules: [...rules.values()], notes, detections: [] }
          : { kind: 'clean', tool, rules: [...rules.values()], notes };
    }
    return { scanner: id, outcome, durationMs, findings: outcome.kind === 'error' ? [] : own };
  });
}

/**
 * The shards' problems, each saying its shard. A scanner a shard skipped for want of files is no problem
 * when another shard ran it.
 */
function mergedProblems(records: readonly ShardRecord[]): ScannerProblem[] {
  const ranSomewhere = new Set(
    records.flatMap((record) =>
      record.scanners.filter((s) => s.outcome === 'clean' || s.outcome === 'findings').map((s) => s.id),
    ),
  );
  const problems = new Map<string, ScannerProblem>();
  for (const record of records) {
    for (const problem of record.problems) {
      if (ranSomewhere.has(problem.scanner) && problem.message.startsWith('skipped: ')) continue;
      const message = `shard ${record.shard.index}/${record.shard.count}: ${problem.message}`;
      problems.set(`${problem.scanner}\0${message}`, { ...problem, message });
    }
  }
  return [...problems.values()];
}

/**
 * `vouch merge`: the shards' findings judged together by the policy they were scanned with, written as one
 * SARIF, one results file, one SBOM and (when signing) one decision attestation, as one unsharded scan of
 * the same tree would have written them. Refuses to decide without every shard.
 */
export async function mergeShards(request: MergeRequest): Promise<GateResult> {
  const { ports } = request;
  const dirs = await shardDirs(request.dirs, ports);
  const records = await Promise.all(dirs.map((dir) => readShard(ports, dir)));
  checkComplete(records, request.vouchVersion);
  const first = records.find((record) => record.shard.index === 1) ?? records[0];
  if (!first)
    throw new ConfigError('INVALID_ARGUMENT', 'vouch merge needs the output directory of every shard');
  const root = resolve(request.root);
  const { policy } = first;
  const discovered = await discover({
    root,
    fs: ports.fs,
    excludes: policy.excludes,
    maxFileBytes: policy.maxFileBytes,
  });
  if (filesDigest(discovered.files) !== first.files.digest)
    throw new ConfigError(
      'INVALID_INPUT',
      `the checkout at ${root} holds other files than the shards scanned (${discovered.files.length} here, ` +
        `${first.files.count} there): merge on the commit the shards scanned`,
    );
  const { findings, judgedNew } = mergedFindings(records);
  const scanners = mergedRuns(records, findings);
  const evaluation = {
    today: todayUtc(ports.clock.now()),
    newOnly: first.newOnly,
    ...(first.newOnly ? { judgedNew } : {}),
  };
  const notes = [...new Set(records.flatMap((record) => record.notes))];
  const decision = judgeWithProblems(
    { findings, policy, context: evaluation, notes: [...notes, `merged from ${records.length} shard(s)`] },
    mergedProblems(records),
  );
  const outputs = await emitOutputs({
    request: {
      root,
      outDir: resolve(request.outDir),
      ports,
      vouchVersion: request.vouchVersion,
      evaluation,
      repository: first.repository,
      policy,
      attestation: request.signing
        ? {
            signer: createSigner(request.signing),
            subjectFiles: await resolveSubjects(request.subjects ?? [], root),
            verifierId: request.verifierId ?? `urn:vouch:cli:${request.vouchVersion}`,
          }
        : undefined,
    },
    scanners,
    findings,
    decision,
    discovery: { files: discovered.files, skipped: first.skipped },
    mergedShards: records.length,
  });
  return { decision, findings, scanners, discovery: discovered, outputs };
}
