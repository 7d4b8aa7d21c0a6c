import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGate } from '../../src/core/pipeline.js';
import type { RuleDescriptor } from '../../src/findings/finding.js';
import { parsePolicy } from '../../src/policy/load.js';
import type { ScannerAdapter, ScanOutcome } from '../../src/scanners/scanner.js';
import { realPorts } from '../helpers/tools.js';

const rule: RuleDescriptor = {
  id: 'fake/weak-thing',
  name: 'weak-thing',
  shortDescription: 'Weak thing',
  fullDescription: 'A weak thing.',
  help: 'Do the strong thing.',
  severity: 'high',
  securitySeverity: 7.5,
  precision: 'high',
  cwe: ['CWE-798'],
  asvs: [],
  tags: [],
};

function adapter(id: string, scan: () => Promise<ScanOutcome>): ScannerAdapter {
  return { id, scan };
}

function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'vouch-pipeline-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'a.js'), 'line one\nline two\n');
  return root;
}

async function gate(adapters: ScannerAdapter[], policyText = 'version: 1\n') {
  const root = repo();
  return runGate({
    root,
    outDir: join(root, '..', `${root.split('/').pop() ?? 'x'}-out`),
    policy: parsePolicy(Buffer.from(policyText), 'test'),
    adapters,
    executables: {},
    vouchVersion: '0.0.0-test',
    ports: realPorts(),
    evaluation: { today: '2026-11-21', newOnly: false },
    repository: { name: 'fixture' },
  });
}

const found = (path: string, line: number): ScanOutcome => ({
  kind: 'findings',
  tool: { name: 'fake' },
  rules: [rule],
  notes: [],
  detections: [
    { ruleId: rule.id, message: 'weak thing here', location: { path, region: { startLine: line } } },
  ],
});

describe('runGate', () => {
  it('turns detections into findings with taxonomy, line hash and fingerprint, and fails on a high one', async () => {
    const result = await gate([adapter('fake', () => Promise.resolve(found('src/a.js', 2)))]);
    expect(result.decision.status).toBe('fail');
    const [finding] = result.findings;
    expect(finding).toMatchObject({
      tool: 'fake',
      severity: 'high',
      owasp2021: ['A07:2021'],
      owasp2025: ['A07:2025'],
    });
    expect(finding?.lineHash).toMatch(/^[0-9a-f]+:1$/);
    expect(finding?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    const sarif = JSON.parse(readFileSync(result.outputs.sarifFile, 'utf8')) as { runs: unknown[] };
    expect(sarif.runs).toHaveLength(1);
  });

  it('gives the same fingerprint when the line moves, a different one when its content changes', async () => {
    const first = await gate([adapter('fake', () => Promise.resolve(found('src/a.js', 2)))]);
    const root = repo();
    writeFileSync(join(root, 'src', 'a.js'), 'inserted\nline one\nline two\n');
    const moved = await runGate({
      root,
      outDir: `${root}-out`,
      policy: parsePolicy(Buffer.from('version: 1\n'), 'test'),
      adapters: [adapter('fake', () => Promise.resolve(found('src/a.js', 3)))],
      executables: {},
      vouchVersion: '0',
      ports: realPorts(),
      evaluation: { today: '2026-11-21', newOnly: false },
      repository: { name: 'fixture' },
    });
    expect(moved.findings[0]?.fingerprint).toBe(first.findings[0]?.fingerprint);
    const other = await gate([adapter('fake', () => Promise.resolve(found('src/a.js', 1)))]);
    expect(other.findings[0]?.fingerprint).not.toBe(first.findings[0]?.fingerprint);
  });

  it('runs scanners concurrently', async () => {
    let running = 0;
    let peak = 0;
    const slow = (id: string) =>
      adapter(id, async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 100));
        running -= 1;
        return { kind: 'clean', tool: { name: id }, rules: [], notes: [] };
      });
    await gate([slow('one'), slow('two'), slow('three')]);
    expect(peak).toBe(3);
  });

  it('fails closed when an adapter throws: an error outcome and decision error, other scanners still reported', async () => {
    const result = await gate([
      adapter('broken', () => Promise.reject(new TypeError('cannot read x of undefined'))),
      adapter('fake', () => Promise.resolve(found('src/a.js', 1))),
    ]);
    expect(result.decision.status).toBe('error');
    expect(result.decision.problems[0]).toMatchObject({ scanner: 'broken', fatal: true });
    expect(result.decision.problems[0]?.message).toContain('cannot read x of undefined');
    expect(result.findings).toHaveLength(1);
  });

  it('treats a result for an undeclared rule as a broken scanner, not a silent drop', async () => {
    const bad: ScanOutcome = { ...found('src/a.js', 1), rules: [] } as ScanOutcome;
    const result = await gate([adapter('fake', () => Promise.resolve(bad))]);
    expect(result.decision.status).toBe('error');
    expect(result.decision.problems[0]?.message).toContain('fake/weak-thing');
  });

  it('does not run a scanner the policy disables', async () => {
    let ran = false;
    await gate(
      [
        adapter('gitleaks', () => {
          ran = true;
          return Promise.resolve({ kind: 'skipped', reason: 'x' });
        }),
      ],
      'version: 1\nscanners:\n  gitleaks: { enabled: false }\n',
    );
    expect(ran).toBe(false);
  });
});
