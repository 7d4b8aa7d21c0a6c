import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTSA,
  tsaHandler,
  type HandlerFn,
} from '@sigstore/mock';
// Transitive through @sigstore/bundle; only the enum values of the trust root are needed here.
import { HashAlgorithm, PublicKeyDetails } from '@sigstore/protobuf-specs';
import { runVerify } from '../../src/cli/verify.js';
import { NodeFileSystem } from '../../src/core/node-file-system.js';
import { decisionStatement, sbomStatement, type VerificationResult } from '../../src/supplychain/intoto.js';
import { keylessSigner, keySigner } from '../../src/supplychain/sign.js';
import { verifyAttestation, type TrustedRoot, type VerifyOptions } from '../../src/supplychain/verify.js';

const SHA = 'c'.repeat(40);
const POLICY = 'thresholds: {}\n';
const hex = (data: string): string => createHash('sha256').update(data).digest('hex');
const IDENTITY = 'https://github.com/o/r/.github/workflows/release.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';

function decision(result: VerificationResult = 'PASSED') {
  return decisionStatement({
    subjects: [{ name: 'https://github.com/o/r', digest: { gitCommit: SHA } }],
    verifierId: 'https://github.com/acme/vouch@v1.2.3',
    resourceUri: `git+https://github.com/o/r@${SHA}`,
    policy: { uri: '.vouch/policy.yml', digest: { sha256: hex(POLICY) } },
    inputs: { sarif: { uri: 'vouch.sarif', sha256: hex('sarif') } },
    result,
    timeVerified: new Date(),
    counts: { bySeverity: { high: 1 }, byOwasp2025: {}, blocking: result === 'PASSED' ? 0 : 1 },
  });
}

function keyPair(kind: 'p256' | 'ed25519'): { privatePem: string; publicPem: string } {
  const pair =
    kind === 'p256'
      ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      : generateKeyPairSync('ed25519');
  return {
    privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

async function signWith(privatePem: string, result?: VerificationResult): Promise<Record<string, unknown>> {
  const signed = await keySigner({ privateKeyPem: privatePem }).sign(decision(result));
  return JSON.parse(JSON.stringify(signed.document)) as Record<string, unknown>;
}

const CHECKS = { subjectDigest: { gitCommit: SHA }, policyDigest: hex(POLICY) } as const;

describe.each(['p256', 'ed25519'] as const)('a %s key-signed decision', (kind) => {
  const key = keyPair(kind);
  const options: VerifyOptions = { key: key.publicPem, ...CHECKS };

  it('verifies with the public key', async () => {
    const outcome = await verifyAttestation(await signWith(key.privatePem), options);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.summary).toMatchObject({ result: 'PASSED', policySha256: hex(POLICY) });
  });

  it.each<[string, (bundle: Record<string, unknown>) => unknown, VerifyOptions, string, RegExp]>([
    [
      'a tampered payload',
      tamper,
      options,
      'signature',
      /the one the bundle names: the payload or signature was altered/,
    ],
    [
      'a wrong key',
      (b) => b,
      { ...options, key: keyPair(kind).publicPem },
      'signature',
      /with the given key [0-9a-f]{64}; the bundle names key [0-9a-f]{64}$/,
    ],
    [
      'a wrong subject',
      (b) => b,
      { ...options, subjectDigest: { gitCommit: 'd'.repeat(40) } },
      'subject',
      /no subject has gitCommit d{40}/,
    ],
    [
      'a wrong policy',
      (b) => b,
      { ...options, policyDigest: hex('other') },
      'policy',
      /policy \.vouch\/policy\.yml \(sha256 [0-9a-f]{64}\), not the given one/,
    ],
    [
      'a certificate identity instead of the key',
      (b) => b,
      { certificateIdentity: IDENTITY, certificateOidcIssuer: ISSUER },
      'signature',
      /signed with key [0-9a-f]{64}; give that key/,
    ],
  ])('fails on %s with its own check', async (_name, change, verifyOptions, check, message) => {
    const outcome = await verifyAttestation(await change(await signWith(key.privatePem)), verifyOptions);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.failures).toEqual([{ check, message: expect.stringMatching(message) }]);
  });

  it('fails a FAILED decision on the result check alone', async () => {
    const outcome = await verifyAttestation(await signWith(key.privatePem, 'FAILED'), options);
    expect(!outcome.ok && outcome.failures).toEqual([
      { check: 'result', message: 'verificationResult is "FAILED": the gate did not pass' },
    ]);
  });
});

