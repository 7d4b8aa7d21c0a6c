import { isAbsolute, join } from 'node:path';
import { ScannerError } from '../../core/errors.js';
import type { ProcessResult } from '../../core/ports.js';
import type { Detection, Region, RuleDescriptor } from '../../findings/finding.js';
import { toRepoPath } from '../../findings/repo-path.js';
import type { ScanContext, ScannerAdapter, ScanNote, ScanOutcome, ToolInfo } from '../scanner.js';
import { checkovArgs, checkovEnv, REPORT_FILE_NAME } from './args.js';
import { checkovTargets } from './targets.js';
import { classifyCheckov, type ReportRead } from './classify.js';
import { CheckovReportError, parseCheckovReport, type CheckovReport, type CheckovResult } from './parse.js';
import { checkovRule } from './rules.js';
import { filesCheckovMustReport } from './expected.js';
import { readReportFile } from '../process.js';

const SCANNER_ID = 'checkov';
const MAX_RESOURCE_CHARS = 200;

export interface CheckovAdapterOptions {
  readonly version: string;
  readonly maxFileBytes: number;
}

export function createCheckovAdapter(options: CheckovAdapterOptions): ScannerAdapter {
  const tool: ToolInfo = {
    name: 'checkov',
    version: options.version,
    informationUri: 'https://www.checkov.io',
  };
  return {
    id: SCANNER_ID,
    async scan(context: ScanContext): Promise<ScanOutcome> {
      if (context.executable === undefined) {
        const message = `checkov ${options.version} is not installed (not in Vouch's tool cache nor on PATH at that version); run \`vouch setup\``;
        return { kind: 'error', error: new ScannerError('NOT_INSTALLED', { scanner: SCANNER_ID, message }) };
      }
      const targets = context.changedFiles && checkovTargets(context.changedFiles, context.files);
      if (targets?.length === 0) {
        return {
          kind: 'skipped',
          reason: `${context.scope ?? 'this change touches'} no file Checkov reads (Terraform, CloudFormation, Kubernetes, Dockerfile, workflows)`,
        };
      }
      const run = await runCheckov(context, context.executable, {
        maxFileBytes: options.maxFileBytes,
        targets,
      });
      const classification = classifyCheckov(run.result, run.report);
      if (classification.kind === 'error') {
        const { result } = run;
        const details = {
          scanner: SCANNER_ID,
          message: classification.message,
          command: run.command.join(' '),
          exitCode: result.kind === 'exited' ? result.exitCode : undefined,
          stderrTail: result.kind === 'spawn-error' ? undefined : result.stderrTail,
        };
        return { kind: 'error', error: new ScannerError(classification.code, details) };
      }
      const unreported = classification.report.summaryOnly
        ? filesCheckovMustReport(targets ?? context.files)
        : [];
      if (unreported.length > 0) {
        const message = `checkov reported no result at all, yet the tree holds ${unreported.length} file(s) it always reports on (${unreported.slice(0, 3).join(', ')}): it did not scan them`;
        return { kind: 'error', error: new ScannerError('BAD_OUTPUT', { scanner: SCANNER_ID, message }) };
      }
      return toOutcome(tool, classification.report, context);
    },
  };
}

interface Run {
  readonly command: readonly string[];
  readonly result: ProcessResult;
  readonly report: ReportRead;
}

/** Runs in the work directory, outside the repository, so no .checkov.yaml of the repository is read (args.ts). */
async function runCheckov(
  context: ScanContext,
  executable: string,
  { maxFileBytes, targets }: { maxFileBytes: number; targets: readonly string[] | undefined },
): Promise<Run> {
  const outputDir = join(context.workDir, 'checkov-out');
  const home = join(context.workDir, 'checkov-home');
  await context.ports.fs.mkdir(outputDir);
  await context.ports.fs.mkdir(home);
  const args = checkovArgs({ root: context.root, outputDir, ...(targets ? { files: targets } : {}) });
  const result = await context.ports.processes.run({
    command: executable,
    args,
    cwd: context.workDir,
    env: checkovEnv({ home, maxFileBytes }),
    timeoutMs: context.timeoutMs,
  });
  const report = await readReport(context, join(outputDir, REPORT_FILE_NAME));
  return { command: [executable, ...args], result, report };
}

async function readReport(context: ScanContext, reportPath: string): Promise<ReportRead> {
  const read = await readReportFile(context.ports.fs, reportPath, parseCheckovReport, CheckovReportError);
  return read.kind === 'parsed' ? { kind: 'parsed', report: read.value } : read;
}

interface Located {
  readonly result: CheckovResult;
  readonly path: string;
  readonly region: Region;
}

