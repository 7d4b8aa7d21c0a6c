/**
 * `vouch verify BUNDLE`: checks a signed decision attestation and says which check failed.
 * Exit status: 0 every requested check holds, 1 a check failed, 2 the command could not verify (bad
 * arguments, unreadable files, trust root unavailable).
 */
import { resolve } from 'node:path';
import { ConfigError, describeError } from '../core/errors.js';
import type { FileSystem } from '../core/ports.js';
import { sha256Hex } from '../supplychain/intoto.js';
import { verifyAttestation, type VerifyOptions, type VerifyOutcome } from '../supplychain/verify.js';

export interface VerifyArgs {
  /** Path of the attestation (a Sigstore bundle). */
  readonly bundle: string;
  /** Path of a PEM public key file, or the PEM text itself. */
  readonly key?: string;
  readonly certificateIdentity?: string;
  readonly certificateOidcIssuer?: string;
  /** A file the attestation must name as a subject (compared by SHA-256). */
  readonly subject?: string;
  /** A commit the attestation must name as a subject (`gitCommit` digest). */
  readonly commit?: string;
  /** The policy file the decision must have been made with (compared by SHA-256). */
  readonly policy?: string;
}

export interface VerifyIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly ports: { readonly fs: FileSystem };
}

/** For tests and private Sigstore deployments; production uses the public-good trust root. */
export type VerifyOverrides = Pick<VerifyOptions, 'trustedRoot' | 'tlogThreshold'>;

function checkArgs(args: VerifyArgs): void {
  const keyless = args.certificateIdentity !== undefined || args.certificateOidcIssuer !== undefined;
  if (args.key !== undefined && keyless) {
    throw new ConfigError(
      'INVALID_ARGUMENT',
      'give either --key or --certificate-identity/--certificate-oidc-issuer, not both',
    );
  }
  if (args.key === undefined && !(args.certificateIdentity && args.certificateOidcIssuer)) {
    throw new ConfigError(
      'INVALID_ARGUMENT',
      'give --key PEM, or both --certificate-identity and --certificate-oidc-issuer',
    );
  }
  if (args.subject !== undefined && args.commit !== undefined) {
    throw new ConfigError('INVALID_ARGUMENT', 'give --subject FILE or --commit SHA, not both');
  }
  if (args.commit !== undefined && !/^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/.test(args.commit)) {
    throw new ConfigError(
      'INVALID_ARGUMENT',
      `--commit must be a full 40- or 64-character commit id, got "${args.commit}"`,
    );
  }
}

async function readFile(io: VerifyIo, path: string, what: string): Promise<Buffer> {
  try {
    return await io.ports.fs.readFile(resolve(io.cwd, path));
  } catch (thrown) {
    throw new ConfigError('INVALID_PATH', `cannot read ${what} ${path}: ${describeError(thrown)}`);
  }
}

async function readJson(io: VerifyIo, path: string): Promise<unknown> {
  const text = (await readFile(io, path, 'the attestation')).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ConfigError('INVALID_INPUT', `${path} is not JSON`);
  }
}

async function optionsFor(args: VerifyArgs, io: VerifyIo): Promise<VerifyOptions> {
  // A key is usually kept in a secret, so inline PEM text is accepted as well as a file.
  const key =
    args.key === undefined || args.key.startsWith('-----BEGIN')
      ? args.key
      : (await readFile(io, args.key, 'the key')).toString('utf8');
  const subjectDigest = args.subject
    ? { sha256: sha256Hex(await readFile(io, args.subject, 'the subject')) }
    : args.commit
      ? { gitCommit: args.commit.toLowerCase() }
      : undefined;
  const policyDigest = args.policy ? sha256Hex(await readFile(io, args.policy, 'the policy')) : undefined;
  return {
    key,
    certificateIdentity: args.certificateIdentity,
    certificateOidcIssuer: args.certificateOidcIssuer,
    subjectDigest,
    policyDigest,
  };
}

function report(args: VerifyArgs, outcome: VerifyOutcome, io: VerifyIo): number {
  if (!outcome.ok) {
    io.stderr(`${args.bundle}: verification failed`);
    for (const failure of outcome.failures) io.stderr(`  ✗ ${failure.check}: ${failure.message}`);
    return 1;
  }
  const { summary } = outcome;
  const signer =
    args.key !== undefined
      ? 'the given key'
      : `${args.certificateIdentity ?? ''} (issuer ${args.certificateOidcIssuer ?? ''})`;
  io.stdout(`${args.bundle}: verified`);
  io.stdout(`  ✓ signature: signed by ${signer}`);
  io.stdout(`  ✓ decision: ${summary.result} by ${summary.verifierId} for ${summary.resourceUri}`);
  const subject = args.subject ?? args.commit;
  io.stdout(
    subject ? `  ✓ subject: ${subject}` : '  - subject: not checked (give --subject FILE or --commit SHA)',
  );
  io.stdout(args.policy ? `  ✓ policy: ${args.policy}` : '  - policy: not checked (give --policy FILE)');
  return 0;
}

/** Never throws: every failure becomes a message and an exit status. */
export async function runVerify(
  args: VerifyArgs,
  io: VerifyIo,
  overrides: VerifyOverrides = {},
): Promise<number> {
  try {
    checkArgs(args);
    const document = await readJson(io, args.bundle);
    const options = await optionsFor(args, io);
    return report(args, await verifyAttestation(document, { ...options, ...overrides }), io);
  } catch (thrown) {
    io.stderr(`vouch verify: ${describeError(thrown)}`);
    return 2;
  }
}
