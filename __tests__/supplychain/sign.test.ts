import { createHash, createPublicKey, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { preAuthEncoding } from '../../src/supplychain/dsse.js';
import { decisionStatement, type Statement } from '../../src/supplychain/intoto.js';
import {
  createSigner,
  keylessSigner,
  keySigner,
  serializeAttestation,
  unsignedSigner,
} from '../../src/supplychain/sign.js';

const SHA = 'b'.repeat(40);
const HEX = (text: string): string => createHash('sha256').update(text).digest('hex');

const STATEMENT: Statement = decisionStatement({
  subjects: [{ name: 'https://github.com/o/r', digest: { gitCommit: SHA } }],
  verifierId: 'https://github.com/acme/vouch@v1.2.3',
  resourceUri: `git+https://github.com/o/r@${SHA}`,
  policy: { uri: '.vouch/policy.yml', digest: { sha256: HEX('policy') } },
  inputs: { sarif: { uri: 'vouch.sarif', sha256: HEX('sarif') } },
  result: 'PASSED',
  timeVerified: new Date('2026-11-02T10:00:00Z'),
  counts: { bySeverity: {}, byOwasp2025: {}, blocking: 0 },
});

function pemPair(kind: 'p256' | 'ed25519'): { privatePem: string; publicKey: KeyObject } {
  const pair =
    kind === 'p256'
      ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      : generateKeyPairSync('ed25519');
  return {
    privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: pair.publicKey,
  };
}

const spkiSha256 = (key: KeyObject): string =>
  createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');

describe('key mode', () => {
  it.each(['p256', 'ed25519'] as const)(
    'writes a Sigstore bundle v0.3 signed with a %s key',
    async (kind) => {
      const { privatePem, publicKey } = pemPair(kind);
      const signed = await keySigner({ privateKeyPem: privatePem }).sign(STATEMENT);
      expect(signed).toMatchObject({
        mode: 'key',
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        fileSuffix: '.sigstore.json',
      });
      const bundle = JSON.parse(serializeAttestation(signed)) as {
        mediaType: string;
        verificationMaterial: Record<string, unknown>;
        dsseEnvelope: { payload: string; payloadType: string; signatures: { keyid: string; sig: string }[] };
      };
      expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
      expect(bundle.verificationMaterial.publicKey).toEqual({ hint: spkiSha256(publicKey) });
      // No certificate, no log entry, no timestamp: a key needs none of Sigstore's services.
      expect(Object.keys(bundle.verificationMaterial).sort()).toEqual([
        'publicKey',
        'timestampVerificationData',
      ]);
      expect(bundle.verificationMaterial.timestampVerificationData).toEqual({});
      const { payload, payloadType, signatures } = bundle.dsseEnvelope;
      expect(payloadType).toBe('application/vnd.in-toto+json');
      expect(JSON.parse(Buffer.from(payload, 'base64').toString('utf8'))).toEqual(STATEMENT);
      expect(signatures).toHaveLength(1);
      expect(signatures[0]?.keyid).toBe(spkiSha256(publicKey));
      // Checked with node:crypto over our own PAE, independently of the verify module.
      const pae = preAuthEncoding(payloadType, Buffer.from(payload, 'base64'));
      const digest = kind === 'p256' ? 'sha256' : null;
      expect(verify(digest, pae, publicKey, Buffer.from(signatures[0]?.sig ?? '', 'base64'))).toBe(true);
    },
  );

  it('reads a SEC1 "EC PRIVATE KEY" as OpenSSL writes it', async () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      .privateKey.export({ type: 'sec1', format: 'pem' })
      .toString();
    expect(pem).toMatch(/^-----BEGIN EC PRIVATE KEY-----/);
    expect((await keySigner({ privateKeyPem: pem }).sign(STATEMENT)).mode).toBe('key');
  });

  it('reads an encrypted key with its passphrase', async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const pem = pair.privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
      .toString();
    const signed = await createSigner({ mode: 'key', privateKeyPem: pem, passphrase: 'pw' }).sign(STATEMENT);
    expect(signed.mode).toBe('key');
    expect(() => keySigner({ privateKeyPem: pem, passphrase: 'wrong' })).toThrow(
      /not a readable PEM private key/,
    );
  });

  it.each([
    ['RSA', () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, /is rsa; Vouch signs with/],
    ['P-384', () => generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey, /is EC secp384r1/],
  ])('refuses a %s key at construction', (_name, make, message) => {
    const pem = make().export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => keySigner({ privateKeyPem: pem })).toThrow(message);
  });

  it('refuses text that is not a private key without echoing it', () => {
    const publicPem = createPublicKey(pemPair('p256').privatePem)
      .export({ type: 'spki', format: 'pem' })
      .toString();
    for (const text of ['not a key SECRET-VALUE', publicPem]) {
      let message = '';
      try {
        keySigner({ privateKeyPem: text });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/not a readable PEM private key/);
      expect(message).not.toContain('SECRET-VALUE');
      expect(message).not.toContain('BEGIN');
    }
  });
});

describe('unsigned mode', () => {
  it('writes the bare statement', async () => {
    const signed = await unsignedSigner().sign(STATEMENT);
    expect(signed).toEqual({
      mode: 'unsigned',
      mediaType: 'application/vnd.in-toto+json',
      document: STATEMENT,
      fileSuffix: '.intoto.json',
    });
    expect(JSON.parse(serializeAttestation(signed))).toEqual(STATEMENT);
    expect(serializeAttestation(signed).endsWith('}\n')).toBe(true);
  });
});

describe('keyless mode without a Sigstore service', () => {
  it('needs Rekor or a timestamp authority to witness the signature', () => {
    expect(() => keylessSigner({ identityToken: () => Promise.resolve('t'), tlogUpload: false })).toThrow(
      /needs Rekor or a timestamp authority/,
    );
  });

  it('never repeats the identity token in its error', async () => {
    const token = 'eyJhbGciOiJub25lIn0.not-json-SECRET.sig';
    const signer = keylessSigner({
      identityToken: () => Promise.resolve(token),
      fulcioURL: 'http://127.0.0.1:9',
      tsaURL: 'http://127.0.0.1:9',
      tlogUpload: false,
      retries: 0,
    });
    const error = await signer.sign(STATEMENT).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.message).toMatch(/keyless signing failed: IDENTITY_TOKEN_PARSE_ERROR/);
    expect(error?.message).not.toContain('SECRET');
    expect(error?.cause).toBeUndefined();
  });

  it('reports an unreachable Fulcio as a signing failure', async () => {
    const signer = keylessSigner({
      identityToken: () => Promise.resolve(fakeToken()),
      fulcioURL: 'http://127.0.0.1:9',
      tsaURL: 'http://127.0.0.1:9',
      tlogUpload: false,
      retries: 0,
      timeoutMs: 2000,
    });
    await expect(signer.sign(STATEMENT)).rejects.toThrow(
      /keyless signing failed: CA_CREATE_SIGNING_CERTIFICATE_ERROR: .*ECONNREFUSED/,
    );
  });
});

function fakeToken(): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ sub: 'https://github.com/o/r/.github/workflows/x.yml@refs/heads/main' })}.x`;
}
