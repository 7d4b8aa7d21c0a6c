import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { accessSync, constants, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeDetections } from '../../../src/findings/normalize.js';
import { createSarifImportAdapter } from '../../../src/scanners/sarif-import/adapter.js';
import { realPorts } from '../../helpers/tools.js';
import { expectFindings, FIXTURES, scanContext } from './helpers.js';

/** The version these expectations were pinned with; CI installs exactly this one. */
const BANDIT_VERSION = '1.9.4';
const INSTALL = 'node scripts/test-tools.js';
const FILES = ['app/__init__.py', 'app/tasks.py'];

let bandit: string;
let root: string;
let reports: string;

async function runBandit(target: string, report: string): Promise<void> {
  const result = await realPorts().processes.run({
    command: bandit,
    args: ['-q', '-r', target, '-f', 'sarif', '-o', report],
    cwd: root,
    timeoutMs: 120_000,
  });
  // Bandit exits 1 when it reports issues, which the fixture guarantees.
  if (result.kind !== 'exited' || result.exitCode !== 1)
    throw new Error(`bandit failed: ${JSON.stringify(result)}`);
}

beforeAll(async () => {
  // Fails, never skips, when Bandit is missing: a skipped integration test proves nothing.
  bandit =
    process.env.VOUCH_TEST_BANDIT ??
    join(
      process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
      'vouch-test',
      `bandit-${BANDIT_VERSION}`,
      'bin',
      'bandit',
    );
  try {
    accessSync(bandit, constants.X_OK);
  } catch {
    throw new Error(`Bandit not found at ${bandit}; install it with: ${INSTALL} (or set VOUCH_TEST_BANDIT)`);
  }
  const version = await realPorts().processes.run({
    command: bandit,
    args: ['--version'],
    timeoutMs: 60_000,
  });
  if (version.kind !== 'exited' || !version.stdout.startsWith(`bandit ${BANDIT_VERSION}`)) {
    throw new Error(`expected Bandit ${BANDIT_VERSION} at ${bandit}; install it with: ${INSTALL}`);
  }
  root = mkdtempSync(join(tmpdir(), 'vouch-bandit-repo-'));
  reports = mkdtempSync(join(tmpdir(), 'vouch-bandit-reports-'));
  cpSync(join(FIXTURES, 'bandit-repo'), root, { recursive: true });
  await runBandit('.', join(reports, 'relative.sarif'));
  await runBandit(root, join(reports, 'absolute.sarif'));
});

afterAll(() => {
  for (const dir of [root, reports]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const EXPECTED = [
  ['bandit/B404', 3, 'low', ['CWE-78']],
  ['bandit/B105', 7, 'low', ['CWE-259']],
  ['bandit/B602', 12, 'high', ['CWE-78']],
  ['bandit/B506', 16, 'medium', ['CWE-20']],
  ['bandit/B324', 20, 'high', ['CWE-327']],
];

describe('importing the SARIF of the real Bandit', () => {
  it.each([
    ['relative URIs (bandit -r .)', 'relative.sarif'],
    ['file:// URIs (bandit -r <absolute path>)', 'absolute.sarif'],
  ])('finds every issue at its rule, line, severity and CWE, with %s', async (_how, report) => {
    // The report lies outside the repository, as it does when written to the runner's temp directory.
    const adapter = createSarifImportAdapter({ patterns: [join(reports, report)] });
    const outcome = expectFindings(await adapter.scan(scanContext(root, FILES)));
    const { findings } = await normalizeDetections({
      tool: adapter.id,
      rules: outcome.rules,
      detections: outcome.detections,
      readText: (path) => Promise.resolve(readFileSync(join(root, path), 'utf8')),
      roleOf: () => Promise.resolve('source'),
    });
    expect(findings.map((f) => [f.ruleId, f.location.region?.startLine, f.severity, f.cwe])).toEqual(
      EXPECTED,
    );
    expect(findings.every((f) => f.tool === 'sarif' && f.location.path === 'app/tasks.py')).toBe(true);
    expect(findings.every((f) => f.lineHash !== undefined)).toBe(true);
    expect(findings.find((f) => f.ruleId === 'bandit/B602')?.owasp2021).toEqual(['A03:2021']);
    expect(outcome.notes).toEqual([]);
  });

  it('keeps the hardcoded password Bandit quotes out of findings and rules', async () => {
    const adapter = createSarifImportAdapter({ patterns: [join(reports, 'relative.sarif')] });
    const outcome = expectFindings(await adapter.scan(scanContext(root, FILES)));
    expect(readFileSync(join(reports, 'relative.sarif'), 'utf8')).toContain('hunter2-fixture');
    expect(JSON.stringify(outcome)).not.toContain('hunter2');
  });
});
