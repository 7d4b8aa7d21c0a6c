import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runAction, type ActionRun } from '../helpers/action-runner.js';
import { fixtureRepo, plantedSecret } from '../helpers/repos.js';
import { installedTool } from '../helpers/tools.js';

const COMMIT = 'c0ffee'.padEnd(40, '0');
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const keyDir = mkdtempSync(join(tmpdir(), 'vouch-keys-'));
const PUBLIC_KEY = join(keyDir, 'vouch.pub');
writeFileSync(PUBLIC_KEY, publicKey.export({ type: 'spki', format: 'pem' }).toString());

function signedRun(repo: string): ActionRun {
  return runAction(repo, { 'attestation-signing': 'key', 'signing-key': PRIVATE_PEM }, undefined, {
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SHA: COMMIT,
    GITHUB_SERVER_URL: 'https://github.com',
  });
}

function verify(bundle: string, extra: string[]) {
  return spawnSync(process.execPath, ['dist/cli/index.js', 'verify', bundle, '--key', PUBLIC_KEY, ...extra], {
    encoding: 'utf8',
    env: { PATH: dirname(process.execPath), HOME: process.env.HOME },
  });
}

describe('the action writes an SBOM and a signed decision attestation a deploy job can verify', () => {
  let clean: ActionRun;
  let blocked: ActionRun;
  const secret = plantedSecret();

  beforeAll(async () => {
    await installedTool('gitleaks');
    clean = signedRun(fixtureRepo('clean'));
    blocked = signedRun(fixtureRepo('planted', secret));
  });

  it('sets sbom-file and attestation-file to a CycloneDX SBOM and a Sigstore bundle', () => {
    expect(clean.outputs.decision).toBe('pass');
    const sbom = JSON.parse(readFileSync(clean.outputs['sbom-file'] ?? '', 'utf8')) as {
      bomFormat: string;
      metadata: { component: { version: string } };
    };
    expect(sbom).toMatchObject({ bomFormat: 'CycloneDX', metadata: { component: { version: COMMIT } } });
    const bundle = JSON.parse(readFileSync(clean.outputs['attestation-file'] ?? '', 'utf8')) as {
      mediaType: string;
      dsseEnvelope: { payloadType: string };
    };
    expect(bundle).toMatchObject({
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      dsseEnvelope: { payloadType: 'application/vnd.in-toto+json' },
    });
    expect(clean.outputs['sbom-attestation-file']).toMatch(/vouch-sbom\.sigstore\.json$/);
  });

  it('verifies a passing decision for the commit under the policy it was made with', () => {
    const run = verify(clean.outputs['attestation-file'] ?? '', [
      '--commit',
      COMMIT,
      '--policy',
      'policies/default.yml',
    ]);
    expect(run.stdout + run.stderr).not.toMatch(/✗/);
    expect(run.status).toBe(0);
  });

  it('refuses a failing decision, another commit and another policy, each saying which check failed', () => {
    const failed = verify(blocked.outputs['attestation-file'] ?? '', ['--commit', COMMIT]);
    expect(failed.status).toBe(1);
    expect(failed.stdout + failed.stderr).toMatch(/✗ result/);
    const otherCommit = verify(clean.outputs['attestation-file'] ?? '', ['--commit', 'f'.repeat(40)]);
    expect(otherCommit.status).toBe(1);
    expect(otherCommit.stdout + otherCommit.stderr).toMatch(/✗ subject/);
    const otherPolicy = verify(clean.outputs['attestation-file'] ?? '', ['--policy', 'policies/strict.yml']);
    expect(otherPolicy.status).toBe(1);
    expect(otherPolicy.stdout + otherPolicy.stderr).toMatch(/✗ policy/);
  });

  it('leaks neither the signing key nor the planted secret', () => {
    for (const run of [clean, blocked]) {
      // `::add-mask::` commands are consumed by the runner to mask the value; they never reach the log.
      const printed = run.log
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n');
      expect(printed).not.toContain('PRIVATE KEY');
      expect(printed).not.toContain(PRIVATE_PEM.split('\n')[1]);
      for (const name of readdirSync(run.outDir)) {
        const text = readFileSync(join(run.outDir, name), 'utf8');
        expect(text).not.toContain('PRIVATE KEY');
        expect(text).not.toContain(secret);
      }
    }
  });
});
