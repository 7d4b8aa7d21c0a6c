import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NodeFileSystem } from '../../src/core/node-file-system.js';
import {
  AttestationError,
  COUNTS_EXTENSION,
  decisionStatement,
  parseStatement,
  sbomStatement,
  STATEMENT_TYPE,
  subjectsFor,
  type DecisionInput,
} from '../../src/supplychain/intoto.js';

const SHA = 'a'.repeat(40);
const HEX = (text: string): string => createHash('sha256').update(text).digest('hex');

function decisionInput(overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    subjects: [{ name: 'https://github.com/o/r', digest: { gitCommit: SHA } }],
    verifierId: 'https://github.com/acme/vouch@v1.2.3',
    resourceUri: `git+https://github.com/o/r@${SHA}`,
    policy: { uri: 'https://github.com/o/r/blob/main/.vouch/policy.yml', digest: { sha256: HEX('policy') } },
    inputs: {
      sarif: { uri: 'vouch.sarif', sha256: HEX('sarif') },
      sbom: { uri: 'sbom.cdx.json', sha256: HEX('sbom') },
    },
    result: 'PASSED',
    timeVerified: new Date('2026-11-02T10:00:00.000Z'),
    counts: { bySeverity: { critical: 0, high: 2 }, byOwasp2025: { A05: 1 }, blocking: 0 },
    ...overrides,
  };
}

describe('decisionStatement', () => {
  it('writes a SLSA VSA v1 with the policy digest, the inputs and the counts under a URI key', () => {
    const statement = decisionStatement(decisionInput());
    expect(statement).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'https://github.com/o/r', digest: { gitCommit: SHA } }],
      predicateType: 'https://slsa.dev/verification_summary/v1',
      predicate: {
        verifier: { id: 'https://github.com/acme/vouch@v1.2.3' },
        timeVerified: '2026-11-02T10:00:00.000Z',
        resourceUri: `git+https://github.com/o/r@${SHA}`,
        policy: {
          uri: 'https://github.com/o/r/blob/main/.vouch/policy.yml',
          digest: { sha256: HEX('policy') },
        },
        inputAttestations: [
          { uri: 'vouch.sarif', digest: { sha256: HEX('sarif') } },
          { uri: 'sbom.cdx.json', digest: { sha256: HEX('sbom') } },
        ],
        verificationResult: 'PASSED',
        verifiedLevels: ['VOUCH_POLICY_PASSED'],
        'https://vouch.dev/counts/v1': {
          bySeverity: { critical: 0, high: 2 },
          byOwasp2025: { A05: 1 },
          blocking: 0,
        },
      },
    });
  });

  it('derives the levels from the result and never uses the reserved SLSA_ prefix', () => {
    const failed = decisionStatement(decisionInput({ result: 'FAILED' })).predicate;
    expect(failed.verificationResult).toBe('FAILED');
    expect(failed.verifiedLevels).toEqual(['FAILED']);
    expect(failed[COUNTS_EXTENSION].blocking).toBe(0);
    for (const level of [
      ...failed.verifiedLevels,
      ...decisionStatement(decisionInput()).predicate.verifiedLevels,
    ]) {
      expect(level).toMatch(/^[A-Z_]+$/);
      expect(level.startsWith('SLSA_')).toBe(false);
    }
  });

  it('leaves the SBOM out of the inputs when there is none', () => {
    const input = decisionInput();
    const statement = decisionStatement({ ...input, inputs: { sarif: input.inputs.sarif } });
    expect(statement.predicate.inputAttestations).toHaveLength(1);
  });

  it.each([
    [{ subjects: [] }, /at least one subject/],
    [{ subjects: [{ name: 'x', digest: {} }] }, /subject\[0\] \(x\) has no digest/],
    [{ subjects: [{ name: 'x', digest: { sha256: 'ABC' } }] }, /sha256 "ABC" is not lowercase hex/],
    [{ subjects: [{ name: 'r', digest: { gitCommit: 'main' } }] }, /gitCommit "main"/],
    [{ policy: { uri: 'p', digest: { sha256: 'nope' } } }, /policy: sha256 "nope"/],
  ])('refuses %j', (overrides, message) => {
    expect(() => decisionStatement(decisionInput(overrides as Partial<DecisionInput>))).toThrow(message);
  });
});

