import type { ComponentHash } from '../component.js';

/** Subresource Integrity algorithms npm, yarn and pnpm write, with their digest sizes in bytes. */
const SRI_ALGORITHMS: ReadonlyMap<string, { readonly alg: ComponentHash['alg']; readonly bytes: number }> =
  new Map([
    ['sha1', { alg: 'SHA-1', bytes: 20 }],
    ['sha256', { alg: 'SHA-256', bytes: 32 }],
    ['sha384', { alg: 'SHA-384', bytes: 48 }],
    ['sha512', { alg: 'SHA-512', bytes: 64 }],
  ]);

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export interface Integrity {
  readonly hashes: ComponentHash[];
  /** The value held tokens but none was a digest we could decode: worth a problem, since it guards the tarball. */
  readonly unreadable: boolean;
}

/**
 * `sha512-<base64> sha1-<base64>` → hex digests. SRI allows several space-separated tokens, each optionally
 * followed by `?options` (https://www.w3.org/TR/SRI/#the-integrity-attribute); unknown algorithms are skipped.
 */
export function parseIntegrity(value: string | undefined): Integrity {
  const tokens = (value ?? '').split(/\s+/).filter((token) => token !== '');
  const hashes: ComponentHash[] = [];
  for (const token of tokens) {
    const hash = sriToken(token);
    if (hash) addHash(hashes, hash);
  }
  return { hashes, unreadable: tokens.length > 0 && hashes.length === 0 };
}

function sriToken(token: string): ComponentHash | undefined {
  const dash = token.indexOf('-');
  const algorithm = SRI_ALGORITHMS.get(token.slice(0, dash).toLowerCase());
  const digest = token.slice(dash + 1).split('?')[0] ?? '';
  if (dash < 1 || !algorithm || !BASE64.test(digest)) return undefined;
  const bytes = Buffer.from(digest, 'base64');
  return bytes.length === algorithm.bytes
    ? { alg: algorithm.alg, content: bytes.toString('hex') }
    : undefined;
}

/**
 * yarn v1 appends the registry's `shasum` (SHA-1 of the tarball) to `resolved` as `…/x-1.0.0.tgz#<hex>`.
 * Only a `.tgz` URL qualifies: for git URLs the fragment is a commit id, not a digest of the archive.
 */
export function tarballSha1(resolved: string | undefined): ComponentHash | undefined {
  const match = /^https?:\/\/[^#]+\.tgz#([0-9a-fA-F]{40})$/.exec(resolved ?? '');
  return match?.[1] ? { alg: 'SHA-1', content: match[1].toLowerCase() } : undefined;
}

/** Adds a digest unless one of the same algorithm is already there. */
export function addHash(hashes: ComponentHash[], hash: ComponentHash): void {
  if (!hashes.some((known) => known.alg === hash.alg)) hashes.push(hash);
}
