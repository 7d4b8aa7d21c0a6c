import { join, resolve } from 'node:path';
import { describeError, ScannerError } from '../../core/errors.js';
import type { Detection, RuleDescriptor } from '../../findings/finding.js';
import { toRepoPath } from '../../findings/repo-path.js';
import type { ScanContext, ScannerAdapter, ScanNote, ScanOutcome, ToolInfo } from '../scanner.js';
import { chunkTargets, DEFAULT_JOBS, ruleFilesFor, semgrepArgs, semgrepTargets } from './args.js';
import { classifySemgrep, type ReportRead } from './classify.js';
import { parseSemgrepReport, SemgrepReportError, semgrepRegion, type SemgrepResult } from './parse.js';
import {
  loadSemgrepRuleset,
  ruleIdFromCheckId,
  semgrepRuleDescriptor,
  type SemgrepRuleset,
} from './rules.js';
import { readReportFile } from '../process.js';

const SCANNER_ID = 'semgrep';

export interface SemgrepAdapterOptions {
  readonly version: string;
  /** Vouch's own rules (data/rules/semgrep); never the Semgrep registry. */
  readonly rulesDir: string;
  readonly maxFileBytes: number;
  /** Semgrep workers; DEFAULT_JOBS when absent. */
  readonly jobs?: number;
}

interface Completed {
  readonly kind: 'completed';
  readonly results: SemgrepResult[];
  readonly notes: ScanNote[];
}

export function createSemgrepAdapter(options: SemgrepAdapterOptions): ScannerAdapter {
  const tool: ToolInfo = { name: 'semgrep', version: options.version, informationUri: 'https://semgrep.dev' };
  // Semgrep runs in the scanned repository, so a relative rules path would be read from the wrong place.
  const settings = { ...options, rulesDir: resolve(options.rulesDir) };
  // The rule files are read once per adapter, not once per scan.
  let loading: Promise<SemgrepRuleset> | undefined;
  return {
    id: SCANNER_ID,
    async scan(context: ScanContext): Promise<ScanOutcome> {
      if (context.executable === undefined) {
        const message = `semgrep ${options.version} is not installed (not in Vouch's tool cache nor on PATH at that version); run \`vouch setup\``;
        return { kind: 'error', error: new ScannerError('NOT_INSTALLED', { scanner: SCANNER_ID, message }) };
      }
      let ruleset: SemgrepRuleset;
      try {
        ruleset = await (loading ??= loadSemgrepRuleset(context.ports.fs, settings.rulesDir));
      } catch (thrown) {
        loading = undefined;
        const message = `Vouch's semgrep rules could not be read from ${settings.rulesDir}: ${describeError(thrown)}`;
        return { kind: 'error', error: new ScannerError('INTERNAL', { scanner: SCANNER_ID, message }) };
      }
      // A rule file only Semgrep can read may be in any language, so then every file is a target.
      const languages = ruleset.unreadable.length > 0 ? undefined : ruleset.languages;
      // Semgrep's open-source engine analyses each file on its own, so a pull request needs only its files.
      const targets = semgrepTargets(context.changedFiles ?? context.files, languages);
      // With no targets Semgrep would scan its working directory, which is not what discovery kept.
      if (targets.length === 0) return { kind: 'clean', tool, rules: [...ruleset.rules.values()], notes: [] };
      const ruleFiles = ruleset.unreadable.length > 0 ? undefined : ruleFilesFor(ruleset.files, targets);
      const run = await runChunks(context, context.executable, { ...settings, ruleFiles }, targets);
      return run.kind === 'completed' ? toOutcome(tool, ruleset, run, context) : run;
    },
  };
}

