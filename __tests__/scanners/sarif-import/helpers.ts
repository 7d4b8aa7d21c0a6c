import { readFileSync } from 'node:fs';
import type { Detection } from '../../../src/findings/finding.js';
import type { ScanContext, ScanOutcome } from '../../../src/scanners/scanner.js';
import type { ImportedRun } from '../../../src/scanners/sarif-import/model.js';
import {
  emptySetAside,
  importRun,
  RuleBook,
  type SetAside,
} from '../../../src/scanners/sarif-import/normalize.js';
import { parseSarif } from '../../../src/scanners/sarif-import/parse.js';
import { realPorts } from '../../helpers/tools.js';

export const FIXTURES = '__fixtures__/sarif-import';

/** The runs of a fixture, which must be valid SARIF. */
export function fixtureRuns(name: string): readonly ImportedRun[] {
  return runsOf(readFileSync(`${FIXTURES}/${name}`, 'utf8'));
}

export function runsOf(content: string): readonly ImportedRun[] {
  const read = parseSarif(content, 'test.sarif');
  if (read.kind !== 'parsed') throw new Error(read.message);
  return read.runs;
}

/** A minimal valid SARIF log with one run. */
export function sarifLog(run: Record<string, unknown>): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'Tool' } }, results: [], ...run }],
  });
}

export interface Imported {
  readonly detections: readonly Detection[];
  readonly book: RuleBook;
  readonly setAside: SetAside;
}

/** Every run of a log imported into a repository at `root` whose discovered files are `files`. */
export function importAll(runs: readonly ImportedRun[], files: readonly string[], root = '/repo'): Imported {
  const book = new RuleBook();
  const setAside = emptySetAside();
  const target = { root, files: new Set(files) };
  const detections = runs.flatMap((run) => importRun(run, target, book, setAside));
  return { detections, book, setAside };
}

export function scanContext(root: string, files: readonly string[]): ScanContext {
  return { root, files, workDir: root, timeoutMs: 60_000, ports: realPorts() };
}

export function expectFindings(outcome: ScanOutcome): Extract<ScanOutcome, { kind: 'findings' }> {
  if (outcome.kind !== 'findings') throw new Error(`expected findings, got ${JSON.stringify(outcome)}`);
  return outcome;
}

export function expectError(outcome: ScanOutcome): Extract<ScanOutcome, { kind: 'error' }>['error'] {
  if (outcome.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}