describe('sbomStatement', () => {
  const sbom = { bomFormat: 'CycloneDX', specVersion: '1.6', serialNumber: 'urn:uuid:1', components: [] };
  const subjects = [{ name: 'sbom.cdx.json', digest: { sha256: HEX('sbom') } }];

  it('wraps the SBOM as a CycloneDX predicate', () => {
    expect(sbomStatement({ subjects, sbom })).toEqual({
      _type: STATEMENT_TYPE,
      subject: subjects,
      predicateType: 'https://cyclonedx.org/bom',
      predicate: sbom,
    });
  });

  it.each(['bomFormat', 'specVersion', 'serialNumber'])('refuses an SBOM without %s', (field) => {
    const partial = Object.fromEntries(Object.entries(sbom).filter(([name]) => name !== field));
    expect(() => sbomStatement({ subjects, sbom: partial })).toThrow(new RegExp(`no ${field}`));
  });
});

describe('subjectsFor', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vouch-intoto-'));
    await mkdir(join(dir, 'other'));
    await writeFile(join(dir, 'vouch.sarif'), 'sarif');
    await writeFile(join(dir, 'sbom.cdx.json'), 'sbom');
    await writeFile(join(dir, 'other', 'vouch.sarif'), 'x');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('hashes files, names them without the runner path and adds the commit', async () => {
    const subjects = await subjectsFor(new NodeFileSystem(), {
      files: [join(dir, 'vouch.sarif'), join(dir, 'sbom.cdx.json')],
      commit: SHA.toUpperCase(),
      repo: 'https://github.com/o/r',
    });
    expect(subjects).toEqual([
      { name: 'vouch.sarif', digest: { sha256: HEX('sarif') } },
      { name: 'sbom.cdx.json', digest: { sha256: HEX('sbom') } },
      { name: 'https://github.com/o/r', digest: { gitCommit: SHA } },
    ]);
  });

  it('refuses two files with one name, a commit without a repository, and nothing at all', async () => {
    const fs = new NodeFileSystem();
    const twice = [join(dir, 'vouch.sarif'), join(dir, 'other', 'vouch.sarif')];
    await expect(subjectsFor(fs, { files: twice })).rejects.toThrow(
      /two subjects would be named "vouch.sarif"/,
    );
    await expect(subjectsFor(fs, { files: [], commit: SHA })).rejects.toThrow(/needs the repository name/);
    await expect(subjectsFor(fs, { files: [] })).rejects.toBeInstanceOf(AttestationError);
  });
});

describe('parseStatement', () => {
  it('reads back what decisionStatement writes', () => {
    const statement = decisionStatement(decisionInput());
    expect(parseStatement(JSON.parse(JSON.stringify(statement)))).toEqual({ ok: true, statement });
  });

  it.each([
    ['x', /not a JSON object/],
    [{ _type: 'https://in-toto.io/Statement/v0.1' }, /_type is "https:\/\/in-toto.io\/Statement\/v0.1"/],
    [{ _type: STATEMENT_TYPE, subject: [] }, /no subject/],
    [{ _type: STATEMENT_TYPE, subject: [{ name: 'a' }] }, /subject\[0\] has no string digest set/],
    [{ _type: STATEMENT_TYPE, subject: [{ name: 'a', digest: { sha256: 1 } }] }, /subject\[0\]/],
    [{ _type: STATEMENT_TYPE, subject: [{ digest: { sha256: 'ab' } }] }, /no predicateType/],
  ])('rejects %j', (value, message) => {
    const parsed = parseStatement(value);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});