/** Turns a signed FAILED into PASSED without re-signing: the attack the signature exists to stop. */
async function tamper(bundle: Record<string, unknown>): Promise<Record<string, unknown>> {
  const failed = await signWith(keyPair('p256').privatePem, 'FAILED');
  const envelope = failed.dsseEnvelope as { payload: string };
  const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString()) as { predicate: object };
  const passed = { ...statement, predicate: { ...statement.predicate, verificationResult: 'PASSED' } };
  const dsse = {
    ...(bundle.dsseEnvelope as object),
    payload: Buffer.from(JSON.stringify(passed)).toString('base64'),
  };
  return { ...bundle, dsseEnvelope: dsse };
}

describe('what is not a signed decision', () => {
  const key = keyPair('p256');

  it('reports an unsigned statement as unsigned, and still checks its content', async () => {
    const outcome = await verifyAttestation(decision('FAILED'), { key: key.publicPem });
    expect(!outcome.ok && outcome.failures.map((f) => f.check)).toEqual(['signature', 'result']);
    expect(!outcome.ok && outcome.failures[0]?.message).toMatch(/unsigned in-toto statement/);
  });

  it('reports a signed SBOM statement as the wrong predicate type', async () => {
    const sbom = { bomFormat: 'CycloneDX', specVersion: '1.6', serialNumber: 'urn:uuid:1' };
    const statement = sbomStatement({ subjects: [{ name: 's', digest: { sha256: hex('s') } }], sbom });
    const signed = await keySigner({ privateKeyPem: key.privatePem }).sign(statement);
    const outcome = await verifyAttestation(JSON.parse(JSON.stringify(signed.document)), {
      key: key.publicPem,
    });
    expect(!outcome.ok && outcome.failures).toEqual([
      { check: 'predicate-type', message: expect.stringMatching(/"https:\/\/cyclonedx.org\/bom", expected/) },
    ]);
  });

  it.each([
    [42, ['signature', 'statement-type'], /not a JSON object/],
    [{ mediaType: 'x' }, ['signature', 'statement-type'], /not a valid Sigstore bundle/],
    [
      { payload: 'e30=', payloadType: 'text/plain', signatures: [] },
      ['signature', 'statement-type'],
      /bare DSSE/,
    ],
  ])('rejects %j', async (document, checks, message) => {
    const outcome = await verifyAttestation(document, { key: key.publicPem });
    expect(!outcome.ok && outcome.failures.map((f) => f.check)).toEqual(checks);
    expect(!outcome.ok && outcome.failures[0]?.message).toMatch(message);
  });
});

interface MockSigstore {
  readonly url: string;
  readonly root: TrustedRoot;
  close(): Promise<void>;
}

const bytes = (view: ArrayBufferView): Buffer => Buffer.from(view.buffer, view.byteOffset, view.byteLength);

/** Serves @sigstore/mock handlers over real HTTP on 127.0.0.1, so @sigstore/sign runs its own network code. */
async function serve(routes: ReadonlyMap<string, HandlerFn>): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const handle = routes.get(request.url ?? '');
      if (!handle) return void response.writeHead(404).end();
      void handle(Buffer.concat(chunks).toString('utf8')).then(
        ({ statusCode, response: body, contentType }) => {
          response.writeHead(statusCode, { 'content-type': contentType ?? 'text/plain' });
          response.end(typeof body === 'string' ? body : bytes(body));
        },
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

interface MockServices {
  readonly ca: Awaited<ReturnType<typeof initializeCA>>;
  readonly ctlog: Awaited<ReturnType<typeof initializeCTLog>>;
  readonly tsa: Awaited<ReturnType<typeof initializeTSA>>;
}

/** The trust root a verifier of the mock's bundles needs: its CA, CT log and timestamp authority. */
function trustRootFor(url: string, { ca, ctlog, tsa }: MockServices): TrustedRoot {
  const validFor = { start: new Date(0) };
  const authority = (certificates: ArrayBufferView[]) => ({
    subject: undefined,
    operator: 'mock',
    uri: url,
    certChain: { certificates: certificates.map((certificate) => ({ rawBytes: bytes(certificate) })) },
    validFor,
  });
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot.v0.2+json',
    tlogs: [],
    certificateAuthorities: [authority([ca.rootCertificate])],
    ctlogs: [
      {
        baseUrl: url,
        hashAlgorithm: HashAlgorithm.SHA2_256,
        publicKey: {
          rawBytes: ctlog.publicKey,
          keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,
          validFor,
        },
        logId: { keyId: bytes(ctlog.logID) },
        checkpointKeyId: undefined,
        operator: 'mock',
      },
    ],
    // The TSA signs with its intermediate certificate, which chains to its root.
    timestampAuthorities: [authority([tsa.intCertificate, tsa.rootCertificate])],
  };
}

