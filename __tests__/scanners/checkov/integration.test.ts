import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomInt } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCheckovAdapter } from '../../../src/scanners/checkov/adapter.js';
import { checkovRule, tableEntry } from '../../../src/scanners/checkov/rules.js';
import type { ScanContext, ScanOutcome } from '../../../src/scanners/scanner.js';
import { installedTool, realPorts } from '../../helpers/tools.js';

/** What discovery would keep: everything but excluded/, as if the policy excluded it. */
const FILES = [
  '.checkov.yaml',
  '.github/workflows/ci.yml',
  'broken/invalid.tf',
  'checks/__init__.py',
  'checks/marker.py',
  'cloudformation/storage.yaml',
  'docker/Dockerfile',
  'infra/main.tf',
  'infra/provider.tf',
  'k8s/deployment.yaml',
  'suppressed/main.tf',
];

/** Shaped like an AWS key pair, generated per run so no real-looking key is ever committed. */
function fakeAwsKeyPair(): { accessKey: string; secretKey: string } {
  const pick = (alphabet: string, length: number): string =>
    Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return {
    accessKey: `AKIA${pick(`${upper}234567`, 16)}`,
    secretKey: pick(`${upper}${upper.toLowerCase()}0123456789/+`, 40),
  };
}

let checkov: string;
let root: string;
const key = fakeAwsKeyPair();

beforeAll(async () => {
  // Fails, never skips, when the pinned Checkov is missing.
  checkov = process.env.VOUCH_TEST_CHECKOV ?? (await installedTool('checkov'));
  root = mkdtempSync(join(tmpdir(), 'vouch-checkov-repo-'));
  cpSync('__fixtures__/checkov/repo', root, { recursive: true });
  const provider = `provider "aws" {\n  region     = "us-east-1"\n  access_key = "${key.accessKey}"\n  secret_key = "${key.secretKey}"\n}\n`;
  writeFileSync(join(root, 'infra/provider.tf'), provider);
});

function context(repo: string, files: readonly string[], executable: string | null = checkov): ScanContext {
  return {
    root: repo,
    files,
    workDir: mkdtempSync(join(tmpdir(), 'vouch-checkov-work-')),
    timeoutMs: 300_000,
    ...(executable === null ? {} : { executable }),
    ports: realPorts(),
  };
}

function scan(scanContext: ScanContext): Promise<ScanOutcome> {
  return createCheckovAdapter({ version: '3.3.30', maxFileBytes: 1024 * 1024 }).scan(scanContext);
}

