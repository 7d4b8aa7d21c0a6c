/**
 * in-toto Statement v1 (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md) for the two
 * things Vouch attests: the SBOM, and the gate's decision as a SLSA Verification Summary
 * (https://slsa.dev/spec/v1.0/verification_summary).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { VouchError } from '../core/errors.js';
import type { FileSystem } from '../core/ports.js';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const CYCLONEDX_PREDICATE_TYPE = 'https://cyclonedx.org/bom';
export const VSA_PREDICATE_TYPE = 'https://slsa.dev/verification_summary/v1';
/** Consumers ignore unknown predicate fields; extensions carry URI names so they cannot collide. */
export const COUNTS_EXTENSION = 'https://vouch.dev/counts/v1';

/**
 * `verifiedLevels` values. The VSA spec lets producers use custom values but never ones starting with
 * `SLSA_` (https://slsa.dev/spec/v1.0/verification_summary#slsaresult): Vouch checks a policy, not a SLSA
 * track, so a pass is namespaced `VOUCH_`, and a failure uses the spec's own `FAILED`.
 */
export const LEVEL_POLICY_PASSED = 'VOUCH_POLICY_PASSED';
export const LEVEL_FAILED = 'FAILED';

export type AttestationErrorCode =
  'INVALID_SUBJECT' | 'INVALID_PREDICATE' | 'INVALID_KEY' | 'SIGNING_FAILED' | 'TRUST_ROOT_UNAVAILABLE';