async function startMockSigstore(): Promise<MockSigstore> {
  const newKey = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  // One fixed clock for the CA, CT log and TSA, so the timestamp lies inside the certificate's validity, with
  // three significant millisecond digits: the mock writes GeneralizedTime fractions without trailing zeros
  // (".5"), which @sigstore/core's parser refuses as "invalid time". A minute ahead: the mock's root and
  // intermediate certificates start at the real time of their creation, which a busy machine can push past
  // a clock taken before them.
  const clock = new Date(Date.now() + 60_000);
  clock.setMilliseconds(123);
  const ctlog = await initializeCTLog(newKey(), clock);
  const ca = await initializeCA(newKey(), ctlog, clock);
  const tsa = await initializeTSA(newKey(), clock);
  const handlers = [fulcioHandler(ca), tsaHandler(tsa)];
  const { url, server } = await serve(new Map(handlers.map((handler) => [handler.path, handler.fn])));
  const close = (): Promise<void> =>
    new Promise((done) => {
      server.close(() => {
        done();
      });
    });
  return { url, root: trustRootFor(url, { ca, ctlog, tsa }), close };
}

function oidcToken(claims: Record<string, string>): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ aud: 'sigstore', ...claims })}.c2ln`;
}

describe('keyless', () => {
  let mock: MockSigstore;
  let bundle: Record<string, unknown>;
  let keyless: VerifyOptions;

  beforeAll(async () => {
    mock = await startMockSigstore();
    const identityToken = (): Promise<string> => Promise.resolve(oidcToken({ iss: ISSUER, sub: IDENTITY }));
    // The mock's Rekor entries do not verify (FACTS.md), so the timestamp authority witnesses instead.
    const signer = keylessSigner({ identityToken, fulcioURL: mock.url, tsaURL: mock.url, tlogUpload: false });
    bundle = JSON.parse(JSON.stringify((await signer.sign(decision())).document)) as Record<string, unknown>;
    const trustedRoot = (): Promise<TrustedRoot> => Promise.resolve(mock.root);
    keyless = {
      certificateIdentity: IDENTITY,
      certificateOidcIssuer: ISSUER,
      trustedRoot,
      tlogThreshold: 0,
      ...CHECKS,
    };
  });
  afterAll(() => mock.close());

  it('writes a v0.3 bundle with the Fulcio certificate and an RFC 3161 timestamp', () => {
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    const material = bundle.verificationMaterial as Record<string, { rfc3161Timestamps?: unknown[] }>;
    expect(Object.keys(material).sort()).toEqual(['certificate', 'timestampVerificationData']);
    expect(material.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1);
  });

  it('verifies against the mock trust root for the expected identity', async () => {
    const outcome = await verifyAttestation(bundle, keyless);
    expect(outcome.ok && outcome.summary.result).toBe('PASSED');
  });

  it.each<[string, Partial<VerifyOptions>, RegExp]>([
    [
      'another workflow',
      { certificateIdentity: IDENTITY.replace('release', 'evil') },
      /identity does not match/,
    ],
    [
      'another issuer',
      { certificateOidcIssuer: 'https://accounts.google.com' },
      /identity does not match.*issuer/,
    ],
    ['no expected identity', { certificateIdentity: undefined }, /needs the expected certificate identity/],
    ['a key instead', { key: keyPair('p256').publicPem }, /signed with a certificate \(keyless\), but a key/],
  ])('fails for %s', async (_name, change, message) => {
    const outcome = await verifyAttestation(bundle, { ...keyless, ...change });
    expect(!outcome.ok && outcome.failures).toEqual([
      { check: 'signature', message: expect.stringMatching(message) },
    ]);
  });

  it('fails against a trust root that does not hold the CA', async () => {
    const other = await startMockSigstore();
    await other.close();
    const outcome = await verifyAttestation(bundle, {
      ...keyless,
      trustedRoot: () => Promise.resolve(other.root),
    });
    expect(!outcome.ok && outcome.failures.map((f) => f.check)).toEqual(['signature']);
  });

  it('cannot judge without a trust root', async () => {
    const trustedRoot = (): Promise<TrustedRoot> => Promise.reject(new Error('offline'));
    await expect(verifyAttestation(bundle, { ...keyless, trustedRoot })).rejects.toMatchObject({
      code: 'TRUST_ROOT_UNAVAILABLE',
      message: expect.stringMatching(/could not load the Sigstore trust root: offline/),
    });
  });

  it('verifies through the CLI with the trust root injected', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vouch-verify-'));
    await writeFile(join(dir, 'd.sigstore.json'), JSON.stringify(bundle));
    const out: string[] = [];
    const io = {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => out.push(t),
      cwd: dir,
      ports: { fs: new NodeFileSystem() },
    };
    const args = {
      bundle: 'd.sigstore.json',
      certificateIdentity: IDENTITY,
      certificateOidcIssuer: ISSUER,
      commit: SHA,
    };
    expect(await runVerify(args, io, { trustedRoot: keyless.trustedRoot, tlogThreshold: 0 })).toBe(0);
    expect(out).toContain(`  ✓ signature: signed by ${IDENTITY} (issuer ${ISSUER})`);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('vouch verify (runVerify)', () => {
  const key = keyPair('ed25519');
  let dir = '';
  const run = async (
    args: Parameters<typeof runVerify>[0],
  ): Promise<{ code: number; out: string[]; err: string[] }> => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
      cwd: dir,
      ports: { fs: new NodeFileSystem() },
    };
    return { code: await runVerify(args, io), out, err };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vouch-verify-cli-'));
    await writeFile(join(dir, 'pass.sigstore.json'), JSON.stringify(await signWith(key.privatePem)));
    await writeFile(
      join(dir, 'fail.sigstore.json'),
      JSON.stringify(await signWith(key.privatePem, 'FAILED')),
    );
    await writeFile(join(dir, 'key.pub'), key.publicPem);
    await writeFile(join(dir, 'policy.yml'), POLICY);
    await writeFile(join(dir, 'other.yml'), 'other');
    await writeFile(join(dir, 'broken.json'), '{');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exits 0 when every check holds, with the key as a file or as PEM text', async () => {
    const passed = await run({
      bundle: 'pass.sigstore.json',
      key: 'key.pub',
      commit: SHA.toUpperCase(),
      policy: 'policy.yml',
    });
    expect(passed).toMatchObject({ code: 0, err: [] });
    expect(passed.out).toEqual([
      'pass.sigstore.json: verified',
      '  ✓ signature: signed by the given key',
      `  ✓ decision: PASSED by https://github.com/acme/vouch@v1.2.3 for git+https://github.com/o/r@${SHA}`,
      `  ✓ subject: ${SHA.toUpperCase()}`,
      '  ✓ policy: policy.yml',
    ]);
    const inline = await run({ bundle: 'pass.sigstore.json', key: key.publicPem });
    expect(inline.code).toBe(0);
    expect(inline.out).toContain('  - subject: not checked (give --subject FILE or --commit SHA)');
  });

  it('exits 1 and names each failed check', async () => {
    const failed = await run({
      bundle: 'fail.sigstore.json',
      key: 'key.pub',
      subject: 'policy.yml',
      policy: 'other.yml',
    });
    expect(failed.code).toBe(1);
    expect(failed.err[0]).toBe('fail.sigstore.json: verification failed');
    expect(failed.err.slice(1).map((line) => line.split(':')[0])).toEqual([
      '  ✗ subject',
      '  ✗ result',
      '  ✗ policy',
    ]);
  });

  it.each([
    [{ bundle: 'pass.sigstore.json' }, /give --key PEM, or both/],
    [{ bundle: 'pass.sigstore.json', certificateIdentity: IDENTITY }, /give --key PEM, or both/],
    [{ bundle: 'pass.sigstore.json', key: 'key.pub', certificateOidcIssuer: ISSUER }, /not both/],
    [
      { bundle: 'pass.sigstore.json', key: 'key.pub', subject: 'policy.yml', commit: SHA },
      /--subject FILE or --commit SHA, not both/,
    ],
    [{ bundle: 'pass.sigstore.json', key: 'key.pub', commit: 'main' }, /--commit must be a full/],
    [{ bundle: 'missing.json', key: 'key.pub' }, /cannot read the attestation missing.json/],
    [{ bundle: 'broken.json', key: 'key.pub' }, /broken.json is not JSON/],
    [{ bundle: 'pass.sigstore.json', key: 'nokey.pub' }, /cannot read the key nokey.pub/],
  ])('exits 2 when it cannot verify: %j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toMatch(message);
  });
});
