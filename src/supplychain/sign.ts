/**
 * Turns an in-toto Statement into the attestation file Vouch writes, in one of three modes:
 * - `keyless`: a Sigstore bundle v0.3 whose DSSE signature is made with an ephemeral key certified by Fulcio
 *   for the workflow's OIDC identity, witnessed by Rekor and/or a timestamp authority.
 * - `key`: a Sigstore bundle v0.3 signed with a given ECDSA P-256 or Ed25519 key; needs no Sigstore service,
 *   so it works on GHES and private repositories where GitHub's attestations are unavailable.
 * - `unsigned`: the bare Statement JSON. An envelope with no signatures would only hide the same JSON
 *   behind Base64 while looking like a signed artifact; the bare statement is readable, can be signed later
 *   by another tool, and `vouch verify` reports it as unsigned instead of as a bad signature.
 * Bundle format: https://github.com/sigstore/protobuf-specs/blob/main/protos/sigstore_bundle.proto
 */
import { createPrivateKey, createPublicKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import {
  DEFAULT_FULCIO_URL,
  DEFAULT_REKOR_URL,
  DSSEBundleBuilder,
  FulcioSigner,
  RekorWitness,
  TSAWitness,
  type Signature,
  type Signer as SigstoreSigner,
  type Witness,
} from '@sigstore/sign';
import { describeError } from '../core/errors.js';
import { INTOTO_PAYLOAD_TYPE } from './dsse.js';
import { AttestationError, sha256Hex, type Statement } from './intoto.js';

export type SignedAttestation =
  | {
      readonly mode: 'unsigned';
      readonly mediaType: typeof INTOTO_PAYLOAD_TYPE;
      readonly document: Statement;
      readonly fileSuffix: '.intoto.json';
    }
  | {
      readonly mode: 'key' | 'keyless';
      /** `application/vnd.dev.sigstore.bundle.v0.3+json`. */
      readonly mediaType: string;
      readonly document: SerializedBundle;
      /** The suffix Sigstore tools expect for bundle files. */
      readonly fileSuffix: '.sigstore.json';
    };

export interface Signer {
  sign(statement: Statement): Promise<SignedAttestation>;
}

export interface KeySigningOptions {
  /** PEM text (PKCS#8, or SEC1 `EC PRIVATE KEY`) as read from a secret input; never a path. */
  readonly privateKeyPem: string;
  readonly passphrase?: string;
}

export interface KeylessSigningOptions {
  /** Returns an OIDC token with audience `sigstore` (in Actions: `core.getIDToken('sigstore')`). */
  readonly identityToken: () => Promise<string>;
  readonly fulcioURL?: string;
  readonly rekorURL?: string;
  /** Upload to Rekor (default true). Without it a timestamp authority must witness the signature. */
  readonly tlogUpload?: boolean;
  readonly tsaURL?: string;
  readonly timeoutMs?: number;
  readonly retries?: number;
}

export type SigningConfig =
  | { readonly mode: 'unsigned' }
  | ({ readonly mode: 'key' } & KeySigningOptions)
  | ({ readonly mode: 'keyless' } & KeylessSigningOptions);

export function createSigner(config: SigningConfig): Signer {
  switch (config.mode) {
    case 'unsigned':
      return unsignedSigner();
    case 'key':
      return keySigner(config);
    case 'keyless':
      return keylessSigner(config);
  }
}

export function serializeAttestation(attestation: SignedAttestation): string {
  return `${JSON.stringify(attestation.document, null, 2)}\n`;
}

export function unsignedSigner(): Signer {
  return {
    sign: (statement) =>
      Promise.resolve({
        mode: 'unsigned',
        mediaType: INTOTO_PAYLOAD_TYPE,
        document: statement,
        fileSuffix: '.intoto.json',
      }),
  };
}

/** The key id Vouch writes as the bundle's key hint: lowercase hex SHA-256 of the SubjectPublicKeyInfo DER. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }));
}

interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  readonly keyId: string;
  /** Ed25519 hashes internally, so Node takes no digest name for it. */
  readonly digest: 'sha256' | null;
}

