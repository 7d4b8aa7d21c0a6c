import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSemgrepAdapter } from '../../../src/scanners/semgrep/adapter.js';
import type { ScanContext, ScanOutcome } from '../../../src/scanners/scanner.js';
import { installedTool, realPorts } from '../../helpers/tools.js';

const RULES = resolve('__fixtures__/semgrep/rules');
const INVALID_RULES = resolve('__fixtures__/semgrep/rules-invalid-yaml');
/** What discovery would keep: everything but excluded/, as if the policy excluded it. */
const FILES = ['.semgrepignore', 'README.md', 'app.py', 'broken.py', 'web/page.js'];

let semgrep: string;
let root: string;
const scratch: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

beforeAll(async () => {
  // Fails, never skips, when the pinned Semgrep is missing.
  semgrep = process.env.VOUCH_TEST_SEMGREP ?? (await installedTool('semgrep'));
  root = tempDir('vouch-semgrep-repo-');
  cpSync('__fixtures__/semgrep/repo', root, { recursive: true });
});

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function context(files: readonly string[] = FILES, executable: string | null = semgrep): ScanContext {
  return {
    root,
    files,
    workDir: tempDir('vouch-semgrep-work-'),
    timeoutMs: 300_000,
    ...(executable === null ? {} : { executable }),
    ports: realPorts(),
  };
}

function scan(rulesDir: string, scanContext: ScanContext = context()): Promise<ScanOutcome> {
  return createSemgrepAdapter({ version: '1.180.0', rulesDir, maxFileBytes: 1024 * 1024 }).scan(scanContext);
}

describe('semgrep adapter with the real semgrep', () => {
  let outcome: ScanOutcome;
  beforeAll(async () => {
    outcome = await scan(RULES);
  });

  it('reports each match at its rule, file, lines and UTF-16 columns', () => {
    if (outcome.kind !== 'findings') throw new Error(`expected findings, got ${JSON.stringify(outcome)}`);
    expect(outcome.tool).toEqual({
      name: 'semgrep',
      version: '1.180.0',
      informationUri: 'https://semgrep.dev',
    });
    expect(outcome.detections.map((d) => [d.ruleId, d.location.path, d.location.region])).toEqual([
      // `label = "café 日本"; result = eval(…)`: Semgrep's byte columns 34..64 are characters 29..59.
      ['semgrep/fixture-python-eval', 'app.py', { startLine: 4, startColumn: 29, endLine: 4, endColumn: 59 }],
      // Reported despite its `# nosemgrep` comment: inline suppressions are not Vouch's.
      [
        'semgrep/fixture-python-weak-hash',
        'app.py',
        { startLine: 5, startColumn: 10, endLine: 5, endColumn: 33 },
      ],
      ['semgrep/fixture-python-eval', 'app.py', { startLine: 6, startColumn: 9, endLine: 8, endColumn: 23 }],
      // Reported despite the repository's .semgrepignore: discovery decides what is scanned.
      [
        'semgrep/fixture-javascript-inner-html',
        'web/page.js',
        { startLine: 2, startColumn: 3, endLine: 2, endColumn: 34 },
      ],
    ]);
  });

  it("lists every rule of the ruleset with severity and CWE from the rule's metadata", () => {
    if (outcome.kind !== 'findings') throw new Error(`expected findings, got ${outcome.kind}`);
    const rules = new Map(outcome.rules.map((rule) => [rule.id, rule]));
    expect([...rules.keys()].sort()).toEqual([
      'semgrep/fixture-javascript-inner-html',
      'semgrep/fixture-python-eval',
      'semgrep/fixture-python-weak-hash',
    ]);
    expect(rules.get('semgrep/fixture-python-eval')).toMatchObject({
      severity: 'critical',
      securitySeverity: 9.3,
      cwe: ['CWE-95'],
    });
    expect(rules.get('semgrep/fixture-python-weak-hash')).toMatchObject({
      severity: 'medium',
      cwe: ['CWE-328'],
    });
    expect(rules.get('semgrep/fixture-javascript-inner-html')).toMatchObject({
      severity: 'medium',
      securitySeverity: 6,
      cwe: ['CWE-79'],
    });
  });

  it('names the file it could not parse in a note', () => {
    if (outcome.kind !== 'findings') throw new Error(`expected findings, got ${outcome.kind}`);
    expect(outcome.notes).toEqual([
      {
        path: 'broken.py',
        message:
          'semgrep could not fully parse broken.py at lines 1-4 (PartialParsing); findings in it may be missing',
      },
    ]);
  });

  it('puts no source text in detections or notes', () => {
    if (outcome.kind !== 'findings') throw new Error(`expected findings, got ${outcome.kind}`);
    const text = JSON.stringify([outcome.detections, outcome.notes]);
    for (const source of ['userComment', 'EXPRESSION', 'payload', 'café', 'class class', 'requires login']) {
      expect(text).not.toContain(source);
    }
    expect(outcome.detections[3]?.message).toMatch(/^\$VALUE is assigned to \$EL\.innerHTML/);
  });

  it("fails with Semgrep's own message when a rule file is not valid YAML", async () => {
    const failed = await scan(INVALID_RULES);
    if (failed.kind !== 'error') throw new Error(`expected an error, got ${failed.kind}`);
    expect(failed.error.code).toBe('CRASHED');
    expect(failed.error.exitCode).toBe(7);
    expect(failed.error.message).toMatch(/^semgrep failed \(exit 7\): Invalid YAML .*fixture-broken\.yaml:3/);
    // The unreadable rule file could be in any language, so every discovered file was a target.
    expect(failed.error.command).toMatch(/ -- <5 files>$/);
  });

  it('does not run Semgrep when discovery left nothing it could scan', async () => {
    // A missing executable would make any run an error, so a clean outcome proves no run happened.
    const clean = await scan(RULES, context(['README.md'], '/nonexistent/semgrep'));
    expect(clean).toMatchObject({ kind: 'clean', notes: [] });
    if (clean.kind === 'clean') expect(clean.rules).toHaveLength(3);
  });

  it('reports NOT_INSTALLED without an executable', async () => {
    const missing = await scan(RULES, context(FILES, null));
    expect(missing).toMatchObject({ kind: 'error', error: { code: 'NOT_INSTALLED' } });
  });
});
