import { join } from 'node:path';
import type { Decision } from '../core/decision.js';
import { owaspTable } from '../policy/explain.js';
import type { Policy } from '../policy/policy.js';
import {
  decisionStatement,
  sbomStatement,
  sha256Hex,
  subjectsFor,
  type Subject,
} from '../supplychain/intoto.js';
import { serializeAttestation, type Signer } from '../supplychain/sign.js';
import type { Ports } from './ports.js';
import type { RepositoryInfo } from './sbom-output.js';

export interface AttestRequest {
  readonly outDir: string;
  readonly sarifFile: string;
  readonly sbomFile: string;
  readonly decision: Decision;
  readonly policy: Policy;
  readonly repository: RepositoryInfo;
  /** The action (or CLI) and its version, e.g. `https://github.com/<owner>/vouch@0.1.0`. */
  readonly verifierId: string;
  /** Build outputs the decision vouches for (absolute paths), besides the commit. */
  readonly subjectFiles: readonly string[];
  readonly signer: Signer;
  readonly ports: Ports;
}

export interface AttestOutput {
  /** The gate's decision as a SLSA Verification Summary. */
  readonly attestationFile: string;
  readonly sbomAttestationFile: string;
}

/** in-toto statements for the decision and the SBOM, signed as the run was configured. */
export async function writeAttestations(request: AttestRequest): Promise<AttestOutput> {
  const { ports, repository } = request;
  const subjects = await subjectsOf(request);
  const sarif = await ports.fs.readFile(request.sarifFile);
  const sbomBytes = await ports.fs.readFile(request.sbomFile);
  const sbom = JSON.parse(sbomBytes.toString('utf8')) as Record<string, unknown>;
  const decision = decisionStatement({
    subjects,
    verifierId: request.verifierId,
    resourceUri: resourceUri(repository),
    policy: { uri: request.policy.source, digest: { sha256: request.policy.digest } },
    inputs: {
      sarif: { uri: 'vouch.sarif', sha256: sha256Hex(sarif) },
      sbom: { uri: 'vouch.cdx.json', sha256: sha256Hex(sbomBytes) },
    },
    result: request.decision.status === 'pass' ? 'PASSED' : 'FAILED',
    timeVerified: ports.clock.now(),
    counts: {
      bySeverity: request.decision.counts.bySeverity,
      byOwasp2025: Object.fromEntries(
        owaspTable(request.decision, '2025').map((row) => [row.category, row.total]),
      ),
      blocking: request.decision.counts.blocking,
    },
  });
  const signedDecision = await request.signer.sign(decision);
  const signedSbom = await request.signer.sign(sbomStatement({ subjects, sbom }));
  const attestationFile = join(request.outDir, `vouch-decision${signedDecision.fileSuffix}`);
  const sbomAttestationFile = join(request.outDir, `vouch-sbom${signedSbom.fileSuffix}`);
  await ports.fs.writeFile(attestationFile, serializeAttestation(signedDecision));
  await ports.fs.writeFile(sbomAttestationFile, serializeAttestation(signedSbom));
  return { attestationFile, sbomAttestationFile };
}

/** The commit when known, plus the given build outputs; the SBOM itself when there is nothing else to name. */
async function subjectsOf(request: AttestRequest): Promise<Subject[]> {
  const { commit, name } = request.repository;
  const files = request.subjectFiles.length > 0 || commit ? request.subjectFiles : [request.sbomFile];
  return subjectsFor(request.ports.fs, { files, ...(commit ? { commit, repo: name } : {}) });
}

function resourceUri(repository: RepositoryInfo): string {
  const base = repository.uri ? `git+${repository.uri}` : repository.name;
  return repository.commit ? `${base}@${repository.commit}` : base;
}
