/**
 * Verifies a Vouch decision attestation: the Sigstore bundle's signature (with a given public key, or a
 * Fulcio certificate for an expected identity), then the Statement it carries — VSA predicate, subject,
 * result and policy digest. Every check that fails is reported, each with its own message.
 * Consumer steps follow https://slsa.dev/spec/v1.0/verification_summary (and its v1.1 "Verification" section).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { getTrustedRoot } from '@sigstore/tuf';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { describeError } from '../core/errors.js';
import { INTOTO_PAYLOAD_TYPE, parseEnvelope } from './dsse.js';
import { AttestationError, parseStatement, VSA_PREDICATE_TYPE, type Statement } from './intoto.js';
import { keyIdOf } from './sign.js';

export type TrustedRoot = Parameters<typeof toTrustMaterial>[0];

export interface VerifyOptions {
  /** PEM public key (SPKI) for key-signed bundles. */
  readonly key?: string;
  /** Exact certificate SAN, e.g. `https://github.com/o/r/.github/workflows/release.yml@refs/heads/main`. */
  readonly certificateIdentity?: string;
  /** e.g. `https://token.actions.githubusercontent.com`. */
  readonly certificateOidcIssuer?: string;
  /** Loads the trust root for certificates; default: Sigstore's public-good root through TUF (network). */
  readonly trustedRoot?: () => Promise<TrustedRoot>;
  /** Rekor entries required for certificate bundles; default 1 (public-good keyless always logs). */
  readonly tlogThreshold?: number;
  readonly subjectDigest?: { readonly sha256: string } | { readonly gitCommit: string };
  /** Lowercase hex SHA-256 of the policy file. */
  readonly policyDigest?: string;
}

export type VerifyCheck = 'signature' | 'statement-type' | 'predicate-type' | 'subject' | 'result' | 'policy';

export interface VerifyFailure {
  readonly check: VerifyCheck;
  readonly message: string;
}

/** What a verified decision says, for printing. */
export interface SummaryView {
  readonly verifierId: string;
  readonly resourceUri: string;
  readonly result: string;
  readonly policyUri: string;
  readonly policySha256?: string;
  readonly timeVerified?: string;
}