function toOutcome(tool: ToolInfo, report: CheckovReport, context: ScanContext): ScanOutcome {
  const kept = new Set(context.files);
  const failed = report.frameworks.flatMap((framework) => framework.failed);
  const located = locate(failed, context.root, kept);
  const rules = new Map<string, RuleDescriptor>();
  const detections: Detection[] = [];
  for (const { result, path, region } of located.results) {
    // The first result of a check names its rule: frameworks can word the same check differently.
    const rule = rules.get(`checkov/${result.checkId}`) ?? checkovRule(result);
    rules.set(rule.id, rule);
    detections.push({ ruleId: rule.id, message: message(result, rule), location: { path, region } });
  }
  const notes = [...parsingNotes(report, context.root, kept), ...skipNotes(report, context.root, kept)];
  if (located.excluded > 0) {
    notes.push({
      message: `${located.excluded} checkov result(s) in files excluded by .gitignore, the policy or discovery's limits were not reported`,
    });
  }
  if (located.outsideRoot > 0) {
    notes.push({
      message: `${located.outsideRoot} checkov result(s) at paths outside the repository (reached through a link?) were not reported`,
    });
  }
  const ruleList = [...rules.values()];
  return detections.length > 0
    ? { kind: 'findings', tool, rules: ruleList, detections, notes }
    : { kind: 'clean', tool, rules: ruleList, notes };
}

/**
 * Keeps results in files discovery kept, sorted by place: Checkov runs its frameworks in parallel, so its
 * report order changes from run to run.
 */
function locate(results: readonly CheckovResult[], root: string, kept: ReadonlySet<string>): Placement {
  const located: Located[] = [];
  let excluded = 0;
  let outsideRoot = 0;
  for (const result of results) {
    const path = repoPathOf(result, root, kept);
    if (path === undefined) outsideRoot += 1;
    else if (!kept.has(path)) excluded += 1;
    else located.push({ result, path, region: region(result) });
  }
  located.sort(
    (a, b) =>
      a.path.localeCompare(b.path) ||
      a.region.startLine - b.region.startLine ||
      a.result.checkId.localeCompare(b.result.checkId),
  );
  return { results: located, excluded, outsideRoot };
}

interface Placement {
  readonly results: Located[];
  /** Inside the root, but not among the files discovery kept. */
  readonly excluded: number;
  /** Outside the root: reached through a link, or a path Vouch cannot place. */
  readonly outsideRoot: number;
}

/**
 * Checkov's file_path is relative to --directory with a leading `/` (`/infra/main.tf`, 3.3.30), but some
 * frameworks write it absolute or leave it out; file_abs_path, when present, says where the file was read.
 * The first reading that names a kept file wins; otherwise any reading inside the root.
 */
function repoPathOf(result: CheckovResult, root: string, kept: ReadonlySet<string>): string | undefined {
  const readings = [
    result.absolutePath === undefined || !isAbsolute(result.absolutePath)
      ? undefined
      : toRepoPath(root, result.absolutePath),
    result.filePath === undefined ? undefined : toRepoPath(root, result.filePath.replace(/^\/+/, '')),
    result.filePath === undefined || !isAbsolute(result.filePath)
      ? undefined
      : toRepoPath(root, result.filePath),
  ].filter((path): path is string => path !== undefined && path !== '');
  return readings.find((path) => kept.has(path)) ?? readings[0];
}

/**
 * Checkov's ranges are 1-based and inclusive, except that secrets report `[line, line + 1]` for a value on
 * `line` (secrets/runner.py) and a workflow-level check can start at line 0 (CKV2_GHA_1: `[0, 1]`).
 */
function region(result: CheckovResult): Region {
  if (result.lineRange === undefined) return { startLine: 1 };
  const [first, last] = result.lineRange;
  const startLine = Math.max(1, first);
  const endLine = result.checkType === 'secrets' ? startLine : Math.max(startLine, last);
  return { startLine, endLine };
}

/** A secret's `resource` is a hash of its value, so a secret's message names only the kind of credential. */
function message(result: CheckovResult, rule: RuleDescriptor): string {
  if (result.checkType === 'secrets') {
    return `${rule.name}: Checkov found a value that looks like a credential. The value is not shown here; rotate it and load it from a secret store.`;
  }
  const resource = result.resource?.slice(0, MAX_RESOURCE_CHARS);
  return resource ? `${rule.name} (${resource})` : rule.name;
}

function parsingNotes(report: CheckovReport, root: string, kept: ReadonlySet<string>): ScanNote[] {
  const frameworksByPath = new Map<string, string[]>();
  for (const framework of report.frameworks) {
    for (const reported of framework.parsingErrors) {
      const path = toRepoPath(root, reported);
      if (path === undefined || !kept.has(path)) continue;
      frameworksByPath.set(path, [...(frameworksByPath.get(path) ?? []), framework.checkType]);
    }
  }
  return [...frameworksByPath].map(([path, frameworks]) => ({
    path,
    message: `checkov could not parse ${path} (${frameworks.join(', ')}); its checks did not run on that file`,
  }));
}

/** Vouch passes no skip options, so every skipped check was skipped by the repository itself. */
function skipNotes(report: CheckovReport, root: string, kept: ReadonlySet<string>): ScanNote[] {
  const skipped = report.frameworks.flatMap((framework) => framework.skipped);
  return locate(skipped, root, kept).results.map(({ result, path, region: { startLine, endLine } }) => ({
    path,
    message: `an inline checkov:skip kept Checkov from evaluating ${result.checkId} on the resource at ${path} lines ${startLine}-${endLine ?? startLine}; Vouch does not honour inline suppressions: remove it, and add a Vouch suppression with a reason, an owner and an expiry date if the exception is intended`,
  }));
}
