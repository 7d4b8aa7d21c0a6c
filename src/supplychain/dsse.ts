/**
 * Dead Simple Signing Envelope (DSSE) v1: the pre-authentication encoding that is actually signed, and the
 * JSON envelope that carries payload and signatures.
 * Protocol: https://github.com/secure-systems-lab/dsse/blob/master/protocol.md
 * Envelope: https://github.com/secure-systems-lab/dsse/blob/master/envelope.md
 */

/** The payload type of an in-toto Statement inside DSSE (https://github.com/in-toto/attestation/blob/main/spec/v1/envelope.md). */
export const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface DsseSignature {
  /** Unauthenticated hint naming the key; never trusted to select a key on its own. */
  readonly keyid?: string;
  /** Base64 of the signature bytes. */
  readonly sig: string;
}

export interface DsseEnvelope {
  /** Base64 of the serialized body. */
  readonly payload: string;
  readonly payloadType: string;
  readonly signatures: readonly DsseSignature[];
}

export type EnvelopeParse =
  | { readonly ok: true; readonly envelope: DsseEnvelope; readonly payload: Buffer }
  | { readonly ok: false; readonly message: string };

/**
 * PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, where LEN is the length in bytes
 * (not characters) as ASCII decimal without leading zeros. Signing the PAE rather than the payload binds the
 * payload type into the signature, so a payload cannot be replayed under another type.
 */
export function preAuthEncoding(payloadType: string, body: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  const header = Buffer.from(`DSSEv1 ${type.length} `, 'ascii');
  const middle = Buffer.from(` ${body.length} `, 'ascii');
  return Buffer.concat([header, type, middle, body]);
}

/** An envelope over `body`; with no signatures it is an unsigned envelope, which no verifier accepts. */
export function buildEnvelope(
  payloadType: string,
  body: Uint8Array,
  signatures: readonly DsseSignature[] = [],
): DsseEnvelope {
  return { payload: Buffer.from(body).toString('base64'), payloadType, signatures };
}

// The protocol allows standard or URL-safe Base64, with or without padding; Node's decoder takes both, but
// also silently skips characters outside the alphabet, so the alphabet is checked first.
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function decodeBase64(value: string): Buffer | undefined {
  return BASE64.test(value) ? Buffer.from(value, 'base64') : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseSignature(value: unknown, index: number): DsseSignature | string {
  if (!isRecord(value)) return `signatures[${index}] is not an object`;
  const { sig, keyid } = value;
  if (typeof sig !== 'string' || decodeBase64(sig) === undefined) {
    return `signatures[${index}].sig is not a Base64 string`;
  }
  if (keyid !== undefined && typeof keyid !== 'string') return `signatures[${index}].keyid is not a string`;
  return keyid === undefined ? { sig } : { sig, keyid };
}

/** Reads an envelope from untrusted JSON. Says nothing about whether a signature is valid. */
export function parseEnvelope(value: unknown): EnvelopeParse {
  if (!isRecord(value)) return { ok: false, message: 'the DSSE envelope is not a JSON object' };
  const { payload, payloadType, signatures } = value;
  if (typeof payloadType !== 'string') return { ok: false, message: 'the DSSE envelope has no payloadType' };
  const body = typeof payload === 'string' ? decodeBase64(payload) : undefined;
  if (typeof payload !== 'string' || body === undefined) {
    return { ok: false, message: 'the DSSE envelope payload is not a Base64 string' };
  }
  if (!Array.isArray(signatures)) return { ok: false, message: 'the DSSE envelope has no signatures array' };
  const parsed: DsseSignature[] = [];
  for (const [index, entry] of signatures.entries()) {
    const signature = parseSignature(entry, index);
    if (typeof signature === 'string') return { ok: false, message: `the DSSE envelope's ${signature}` };
    parsed.push(signature);
  }
  return { ok: true, envelope: { payload, payloadType, signatures: parsed }, payload: body };
}