export type VerifyOutcome =
  | { readonly ok: true; readonly statement: Statement; readonly summary: SummaryView }
  | { readonly ok: false; readonly failures: readonly VerifyFailure[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The DSSE envelope JSON wherever the file keeps it, or the bare statement of an unsigned attestation. */
function locatePayload(document: unknown): { envelope?: unknown; statement?: unknown } {
  if (!isRecord(document)) return {};
  if ('_type' in document) return { statement: document };
  if ('dsseEnvelope' in document) return { envelope: document.dsseEnvelope };
  return 'payloadType' in document ? { envelope: document } : {};
}

function readStatement(document: unknown): Statement | VerifyFailure {
  const located = locatePayload(document);
  let json: unknown = located.statement;
  if (located.envelope !== undefined) {
    const parsed = parseEnvelope(located.envelope);
    if (!parsed.ok) return { check: 'statement-type', message: parsed.message };
    if (parsed.envelope.payloadType !== INTOTO_PAYLOAD_TYPE) {
      const found = JSON.stringify(parsed.envelope.payloadType);
      return {
        check: 'statement-type',
        message: `payloadType is ${found}, expected "${INTOTO_PAYLOAD_TYPE}"`,
      };
    }
    try {
      json = JSON.parse(parsed.payload.toString('utf8'));
    } catch {
      return { check: 'statement-type', message: 'the DSSE payload is not JSON' };
    }
  }
  if (json === undefined) {
    return { check: 'statement-type', message: 'the file holds no DSSE envelope or statement' };
  }
  const statement = parseStatement(json);
  return statement.ok ? statement.statement : { check: 'statement-type', message: statement.message };
}

function readBundle(document: unknown): Bundle | string {
  if (!isRecord(document)) return 'the attestation is not a JSON object';
  if ('_type' in document) return 'the attestation is an unsigned in-toto statement, not a Sigstore bundle';
  if (!('mediaType' in document) && 'payloadType' in document) {
    return 'the attestation is a bare DSSE envelope; Vouch verifies Sigstore bundles';
  }
  try {
    const bundle = bundleFromJSON(document);
    return bundle.content.$case === 'dsseEnvelope'
      ? bundle
      : 'the bundle signs a message digest, not a DSSE envelope';
  } catch (thrown) {
    return `not a valid Sigstore bundle: ${describeError(thrown)}`;
  }
}

const EMPTY_ROOT: TrustedRoot = {
  mediaType: 'application/vnd.dev.sigstore.trustedroot.v0.2+json',
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: [],
};

function verifyWithKey(bundle: Bundle, pem: string): string | undefined {
  const material = bundle.verificationMaterial.content;
  if (material.$case !== 'publicKey') {
    return 'the bundle is signed with a certificate (keyless), but a key was given';
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return 'the given key is not a PEM public key';
  }
  // The hint is unauthenticated (DSSE protocol): it may name the key in a message, never choose it.
  const trust = toTrustMaterial(EMPTY_ROOT, () => ({ publicKey: key, validFor: () => true }));
  // A key bundle carries no log entry or timestamp; a key has no validity window for them to prove.
  const verifier = new Verifier(trust, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
  try {
    verifier.verify(toSignedEntity(bundle));
    return undefined;
  } catch {
    const given = keyIdOf(key);
    const hint = material.publicKey.hint;
    return hint === given
      ? `the signature does not verify with key ${given}, the one the bundle names: the payload or signature was altered`
      : `the signature does not verify with the given key ${given}; the bundle names key ${hint || '(none)'}`;
  }
}

async function loadRoot(options: VerifyOptions): Promise<TrustedRoot> {
  try {
    return await (options.trustedRoot ?? (() => getTrustedRoot({ retry: { retries: 2 }, timeout: 5000 })))();
  } catch (thrown) {
    const message = `could not load the Sigstore trust root: ${describeError(thrown)}`;
    throw new AttestationError('TRUST_ROOT_UNAVAILABLE', message, { cause: thrown });
  }
}

async function verifyWithCertificate(bundle: Bundle, options: VerifyOptions): Promise<string | undefined> {
  const { certificateIdentity: identity, certificateOidcIssuer: issuer } = options;
  const material = bundle.verificationMaterial.content;
  if (material.$case === 'publicKey') {
    return `the bundle is signed with key ${material.publicKey.hint}; give that key`;
  }
  // Anyone can obtain a Fulcio certificate: without an expected identity a valid chain proves nothing.
  if (!identity || !issuer) return 'a keyless bundle needs the expected certificate identity and OIDC issuer';
  const trust = toTrustMaterial(await loadRoot(options));
  const verifier = new Verifier(trust, { tlogThreshold: options.tlogThreshold ?? 1, timestampThreshold: 1 });
  try {
    verifier.verify(toSignedEntity(bundle), { subjectAlternativeName: identity, extensions: { issuer } });
    return undefined;
  } catch (thrown) {
    const code = (thrown as { code?: unknown } | null)?.code;
    const reason =
      code === 'UNTRUSTED_SIGNER_ERROR' ? 'the certificate identity does not match' : String(code);
    return `${reason}: ${describeError(thrown)}`;
  }
}

async function checkSignature(document: unknown, options: VerifyOptions): Promise<VerifyFailure | undefined> {
  const bundle = readBundle(document);
  const message =
    typeof bundle === 'string'
      ? bundle
      : options.key !== undefined
        ? verifyWithKey(bundle, options.key)
        : await verifyWithCertificate(bundle, options);
  return message === undefined ? undefined : { check: 'signature', message };
}

function readSummary(predicate: unknown): SummaryView | string {
  if (!isRecord(predicate)) return 'the predicate is not an object';
  const { verifier, resourceUri, verificationResult, policy, timeVerified } = predicate;
  if (!isRecord(verifier) || typeof verifier.id !== 'string') return 'the predicate has no verifier.id';
  if (typeof resourceUri !== 'string') return 'the predicate has no resourceUri';
  if (typeof verificationResult !== 'string') return 'the predicate has no verificationResult';
  if (!isRecord(policy) || typeof policy.uri !== 'string') return 'the predicate has no policy.uri';
  const sha256 =
    isRecord(policy.digest) && typeof policy.digest.sha256 === 'string' ? policy.digest.sha256 : undefined;
  return {
    verifierId: verifier.id,
    resourceUri,
    result: verificationResult,
    policyUri: policy.uri,
    ...(sha256 === undefined ? {} : { policySha256: sha256 }),
    ...(typeof timeVerified === 'string' ? { timeVerified } : {}),
  };
}

function describeSubjects(statement: Statement): string {
  const digests = (digest: Readonly<Record<string, string>>): string =>
    Object.entries(digest)
      .map(([algorithm, value]) => `${algorithm}:${value}`)
      .join(', ');
  return statement.subject.map((subject) => `${subject.name} (${digests(subject.digest)})`).join('; ');
}

function checkSubject(
  statement: Statement,
  expected: VerifyOptions['subjectDigest'],
): VerifyFailure | undefined {
  if (!expected) return undefined;
  const [algorithm, value] =
    'sha256' in expected ? ['sha256', expected.sha256] : ['gitCommit', expected.gitCommit];
  const wanted = value.toLowerCase();
  if (statement.subject.some((subject) => subject.digest[algorithm]?.toLowerCase() === wanted)) {
    return undefined;
  }
  const message = `no subject has ${algorithm} ${wanted}; the attestation is about ${describeSubjects(statement)}`;
  return { check: 'subject', message };
}

function checkPredicate(summary: SummaryView, options: VerifyOptions): VerifyFailure[] {
  const failures: VerifyFailure[] = [];
  if (summary.result !== 'PASSED') {
    const message = `verificationResult is ${JSON.stringify(summary.result)}: the gate did not pass`;
    failures.push({ check: 'result', message });
  }
  const expected = options.policyDigest?.toLowerCase();
  if (expected !== undefined && summary.policySha256?.toLowerCase() !== expected) {
    const found = summary.policySha256 === undefined ? 'no sha256 digest' : `sha256 ${summary.policySha256}`;
    const message = `the decision was made with policy ${summary.policyUri} (${found}), not the given one (sha256 ${expected})`;
    failures.push({ check: 'policy', message });
  }
  return failures;
}

/**
 * Checks a decision attestation. Resolves to `ok: false` with one entry per failed check; rejects only with
 * AttestationError TRUST_ROOT_UNAVAILABLE when a keyless bundle cannot be judged at all.
 */
export async function verifyAttestation(bundleJson: unknown, options: VerifyOptions): Promise<VerifyOutcome> {
  const failures: VerifyFailure[] = [];
  const signature = await checkSignature(bundleJson, options);
  if (signature) failures.push(signature);
  // The statement is read even when the signature failed, so the report names every problem at once;
  // `ok` still requires the signature. It is decoded from the same JSON string with the same Base64
  // decoder as the signed envelope, so on success the checked statement is the signed one.
  const statement = readStatement(bundleJson);
  if ('check' in statement) return { ok: false, failures: [...failures, statement] };
  if (statement.predicateType !== VSA_PREDICATE_TYPE) {
    const message = `predicateType is "${statement.predicateType}", expected "${VSA_PREDICATE_TYPE}"`;
    return { ok: false, failures: [...failures, { check: 'predicate-type', message }] };
  }
  const subject = checkSubject(statement, options.subjectDigest);
  if (subject) failures.push(subject);
  const summary = readSummary(statement.predicate);
  if (typeof summary === 'string') {
    return { ok: false, failures: [...failures, { check: 'predicate-type', message: summary }] };
  }
  failures.push(...checkPredicate(summary, options));
  return failures.length > 0 ? { ok: false, failures } : { ok: true, statement, summary };
}