function loadSigningKey(options: KeySigningOptions): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({
      key: options.privateKeyPem,
      format: 'pem',
      passphrase: options.passphrase,
    });
  } catch (cause) {
    // Node's message never quotes the key, but say only what is safe to log anyway.
    const code = (cause as { code?: unknown } | null)?.code;
    throw new AttestationError(
      'INVALID_KEY',
      `the signing key is not a readable PEM private key (${String(code)})`,
    );
  }
  const type = privateKey.asymmetricKeyType;
  const curve = privateKey.asymmetricKeyDetails?.namedCurve;
  const digest = type === 'ed25519' ? null : type === 'ec' && curve === 'prime256v1' ? 'sha256' : undefined;
  if (digest === undefined) {
    const found = type === 'ec' ? `EC ${String(curve)}` : String(type);
    throw new AttestationError(
      'INVALID_KEY',
      `the signing key is ${found}; Vouch signs with ECDSA P-256 or Ed25519`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, publicKeyPem, keyId: keyIdOf(publicKey), digest };
}

/** A @sigstore/sign signer over a local key: the bundle builder hands it the DSSE PAE to sign. */
function localKeyHolder(key: SigningKey): SigstoreSigner {
  return {
    sign: (data: Buffer): Promise<Signature> =>
      Promise.resolve({
        signature: cryptoSign(key.digest, data, key.privateKey),
        key: { $case: 'publicKey', publicKey: key.publicKeyPem, hint: key.keyId },
      }),
  };
}

async function bundle(
  statement: Statement,
  signer: SigstoreSigner,
  witnesses: Witness[],
): Promise<SerializedBundle> {
  // Without `certificateChain` the builder emits the v0.3 media type, with a single leaf certificate.
  const builder = new DSSEBundleBuilder({ signer, witnesses });
  const created = await builder.create({
    data: Buffer.from(JSON.stringify(statement)),
    type: INTOTO_PAYLOAD_TYPE,
  });
  return bundleToJSON(created);
}

function signed(mode: 'key' | 'keyless', document: SerializedBundle): SignedAttestation {
  return { mode, mediaType: document.mediaType, document, fileSuffix: '.sigstore.json' };
}

/** Validates the key at once, so a bad secret fails before any scanning work is done. */
export function keySigner(options: KeySigningOptions): Signer {
  const key = loadSigningKey(options);
  return { sign: async (statement) => signed('key', await bundle(statement, localKeyHolder(key), [])) };
}

function witnessesFor(options: KeylessSigningOptions): Witness[] {
  const fetch = { retry: options.retries ?? 2, timeout: options.timeoutMs ?? 5000 };
  const witnesses: Witness[] = [];
  if (options.tlogUpload !== false) {
    const rekorBaseURL = options.rekorURL ?? DEFAULT_REKOR_URL;
    witnesses.push(new RekorWitness({ rekorBaseURL, entryType: 'dsse', fetchOnConflict: false, ...fetch }));
  }
  if (options.tsaURL !== undefined) witnesses.push(new TSAWitness({ tsaBaseURL: options.tsaURL, ...fetch }));
  // Fulcio certificates live ten minutes: without a log entry or a timestamp proving the signature was made
  // inside that window, nobody could ever verify the bundle.
  if (witnesses.length === 0) {
    throw new AttestationError(
      'SIGNING_FAILED',
      'keyless signing needs Rekor or a timestamp authority (tsaURL)',
    );
  }
  return witnesses;
}

// @sigstore/sign quotes the whole identity token in some messages (IDENTITY_TOKEN_PARSE_ERROR); a token is a
// credential for as long as it lives, so it is cut out before anything reaches a log.
function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret ? out.split(secret).join('***') : out), text);
}

function signingFailure(thrown: unknown, tokens: readonly string[]): AttestationError {
  const { code, cause } = (thrown ?? {}) as { code?: unknown; cause?: unknown };
  // The cause carries what the service or the network said (HTTP status, ECONNREFUSED).
  const reason = cause === undefined ? '' : ` (${describeError(cause)})`;
  const detail = scrub(`${describeError(thrown)}${reason}`, tokens);
  const prefix = typeof code === 'string' ? `${code}: ` : '';
  return new AttestationError('SIGNING_FAILED', `keyless signing failed: ${prefix}${detail}`);
}

export function keylessSigner(options: KeylessSigningOptions): Signer {
  const witnesses = witnessesFor(options);
  return {
    sign: async (statement) => {
      const tokens: string[] = [];
      const fulcio = new FulcioSigner({
        fulcioBaseURL: options.fulcioURL ?? DEFAULT_FULCIO_URL,
        identityProvider: {
          getToken: async () => {
            const token = await options.identityToken();
            tokens.push(token);
            return token;
          },
        },
        retry: options.retries ?? 2,
        timeout: options.timeoutMs ?? 5000,
      });
      try {
        return signed('keyless', await bundle(statement, fulcio, witnesses));
      } catch (thrown) {
        throw signingFailure(thrown, tokens);
      }
    },
  };
}
