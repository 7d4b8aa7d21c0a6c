import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ScannerError } from '../../../src/core/errors.js';
import { normalizeDetections } from '../../../src/findings/normalize.js';
import { renderSarif } from '../../../src/sarif/render.js';
import { createSarifImportAdapter, SARIF_IMPORT_TOOL } from '../../../src/scanners/sarif-import/adapter.js';
import { validateSarif } from '../../sarif/schema.js';
import { expectError, expectFindings, FIXTURES, sarifLog, scanContext } from './helpers.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vouch-sarif-adapter-'));
  for (const name of ['bandit-1.9.4.sarif', 'multi-run.sarif', 'suppressed.sarif', 'outside.sarif']) {
    copyFileSync(join(FIXTURES, name), join(root, name));
  }
  writeFileSync(join(root, 'failed.sarif'), sarifLog({ invocations: [{ executionSuccessful: false }] }));
  writeFileSync(
    join(root, 'no-results.sarif'),
    JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Half' } } }] }),
  );
  writeFileSync(join(root, 'clean.sarif'), sarifLog({ results: [] }));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const FILES = ['app/tasks.py', 'server/db.js', 'server/auth.js', 'web/app.js', 'a.js', 'Dockerfile'];

function scan(patterns: readonly string[], files: readonly string[] = FILES) {
  return createSarifImportAdapter({ patterns }).scan(scanContext(root, files));
}

describe('the sarif adapter', () => {
  it('imports several files and tools into one run whose rules keep each tool', async () => {
    const outcome = expectFindings(await scan(['bandit-1.9.4.sarif', 'multi-run.sarif']));
    expect(outcome.tool).toEqual(SARIF_IMPORT_TOOL);
    expect(outcome.detections.map((d) => d.ruleId)).toEqual([
      'bandit/B404',
      'bandit/B105',
      'bandit/B602',
      'bandit/B506',
      'bandit/B324',
      'codeql/js/sql-injection',
      'codeql/js/weak-cryptographic-algorithm',
      'eslint-sarif/no-eval',
    ]);
    expect(outcome.rules.map((rule) => rule.id)).toEqual(
      [...new Set(outcome.detections.map((d) => d.ruleId))].sort(),
    );
    expect(outcome.notes).toEqual([]);
  });

  it('yields findings that Vouch writes back as one valid SARIF run', async () => {
    const outcome = expectFindings(await scan(['bandit-1.9.4.sarif', 'multi-run.sarif']));
    const { findings } = await normalizeDetections({
      tool: 'sarif',
      rules: outcome.rules,
      detections: outcome.detections,
      readText: () => Promise.resolve(undefined),
      roleOf: () => Promise.resolve('source'),
    });
    const log = renderSarif({
      vouchVersion: '0.1.0',
      runs: [{ tool: outcome.tool, rules: outcome.rules, findings }],
    });
    expect(validateSarif(log)).toEqual([]);
    expect(log.runs.map((run) => run.tool.driver.name)).toEqual(['sarif-import']);
    const b602 = log.runs[0]?.tool.driver.rules?.find((rule) => rule.id === 'bandit/B602');
    expect(b602?.properties?.tags).toEqual(
      expect.arrayContaining(['security', 'external/cwe/cwe-078', 'tool/bandit']),
    );
    expect(JSON.stringify(log)).not.toContain('hunter2');
  });

  it('notes what it set aside, per file', async () => {
    const outcome = expectFindings(
      await scan(['bandit-1.9.4.sarif', 'suppressed.sarif', 'outside.sarif'], ['a.js', 'Dockerfile']),
    );
    expect(outcome.notes.map((note) => note.message)).toEqual([
      'bandit-1.9.4.sarif: 5 result(s) in files excluded by .gitignore or the policy were not reported',
      'outside.sarif: 4 result(s) located outside the repository were not reported',
      'suppressed.sarif: 2 result(s) suppressed by the tool (accepted `suppressions`) were not reported',
      'suppressed.sarif: 1 result(s) marked `baselineState: absent` (no longer present) were ignored',
      'suppressed.sarif: 1 result(s) of kind pass or notApplicable are not problems and were ignored',
    ]);
  });

  it('is clean, with no rules, for SARIF without results', async () => {
    expect(await scan(['clean.sarif'])).toEqual({
      kind: 'clean',
      tool: SARIF_IMPORT_TOOL,
      rules: [],
      notes: [],
    });
  });

  it('is skipped when no SARIF was configured', async () => {
    expect(await scan([])).toEqual({ kind: 'skipped', reason: 'no SARIF files to import were configured' });
  });

  it('fails closed, naming the pattern, when a pattern matches nothing', async () => {
    const error = expectError(await scan(['bandit-1.9.4.sarif', 'codeql/*.sarif']));
    expect(error).toBeInstanceOf(ScannerError);
    expect(error).toMatchObject({ code: 'BAD_OUTPUT', scanner: 'sarif' });
    expect(error.message).toMatch(/^SARIF pattern "codeql\/\*\.sarif" matches no file/);
  });

  it('fails closed on invalid JSON and on schema violations, naming the file and the first violation', async () => {
    const invalid = resolve(FIXTURES, 'invalid-json.sarif');
    const schemaInvalid = resolve(FIXTURES, 'schema-invalid.sarif');
    const error = expectError(await scan(['bandit-1.9.4.sarif', invalid, schemaInvalid]));
    expect(error.code).toBe('BAD_OUTPUT');
    expect(error.message).toBe(
      `${invalid} is not valid JSON (it ends too early) (and 1 more problem(s) with imported SARIF)`,
    );
    const alone = expectError(await scan([schemaInvalid]));
    expect(alone.message).toBe(
      `${schemaInvalid} is not valid SARIF 2.1.0: /version must be equal to one of the allowed values: "2.1.0"`,
    );
  });

  it('fails closed on a run whose tool failed or that has no results array', async () => {
    expect(expectError(await scan(['failed.sarif']))).toMatchObject({
      code: 'CRASHED',
      message: "failed.sarif: run 0 (Tool) records that the tool's execution failed",
    });
    expect(expectError(await scan(['no-results.sarif']))).toMatchObject({
      code: 'BAD_OUTPUT',
      message: 'no-results.sarif: run 0 (Half) has no results array, so the analysis did not complete',
    });
  });

  it('fails closed on a file over the size limit', async () => {
    const outcome = await createSarifImportAdapter({ patterns: ['multi-run.sarif'], maxFileBytes: 100 }).scan(
      scanContext(root, FILES),
    );
    expect(expectError(outcome).message).toMatch(
      /^multi-run\.sarif is \d+ bytes, over the 100 bytes limit for imported SARIF/,
    );
  });
});