/** Building or signing an attestation was impossible with what was given. */
export class AttestationError extends VouchError {
  constructor(
    readonly code: AttestationErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A DigestSet (https://github.com/in-toto/attestation/blob/main/spec/v1/digest_set.md). */
export type DigestSet = Readonly<Record<string, string>>;

export interface Subject {
  readonly name: string;
  readonly digest: DigestSet;
}

export interface Statement<P = unknown> {
  readonly _type: typeof STATEMENT_TYPE;
  readonly subject: readonly Subject[];
  readonly predicateType: string;
  readonly predicate: P;
}

export type VerificationResult = 'PASSED' | 'FAILED';

export interface DecisionCounts {
  readonly bySeverity: Readonly<Record<string, number>>;
  readonly byOwasp2025: Readonly<Record<string, number>>;
  readonly blocking: number;
}

export interface DigestedInput {
  readonly uri: string;
  /** Lowercase hex. */
  readonly sha256: string;
}

export interface DecisionInput {
  readonly subjects: readonly Subject[];
  /** The action that judged, e.g. `https://github.com/<owner>/vouch@v1.2.3`. */
  readonly verifierId: string;
  /** The repository at the judged commit, e.g. `git+https://github.com/o/r@<sha>`. */
  readonly resourceUri: string;
  readonly policy: { readonly uri: string; readonly digest: { readonly sha256: string } };
  readonly inputs: { readonly sarif: DigestedInput; readonly sbom?: DigestedInput };
  readonly result: VerificationResult;
  readonly timeVerified: Date;
  readonly counts: DecisionCounts;
}

export interface VerificationSummary {
  readonly verifier: { readonly id: string };
  readonly timeVerified: string;
  readonly resourceUri: string;
  readonly policy: { readonly uri: string; readonly digest: DigestSet };
  readonly inputAttestations: readonly { readonly uri: string; readonly digest: DigestSet }[];
  readonly verificationResult: VerificationResult;
  readonly verifiedLevels: readonly string[];
  readonly [COUNTS_EXTENSION]: DecisionCounts;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
// SHA-1 today, SHA-256 for repositories converted to Git's SHA-256 object format.
const GIT_COMMIT_HEX = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

function checkDigest(where: string, digest: DigestSet): void {
  const entries = Object.entries(digest);
  if (entries.length === 0) throw new AttestationError('INVALID_SUBJECT', `${where} has no digest`);
  for (const [algorithm, value] of entries) {
    const pattern =
      algorithm === 'gitCommit' ? GIT_COMMIT_HEX : algorithm === 'sha256' ? SHA256_HEX : undefined;
    if (pattern && !pattern.test(value)) {
      throw new AttestationError(
        'INVALID_SUBJECT',
        `${where}: ${algorithm} "${value}" is not lowercase hex of the right length`,
      );
    }
  }
}

function checkSubjects(subjects: readonly Subject[]): void {
  // Every subject needs a digest: a statement about a name alone could be replayed for other content.
  if (subjects.length === 0)
    throw new AttestationError('INVALID_SUBJECT', 'an attestation needs at least one subject');
  subjects.forEach((subject, index) => {
    checkDigest(`subject[${index}] (${subject.name})`, subject.digest);
  });
}

function statement<P>(subjects: readonly Subject[], predicateType: string, predicate: P): Statement<P> {
  checkSubjects(subjects);
  return { _type: STATEMENT_TYPE, subject: subjects, predicateType, predicate };
}

/**
 * The SBOM as predicate. GitHub's `actions/attest` recognises CycloneDX only when `bomFormat`, `specVersion`
 * and `serialNumber` are all present, so an SBOM without them is refused here rather than downstream.
 */
export function sbomStatement(input: {
  readonly subjects: readonly Subject[];
  readonly sbom: Readonly<Record<string, unknown>>;
}): Statement<Readonly<Record<string, unknown>>> {
  for (const field of ['bomFormat', 'specVersion', 'serialNumber']) {
    if (typeof input.sbom[field] !== 'string') {
      throw new AttestationError(
        'INVALID_PREDICATE',
        `the SBOM has no ${field}; it cannot be attested as CycloneDX`,
      );
    }
  }
  return statement(input.subjects, CYCLONEDX_PREDICATE_TYPE, input.sbom);
}

export function verifiedLevelsFor(result: VerificationResult): readonly string[] {
  return result === 'PASSED' ? [LEVEL_POLICY_PASSED] : [LEVEL_FAILED];
}

/** The gate's decision as a VSA; `verifiedLevels` follows from the result so the two cannot disagree. */
export function decisionStatement(input: DecisionInput): Statement<VerificationSummary> {
  checkDigest('policy', input.policy.digest);
  const inputs = [input.inputs.sarif, ...(input.inputs.sbom ? [input.inputs.sbom] : [])];
  inputs.forEach((item) => {
    checkDigest(`input ${item.uri}`, { sha256: item.sha256 });
  });
  const predicate: VerificationSummary = {
    verifier: { id: input.verifierId },
    timeVerified: input.timeVerified.toISOString(),
    resourceUri: input.resourceUri,
    policy: { uri: input.policy.uri, digest: { sha256: input.policy.digest.sha256 } },
    inputAttestations: inputs.map((item) => ({ uri: item.uri, digest: { sha256: item.sha256 } })),
    verificationResult: input.result,
    verifiedLevels: verifiedLevelsFor(input.result),
    [COUNTS_EXTENSION]: input.counts,
  };
  return statement(input.subjects, VSA_PREDICATE_TYPE, predicate);
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Subjects for files (named by base name, so no runner path leaks into the attestation) and, when given,
 * the commit as `{ name: repo, digest: { gitCommit } }`.
 */
export async function subjectsFor(
  fs: FileSystem,
  request: { readonly files: readonly string[]; readonly commit?: string; readonly repo?: string },
): Promise<Subject[]> {
  const subjects: Subject[] = [];
  for (const file of request.files) {
    const name = basename(file);
    if (subjects.some((subject) => subject.name === name)) {
      throw new AttestationError(
        'INVALID_SUBJECT',
        `two subjects would be named "${name}"; rename one of them`,
      );
    }
    subjects.push({ name, digest: { sha256: sha256Hex(await fs.readFile(file)) } });
  }
  if (request.commit !== undefined) {
    if (!request.repo)
      throw new AttestationError('INVALID_SUBJECT', 'a commit subject needs the repository name');
    subjects.push({ name: request.repo, digest: { gitCommit: request.commit.toLowerCase() } });
  }
  checkSubjects(subjects);
  return subjects;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseSubject(value: unknown): Subject | undefined {
  if (!isRecord(value) || !isRecord(value.digest)) return undefined;
  const digest = Object.entries(value.digest);
  if (digest.length === 0 || digest.some(([, hex]) => typeof hex !== 'string')) return undefined;
  const name = typeof value.name === 'string' ? value.name : '';
  return { name, digest: Object.fromEntries(digest) as Record<string, string> };
}

/** Reads a Statement v1 from untrusted JSON; the predicate stays `unknown` for the caller to narrow. */
export function parseStatement(
  value: unknown,
): { readonly ok: true; readonly statement: Statement } | { readonly ok: false; readonly message: string } {
  if (!isRecord(value)) return { ok: false, message: 'the payload is not a JSON object' };
  if (value._type !== STATEMENT_TYPE) {
    return { ok: false, message: `_type is ${JSON.stringify(value._type)}, expected "${STATEMENT_TYPE}"` };
  }
  if (!Array.isArray(value.subject) || value.subject.length === 0) {
    return { ok: false, message: 'the statement has no subject' };
  }
  const subjects = value.subject.map(parseSubject);
  const bad = subjects.findIndex((subject) => subject === undefined);
  if (bad >= 0) return { ok: false, message: `subject[${bad}] has no string digest set` };
  if (typeof value.predicateType !== 'string')
    return { ok: false, message: 'the statement has no predicateType' };
  return {
    ok: true,
    statement: {
      _type: STATEMENT_TYPE,
      subject: subjects.filter((subject) => subject !== undefined),
      predicateType: value.predicateType,
      predicate: value.predicate,
    },
  };
}
