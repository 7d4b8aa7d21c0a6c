import { ScannerError, toError, type ScannerErrorCode } from '../../core/errors.js';
import type { Detection } from '../../findings/finding.js';
import type { ScanContext, ScannerAdapter, ScanNote, ScanOutcome, ToolInfo } from '../scanner.js';
import type { ImportedRun } from './model.js';
import { emptySetAside, importRun, RuleBook, type ImportTarget, type SetAside } from './normalize.js';
import { MAX_SARIF_BYTES, readSarif } from './parse.js';
import { resolveSarifFiles, type SarifFile } from './resolve.js';

export const SARIF_IMPORT_ID = 'sarif';

/**
 * The one SARIF run Vouch writes for everything it imported. The original tools are kept in each rule
 * id (`bandit/B602`, `codeql/js/sql-injection`) and in a `tool/<name>` rule tag, since the pipeline
 * writes one run per adapter and the number of imported tools is only known after reading the files.
 */
export const SARIF_IMPORT_TOOL: ToolInfo = { name: 'sarif-import' };

export interface SarifImportOptions {
  /** Paths, directories or globs of SARIF files: relative to the repository root, or absolute. */
  readonly patterns: readonly string[];
  /** Per-file size limit; MAX_SARIF_BYTES unless a test needs a small one. */
  readonly maxFileBytes?: number;
}

interface Problem {
  readonly code: ScannerErrorCode;
  readonly message: string;
}

function errorOutcome(problems: readonly Problem[]): ScanOutcome {
  const [first, ...rest] = problems;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem(s) with imported SARIF)` : '';
  const message = `${first?.message ?? 'imported SARIF could not be read'}${more}`;
  return {
    kind: 'error',
    error: new ScannerError(first?.code ?? 'BAD_OUTPUT', { scanner: SARIF_IMPORT_ID, message }),
  };
}

/** A run the tool says is incomplete cannot vouch for the code: the gate fails closed on it. */
function runProblem(file: SarifFile, run: ImportedRun, index: number): Problem | undefined {
  const which = `${file.name}: run ${index} (${run.driver.name || 'unnamed tool'})`;
  if (run.executionFailed) {
    return { code: 'CRASHED', message: `${which} records that the tool's execution failed` };
  }
  if (!run.results) {
    return { code: 'BAD_OUTPUT', message: `${which} has no results array, so the analysis did not complete` };
  }
  return undefined;
}

function notesFor(file: SarifFile, setAside: SetAside): ScanNote[] {
  const lines: string[] = [];
  const add = (count: number, what: string): void => {
    if (count > 0) lines.push(`${count} result(s) ${what}`);
  };
  add(setAside.suppressed, 'suppressed by the tool (accepted `suppressions`) were not reported');
  add(setAside.absent, 'marked `baselineState: absent` (no longer present) were ignored');
  add(setAside.notProblems, 'of kind pass or notApplicable are not problems and were ignored');
  add(setAside.outside, 'located outside the repository were not reported');
  add(setAside.excluded, 'in files excluded by .gitignore or the policy were not reported');
  if (setAside.unlocated.size > 0) {
    const rules = [...setAside.unlocated].map(([rule, count]) => `${rule} ×${count}`).join(', ');
    const total = [...setAside.unlocated.values()].reduce((sum, count) => sum + count, 0);
    lines.push(`${total} result(s) without a file location in the repository were not reported (${rules})`);
  }
  return lines.map((line) => ({ message: `${file.name}: ${line}` }));
}

async function importFiles(
  files: readonly SarifFile[],
  context: ScanContext,
  maxBytes: number,
): Promise<ScanOutcome> {
  const target: ImportTarget = { root: context.root, files: new Set(context.files) };
  const book = new RuleBook();
  const detections: Detection[] = [];
  const notes: ScanNote[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const read = await readSarif(context.ports.fs, file.path, file.name, maxBytes);
    if (read.kind === 'invalid') {
      problems.push({ code: 'BAD_OUTPUT', message: read.message });
      continue;
    }
    const setAside = emptySetAside();
    read.runs.forEach((run, index) => {
      const problem = runProblem(file, run, index);
      if (problem) problems.push(problem);
      else detections.push(...importRun(run, target, book, setAside));
    });
    notes.push(...notesFor(file, setAside));
  }
  if (problems.length > 0) return errorOutcome(problems);
  const rules = book.descriptors();
  const tool = SARIF_IMPORT_TOOL;
  return detections.length > 0
    ? { kind: 'findings', tool, rules, detections, notes }
    : { kind: 'clean', tool, rules, notes };
}

/**
 * Reads other tools' SARIF (CodeQL, Bandit, TruffleHog, SonarQube, …) so the same policy judges their
 * results. Every configured pattern must match, every file must be valid SARIF 2.1.0, and every run
 * must be complete; otherwise the outcome is an error and the gate fails closed.
 */
export function createSarifImportAdapter(options: SarifImportOptions): ScannerAdapter {
  const maxBytes = options.maxFileBytes ?? MAX_SARIF_BYTES;
  return {
    id: SARIF_IMPORT_ID,
    async scan(context: ScanContext): Promise<ScanOutcome> {
      if (options.patterns.length === 0)
        return { kind: 'skipped', reason: 'no SARIF files to import were configured' };
      let resolution: Awaited<ReturnType<typeof resolveSarifFiles>>;
      try {
        resolution = await resolveSarifFiles(options.patterns, context.root);
      } catch (thrown) {
        const message = `could not list the SARIF files to import: ${toError(thrown).message}`;
        return errorOutcome([{ code: 'BAD_OUTPUT', message }]);
      }
      if (resolution.kind === 'invalid')
        return errorOutcome([{ code: 'BAD_OUTPUT', message: resolution.message }]);
      return importFiles(resolution.files, context, maxBytes);
    },
  };
}
