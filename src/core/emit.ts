import { createHash } from 'node:crypto';
import { isAbsolute, join } from 'node:path';
import type { Finding } from '../findings/finding.js';
import { applyLimits } from '../sarif/limits.js';
import { EXPIRED_SUPPRESSION_RULE, POLICY_TOOL } from '../policy/expired.js';
import { roleTable } from '../policy/explain.js';
import type { LockfileProblem } from '../supplychain/component.js';
import { LOCKFILE_PARSERS } from '../supplychain/lockfiles/index.js';
import { writeAttestations } from './attest-output.js';
import { writeSbom } from './sbom-output.js';
import { renderSarif, type ResultAnnotation } from '../sarif/render.js';
import type { Decision } from './decision.js';
import type { Discovery } from './discover.js';
import { describeError } from './errors.js';
import type { GateRequest, ScannerRun } from './pipeline.js';

export interface EmittedOutputs {
  readonly sarifFile: string;
  readonly resultsFile: string;
  readonly sbomFile: string;
  /** The signed (or, when asked, unsigned) decision attestation; absent when attestations are off. */
  readonly attestationFile?: string;
  readonly sbomAttestationFile?: string;
  /** Lockfiles that could not be read, with file and line: reported, never fatal to the SBOM. */
  readonly lockfileProblems: readonly LockfileProblem[];
  /** What had to be trimmed to fit GitHub's limits. */
  readonly sarifNotes: readonly string[];
}

/** What writing the outputs needs of a scan's request; `vouch merge` builds one of its own. */
export type EmitRequest = Pick<
  GateRequest,
  | 'root'
  | 'outDir'
  | 'ports'
  | 'vouchVersion'
  | 'evaluation'
  | 'repository'
  | 'attestation'
  | 'policy'
  | 'shard'
>;

export interface EmitInput {
  readonly request: EmitRequest;
  readonly scanners: readonly ScannerRun[];
  readonly findings: readonly Finding[];
  readonly decision: Decision;
  readonly discovery: Discovery;
  /** Set by `vouch merge`: how many shards these results combine. */
  readonly mergedShards?: number;
}

export const SARIF_FILE = 'vouch.sarif';
export const RESULTS_FILE = 'vouch-results.json';

/** SARIF for code scanning plus Vouch's own JSON record of the run (every finding, untrimmed). */
export async function emitOutputs(input: EmitInput): Promise<EmittedOutputs> {
  const { request } = input;
  const fs = request.ports.fs;
  await fs.mkdir(request.outDir);
  const runs = input.scanners.flatMap((run) =>
    run.outcome.kind === 'clean' || run.outcome.kind === 'findings'
      ? [{ tool: run.outcome.tool, rules: run.outcome.rules, findings: run.findings }]
      : [],
  );
  const policyFindings = input.decision.verdicts
    .map((v) => v.finding)
    .filter((f) => f.tool === POLICY_TOOL && isRepoRelative(f.location.path));
  if (policyFindings.length > 0) {
    runs.push({
      tool: { name: POLICY_TOOL, version: request.vouchVersion },
      rules: [EXPIRED_SUPPRESSION_RULE],
      findings: policyFindings,
    });
  }
  const annotate = annotations(input.decision, request.evaluation.newOnly);
  const limited = applyLimits(renderSarif({ vouchVersion: request.vouchVersion, runs, annotate }));
  const sarifFile = join(request.outDir, SARIF_FILE);
  const resultsFile = join(request.outDir, RESULTS_FILE);
  await fs.writeFile(sarifFile, `${JSON.stringify(limited.log, null, 2)}\n`);
  const sbom = await writeSbom({
    root: request.root,
    outDir: request.outDir,
    discovery: input.discovery,
    findings: input.findings,
    repository: request.repository,
    vouchVersion: request.vouchVersion,
    parsers: LOCKFILE_PARSERS,
    ports: request.ports,
  });
  const attestations = request.attestation
    ? await writeAttestations({
        ...request.attestation,
        outDir: request.outDir,
        sarifFile,
        sbomFile: sbom.sbomFile,
        decision: input.decision,
        policy: request.policy,
        repository: request.repository,
        ports: request.ports,
      })
    : undefined;
  const outputs: EmittedOutputs = {
    sarifFile,
    resultsFile,
    sbomFile: sbom.sbomFile,
    ...attestations,
    lockfileProblems: sbom.problems,
    sarifNotes: limited.notes,
  };
  await fs.writeFile(resultsFile, `${JSON.stringify(resultsRecord(input, outputs), null, 2)}\n`);
  return outputs;
}

/** SARIF URIs must be repository-relative; a policy kept outside the repository has no place there. */
function isRepoRelative(path: string): boolean {
  return path !== '' && !isAbsolute(path) && !path.split('/').includes('..');
}

function annotations(
  decision: Decision,
  newOnly: boolean,
): (finding: Finding) => ResultAnnotation | undefined {
  const byFinding = new Map(decision.verdicts.map((v) => [v.finding, v]));
  return (finding) => {
    const verdict = byFinding.get(finding);
    if (!verdict) return undefined;
    return {
      suppression: verdict.verdict === 'suppressed' ? verdict.reasons.join('; ') : undefined,
      baselineState: newOnly ? (verdict.isNew ? 'new' : 'unchanged') : undefined,
      mode: verdict.mode,
    };
  };
}

/** Identifies the tree a run discovered: shards of one scan must all have seen the same files. */
export function filesDigest(files: readonly string[]): string {
  return createHash('sha256').update(files.join('\n')).digest('hex');
}

function resultsRecord(input: EmitInput, outputs: EmittedOutputs): unknown {
  const { decision, request } = input;
  return {
    vouchVersion: request.vouchVersion,
    policy: { source: request.policy.source, digest: request.policy.digest },
    ...(request.shard ? { shard: request.shard } : {}),
    ...(input.mergedShards ? { mergedShards: input.mergedShards } : {}),
    repository: request.repository,
    files: { count: input.discovery.files.length, digest: filesDigest(input.discovery.files) },
    evaluation: { newOnly: request.evaluation.newOnly },
    // What `vouch merge` judges the shards' findings by: the policy after defaults and base-branch rules.
    effectivePolicy: request.policy,
    decision: {
      status: decision.status,
      counts: decision.counts,
      blocking: decision.blocking.map(({ finding, reason }) => ({
        fingerprint: finding.fingerprint,
        ruleId: finding.ruleId,
        severity: finding.severity,
        location: finding.location,
        reason,
      })),
      problems: decision.problems,
      notes: decision.notes,
    },
    scanners: input.scanners.map((run) => ({
      id: run.scanner,
      outcome: run.outcome.kind,
      durationMs: Math.round(run.durationMs),
      findings: run.findings.length,
      ...(run.outcome.kind === 'error' ? { error: describeError(run.outcome.error) } : {}),
      ...(run.outcome.kind === 'skipped' ? { reason: run.outcome.reason } : {}),
      ...(run.outcome.kind === 'clean' || run.outcome.kind === 'findings'
        ? { tool: run.outcome.tool, rules: run.outcome.rules, notes: run.outcome.notes }
        : {}),
    })),
    skipped: input.discovery.skipped,
    lockfileProblems: outputs.lockfileProblems,
    outputs: {
      sbomFile: outputs.sbomFile,
      attestationFile: outputs.attestationFile,
      sbomAttestationFile: outputs.sbomAttestationFile,
    },
    roles: roleTable(decision),
    findings: decision.verdicts.map(({ finding, verdict, mode, isNew, reasons }) => ({
      ...finding,
      verdict,
      mode,
      isNew,
      reasons,
    })),
  };
}