/** One Semgrep run per chunk of targets, sharing the scanner's time budget; the first failure wins. */
async function runChunks(
  context: ScanContext,
  command: string,
  options: SemgrepAdapterOptions & { readonly ruleFiles: readonly string[] | undefined },
  targets: readonly string[],
): Promise<Completed | Extract<ScanOutcome, { kind: 'error' }>> {
  const { clock, processes } = context.ports;
  const started = clock.monotonicMs();
  const completed: Completed = { kind: 'completed', results: [], notes: [] };
  for (const [index, chunk] of chunkTargets(targets).entries()) {
    const reportPath = join(context.workDir, `semgrep-${index}.json`);
    const args = semgrepArgs({
      rulesDir: options.rulesDir,
      ...(options.ruleFiles ? { ruleFiles: options.ruleFiles } : {}),
      maxFileBytes: options.maxFileBytes,
      jobs: options.jobs ?? DEFAULT_JOBS,
      targets: chunk,
    });
    const timeoutMs = context.timeoutMs - (clock.monotonicMs() - started);
    const result =
      timeoutMs > 0
        ? await processes.run({ command, args, cwd: context.root, timeoutMs, stdoutFile: reportPath })
        : ({ kind: 'timeout', stderrTail: '', durationMs: context.timeoutMs } as const);
    const classification = classifySemgrep(result, await readReport(context, reportPath));
    if (classification.kind === 'error') {
      const details = {
        scanner: SCANNER_ID,
        message: classification.message,
        // The target list can run to thousands of paths: the command names how many instead.
        command: [command, ...args.slice(0, args.indexOf('--') + 1), `<${chunk.length} files>`].join(' '),
        exitCode: result.kind === 'exited' ? result.exitCode : undefined,
        stderrTail: result.kind === 'spawn-error' ? undefined : result.stderrTail,
      };
      return { kind: 'error', error: new ScannerError(classification.code, details) };
    }
    if (classification.kind === 'findings') completed.results.push(...classification.results);
    completed.notes.push(...classification.notes);
  }
  return completed;
}

async function readReport(context: ScanContext, reportPath: string): Promise<ReportRead> {
  const read = await readReportFile(context.ports.fs, reportPath, parseSemgrepReport, SemgrepReportError);
  return read.kind === 'parsed' ? { kind: 'parsed', report: read.value } : read;
}

async function toOutcome(
  tool: ToolInfo,
  ruleset: SemgrepRuleset,
  run: Completed,
  context: ScanContext,
): Promise<ScanOutcome> {
  const kept = new Set(context.files);
  const rules = new Map<string, RuleDescriptor>(ruleset.rules);
  const sources = new Map<string, Buffer | undefined>();
  const detections: Detection[] = [];
  let outsideDiscovery = 0;
  for (const result of run.results) {
    const path = toRepoPath(context.root, result.path);
    if (path === undefined || !kept.has(path)) {
      outsideDiscovery += 1;
      continue;
    }
    const rule = ruleFor(result, rules);
    if (!sources.has(path)) sources.set(path, await readSource(context, path));
    // The rule's own message: Semgrep's copy interpolates matched source text into its metavariables.
    detections.push({
      ruleId: rule.id,
      message: rule.fullDescription,
      location: { path, region: semgrepRegion(result, sources.get(path)) },
    });
  }
  const notes = run.notes.map((note) => inRepository(note, context.root));
  const reported = withoutSuperseded(detections, ruleset.supersedes);
  if (outsideDiscovery > 0) {
    notes.push({
      message: `${outsideDiscovery} semgrep result(s) in files excluded by .gitignore or the policy were not reported`,
    });
  }
  const ruleList = [...rules.values()];
  return reported.length > 0
    ? { kind: 'findings', tool, rules: ruleList, detections: reported, notes }
    : { kind: 'clean', tool, rules: ruleList, notes };
}

/** Drops a broader rule's result where the narrower, more severe rule of its tier fired on the same line. */
function withoutSuperseded(
  detections: readonly Detection[],
  supersedes: ReadonlyMap<string, readonly string[]>,
): Detection[] {
  const line = (d: Detection) => `${d.location.path}:${d.location.region?.startLine ?? 0}`;
  const replaced = new Set<string>();
  for (const detection of detections) {
    const id = detection.ruleId.replace(/^semgrep\//, '');
    for (const broader of supersedes.get(id) ?? []) replaced.add(`semgrep/${broader} ${line(detection)}`);
  }
  return detections.filter((d) => !replaced.has(`${d.ruleId} ${line(d)}`));
}

/** A result of a rule Vouch could not read itself is described from the metadata Semgrep copied into it. */
function ruleFor(result: SemgrepResult, rules: Map<string, RuleDescriptor>): RuleDescriptor {
  const id = ruleIdFromCheckId(result.checkId, rules);
  const known = rules.get(id);
  if (known) return known;
  const rule = semgrepRuleDescriptor({
    id,
    ...(result.severity === undefined ? {} : { severity: result.severity }),
    languages: [],
    metadata: result.metadata,
  });
  rules.set(id, rule);
  return rule;
}

async function readSource(context: ScanContext, path: string): Promise<Buffer | undefined> {
  try {
    return await context.ports.fs.readFile(join(context.root, path));
  } catch {
    return undefined;
  }
}

function inRepository(note: ScanNote, root: string): ScanNote {
  if (note.path === undefined) return note;
  const path = toRepoPath(root, note.path);
  return path === undefined ? { message: note.message } : { message: note.message, path };
}