function findings(outcome: ScanOutcome): Extract<ScanOutcome, { kind: 'findings' }> {
  if (outcome.kind !== 'findings') throw new Error(`expected findings, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('checkov adapter with the real checkov', () => {
  let outcome: ScanOutcome;
  beforeAll(async () => {
    outcome = await scan(context(root, FILES));
  });

  it('reports the checks each fixture file fails, repository-relative and only in kept files', () => {
    const { tool, detections } = findings(outcome);
    expect(tool).toEqual({ name: 'checkov', version: '3.3.30', informationUri: 'https://www.checkov.io' });
    const byPath: Record<string, string[]> = {};
    for (const { ruleId, location } of detections) (byPath[location.path] ??= []).push(ruleId.slice(8));
    for (const ids of Object.values(byPath)) ids.sort();
    expect(byPath).toEqual({
      '.github/workflows/ci.yml': ['CKV2_GHA_1', 'CKV_GHA_2'],
      'cloudformation/storage.yaml': [
        ...['CKV_AWS_18', 'CKV_AWS_20', 'CKV_AWS_21', 'CKV_AWS_23', 'CKV_AWS_25'],
        ...['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56', 'CKV_AWS_57'],
      ],
      'docker/Dockerfile': ['CKV_DOCKER_2', 'CKV_DOCKER_3', 'CKV_DOCKER_4', 'CKV_DOCKER_7'],
      'infra/main.tf': [
        ...['CKV2_AWS_5', 'CKV2_AWS_6', 'CKV2_AWS_61', 'CKV2_AWS_62', 'CKV_AWS_144'],
        ...['CKV_AWS_145', 'CKV_AWS_18', 'CKV_AWS_20', 'CKV_AWS_21', 'CKV_AWS_24'],
      ],
      'infra/provider.tf': ['CKV_AWS_41', 'CKV_SECRET_2', 'CKV_SECRET_6'],
      'k8s/deployment.yaml': [
        ...['CKV2_K8S_6', 'CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13', 'CKV_K8S_14', 'CKV_K8S_16'],
        ...['CKV_K8S_20', 'CKV_K8S_22', 'CKV_K8S_23', 'CKV_K8S_28', 'CKV_K8S_29', 'CKV_K8S_31', 'CKV_K8S_37'],
        ...['CKV_K8S_38', 'CKV_K8S_40', 'CKV_K8S_43', 'CKV_K8S_8', 'CKV_K8S_9'],
      ],
      'suppressed/main.tf': [
        'CKV2_AWS_6',
        'CKV2_AWS_61',
        'CKV2_AWS_62',
        'CKV_AWS_144',
        'CKV_AWS_145',
        'CKV_AWS_18',
        'CKV_AWS_21',
      ],
    });
  });

  it.each([
    ['CKV_AWS_24', 'infra/main.tf', { startLine: 6, endLine: 17 }, 'high', ['CWE-284']],
    ['CKV_AWS_20', 'infra/main.tf', { startLine: 1, endLine: 4 }, 'high', ['CWE-284']],
    ['CKV_AWS_57', 'cloudformation/storage.yaml', { startLine: 4, endLine: 7 }, 'critical', ['CWE-284']],
    ['CKV_AWS_25', 'cloudformation/storage.yaml', { startLine: 8, endLine: 16 }, 'high', ['CWE-284']],
    ['CKV_K8S_16', 'k8s/deployment.yaml', { startLine: 1, endLine: 21 }, 'high', ['CWE-250', 'CWE-269']],
    ['CKV_K8S_23', 'k8s/deployment.yaml', { startLine: 1, endLine: 21 }, 'medium', ['CWE-250', 'CWE-269']],
    ['CKV_K8S_13', 'k8s/deployment.yaml', { startLine: 1, endLine: 21 }, 'medium', ['CWE-770']],
    ['CKV_DOCKER_7', 'docker/Dockerfile', { startLine: 1, endLine: 1 }, 'medium', ['CWE-829', 'CWE-1357']],
    ['CKV_DOCKER_4', 'docker/Dockerfile', { startLine: 3, endLine: 3 }, 'medium', ['CWE-494']],
    ['CKV_DOCKER_3', 'docker/Dockerfile', { startLine: 1, endLine: 5 }, 'medium', ['CWE-250', 'CWE-269']],
    ['CKV_GHA_2', '.github/workflows/ci.yml', { startLine: 8, endLine: 11 }, 'high', ['CWE-78', 'CWE-94']],
    // Checkov reports this workflow-level check at [0, 1].
    [
      'CKV2_GHA_1',
      '.github/workflows/ci.yml',
      { startLine: 1, endLine: 1 },
      'medium',
      ['CWE-250', 'CWE-732'],
    ],
    ['CKV_AWS_41', 'infra/provider.tf', { startLine: 1, endLine: 5 }, 'high', ['CWE-798']],
    // Secrets come as [line, line + 1]: the access key is on line 3, the secret key on line 4.
    ['CKV_SECRET_2', 'infra/provider.tf', { startLine: 3, endLine: 3 }, 'high', ['CWE-798']],
    ['CKV_SECRET_6', 'infra/provider.tf', { startLine: 4, endLine: 4 }, 'high', ['CWE-798']],
  ])('%s in %s at its lines, with Vouch severity and CWE', (check, path, region, severity, cwe) => {
    const { detections, rules } = findings(outcome);
    const detection = detections.find((d) => d.ruleId === `checkov/${check}` && d.location.path === path);
    expect(detection?.location.region).toEqual(region);
    expect(rules.find((rule) => rule.id === `checkov/${check}`)).toMatchObject({ severity, cwe });
  });

  it('describes each check once, from Vouch’s table, with Checkov’s name and policy index', () => {
    const { rules, detections } = findings(outcome);
    expect(new Set(rules.map((rule) => rule.id))).toEqual(new Set(detections.map((d) => d.ruleId)));
    expect(rules.length).toBe(new Set(rules.map((rule) => rule.id)).size);
    for (const rule of rules) expect(tableEntry(rule.id.slice(8)).listed).toBe(true);
    expect(rules.find((rule) => rule.id === 'checkov/CKV_AWS_24')).toMatchObject({
      name: 'Ensure no security groups allow ingress from 0.0.0.0:0 to port 22',
      helpUri: 'https://www.checkov.io/5.Policy%20Index/terraform.html',
      securitySeverity: 8,
      precision: 'high',
      tags: ['iac', 'terraform', 'network'],
    });
    expect(rules.find((rule) => rule.id === 'checkov/CKV_SECRET_2')).toMatchObject({
      asvs: ['v5.0.0-13.3.1'],
      tags: ['iac', 'secrets', 'secret'],
    });
  });

  it('never carries the secret, or the hash Checkov puts in its place, into detections, rules or notes', () => {
    const text = JSON.stringify(outcome);
    expect(text).not.toContain(key.accessKey);
    expect(text).not.toContain(key.accessKey.slice(4));
    expect(text).not.toContain(key.secretKey);
    expect(text).not.toMatch(/[0-9a-f]{40}/);
    const secret = findings(outcome).detections.find((d) => d.ruleId === 'checkov/CKV_SECRET_2');
    expect(secret?.message).toBe(
      'AWS Access Key: Checkov found a value that looks like a credential. The value is not shown here; rotate it and load it from a secret store.',
    );
  });

  it('names the unparseable file, the inline skip and the results outside discovery in notes', () => {
    expect(findings(outcome).notes).toEqual([
      {
        path: 'broken/invalid.tf',
        message: 'checkov could not parse broken/invalid.tf (terraform); its checks did not run on that file',
      },
      {
        path: 'suppressed/main.tf',
        message: expect.stringMatching(
          /^an inline checkov:skip kept Checkov from evaluating CKV_AWS_20 on the resource at suppressed\/main\.tf lines 1-5; Vouch does not honour inline suppressions/,
        ) as unknown,
      },
      {
        message:
          "3 checkov result(s) in files excluded by .gitignore, the policy or discovery's limits were not reported",
      },
    ]);
  });

  it("ignores the repository's .checkov.yaml: no soft-fail, no skipped check, no Python loaded from it", () => {
    const { detections } = findings(outcome);
    expect(detections.some((d) => d.ruleId === 'checkov/CKV_DOCKER_3')).toBe(true);
    expect(existsSync(join(root, 'checks', 'IMPORTED'))).toBe(false);
  });
});

describe('checkov adapter edge cases with the real checkov', () => {
  it('is clean, without notes, on a repository with nothing Checkov scans', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'vouch-checkov-empty-'));
    writeFileSync(join(empty, 'README.md'), '# nothing to scan\n');
    const clean = await scan(context(empty, ['README.md']));
    expect(clean).toMatchObject({ kind: 'clean', rules: [], notes: [] });
  });

  it('fails with BAD_OUTPUT when Checkov exits 0 without writing a report (a root that does not exist)', async () => {
    const failed = await scan(context(join(tmpdir(), 'vouch-checkov-missing-root'), []));
    if (failed.kind !== 'error') throw new Error(`expected an error, got ${failed.kind}`);
    expect(failed.error).toMatchObject({
      code: 'BAD_OUTPUT',
      message: 'checkov wrote no report',
      exitCode: 0,
    });
    expect(failed.error.stderrTail).toMatch(/does not exist/);
  });

  it('reports NOT_INSTALLED without an executable', async () => {
    const missing = await scan(context(root, FILES, null));
    expect(missing).toMatchObject({ kind: 'error', error: { code: 'NOT_INSTALLED', scanner: 'checkov' } });
  });
});

describe("Vouch's Checkov table (data/scanners/checkov.json)", () => {
  it('makes every secret check high with CWE-798, listed or not', () => {
    for (const id of ['CKV_SECRET_2', 'CKV_SECRET_6', 'CKV_SECRET_999']) {
      expect(tableEntry(id)).toMatchObject({
        severity: 'high',
        family: { name: 'secret', cwe: ['CWE-798'] },
      });
    }
    expect(tableEntry('CKV_SECRET_999').listed).toBe(false);
  });

  it('gives an unlisted check, graph checks included, the catch-all medium misconfiguration', () => {
    for (const id of ['CKV_AWS_99999', 'CKV2_AZURE_99999', 'CKV_NEWFRAMEWORK_1']) {
      expect(tableEntry(id)).toMatchObject({
        severity: 'medium',
        listed: false,
        family: { name: 'misconfiguration', cwe: ['CWE-16'] },
      });
    }
  });

  it('lists well over a hundred checks across the frameworks Vouch runs', () => {
    const prefixes = [
      'CKV_AWS_',
      'CKV2_AWS_',
      'CKV_AZURE_',
      'CKV_GCP_',
      'CKV_K8S_',
      'CKV_DOCKER_',
      'CKV2_DOCKER_',
    ];
    const listed = (id: string): boolean => tableEntry(id).listed;
    for (const prefix of prefixes) expect(listed(`${prefix}2`)).toBe(true);
    expect(['CKV_GHA_2', 'CKV2_GHA_1', 'CKV_SECRET_13', 'CKV_TF_1'].every(listed)).toBe(true);
    const sample = Array.from({ length: 400 }, (_, n) => `CKV_AWS_${n}`).filter(listed);
    expect(sample.length).toBeGreaterThan(100);
  });

  it("builds the rule from Checkov's guideline when there is one, else the framework's policy index", () => {
    const base = {
      checkType: 'kubernetes',
      checkId: 'CKV_K8S_16',
      checkName: 'Container should not be privileged',
      filePath: '/k.yaml',
    };
    expect(checkovRule(base)).toMatchObject({
      id: 'checkov/CKV_K8S_16',
      shortDescription: 'Container should not be privileged',
      helpUri: 'https://www.checkov.io/5.Policy%20Index/kubernetes.html',
      severity: 'high',
      securitySeverity: 8,
      asvs: ['v5.0.0-13.2.2'],
    });
    const guided = checkovRule({ ...base, guideline: 'https://docs.example.test/k8s-16' });
    expect(guided.helpUri).toBe('https://docs.example.test/k8s-16');
    expect(guided.help).toContain('https://docs.example.test/k8s-16');
  });
});
