import { dirname, join } from 'node:path';
import { ScannerError } from '../../core/errors.js';
import type { Detection, Region, SecretKind } from '../../findings/finding.js';
import { toRepoPath } from '../../findings/repo-path.js';
import type { ScanContext, ScannerAdapter, ScanNote, ScanOutcome, ToolInfo } from '../scanner.js';
import { gitleaksArgs } from './args.js';
import { classifyGitleaks, type ReportRead } from './classify.js';
import { GitleaksReportError, parseGitleaksReport, type Leak } from './parse.js';
import { secretKind } from './placeholder.js';
import { gitleaksRule } from './rules.js';
import { readReportFile } from '../process.js';
import { historyDetections, withHistory } from './history.js';
import { matchedText, region } from './region.js';

export interface GitleaksAdapterOptions {
  readonly version: string;
  /** Vouch's gitleaks.toml (built-in rules only). */
  readonly configPath: string;
  readonly maxFileBytes: number;
}

export function createGitleaksAdapter(options: GitleaksAdapterOptions): ScannerAdapter {
  const tool: ToolInfo = {
    name: 'gitleaks',
    version: options.version,
    informationUri: 'https://github.com/gitleaks/gitleaks',
  };
  return {
    id: 'gitleaks',
    async scan(context: ScanContext): Promise<ScanOutcome> {
      if (context.executable === undefined) {
        const message = `gitleaks ${options.version} is not installed (not in Vouch's tool cache nor on PATH at that version); run \`vouch setup\``;
        return { kind: 'error', error: new ScannerError('NOT_INSTALLED', { scanner: 'gitleaks', message }) };
      }
      const history = context.history;
      if (context.changedFiles?.length === 0 && !history) {
        return {
          kind: 'skipped',
          reason: `${context.scope ?? 'this change touches'} no file for it to read`,
        };
      }
      const run = (source: RunSource) => runGitleaks(context, options, context.executable ?? '', source);
      const tree =
        context.changedFiles?.length === 0
          ? { kind: 'clean' as const }
          : await run({
              name: 'tree',
              cwd: context.changedFiles ? await copyOfChange(context, context.changedFiles) : context.root,
            });
      if (tree.kind === 'error') return tree.outcome;
      const commits = history
        ? await run({ name: 'commits', cwd: context.root, commitsAfter: history.start })
        : { kind: 'clean' as const };
      if (commits.kind === 'error') return commits.outcome;
      const treeLeaks = tree.kind === 'findings' ? tree.leaks : [];
      const outcome = await toOutcome(tool, treeLeaks, context);
      if (!history || commits.kind !== 'findings') return outcome;
      return withHistory(outcome, tool, await historyDetections(commits.leaks, context, history));
    },
  };
}

interface RunSource {
  readonly name: 'tree' | 'commits';
  readonly cwd: string;
  readonly commitsAfter?: string;
}

type RunResult =
  | { readonly kind: 'clean' }
  | { readonly kind: 'findings'; readonly leaks: readonly Leak[] }
  | { readonly kind: 'error'; readonly outcome: ScanOutcome };

/** One Gitleaks process, `dir` over a tree or `git` over the change's commits, classified. */
async function runGitleaks(
  context: ScanContext,
  options: GitleaksAdapterOptions,
  command: string,
  source: RunSource,
): Promise<RunResult> {
  const reportPath = join(context.workDir, `gitleaks-${source.name}.json`);
  const ignoreDir = join(context.workDir, 'no-ignore');
  await context.ports.fs.mkdir(ignoreDir);
  const args = gitleaksArgs({
    reportPath,
    configPath: options.configPath,
    ignoreDir,
    maxFileBytes: options.maxFileBytes,
    ...(source.commitsAfter === undefined ? {} : { commitsAfter: source.commitsAfter }),
  });
  const result = await context.ports.processes.run({
    command,
    args,
    cwd: source.cwd,
    timeoutMs: context.timeoutMs,
  });
  const classification = classifyGitleaks(result, await readReport(context, reportPath));
  if (classification.kind === 'error') {
    const details = {
      scanner: 'gitleaks',
      message:
        source.name === 'commits'
          ? `${classification.message} (reading the pull request's commits)`
          : classification.message,
      command: [command, ...args].join(' '),
      exitCode: result.kind === 'exited' ? result.exitCode : undefined,
      stderrTail: result.kind === 'spawn-error' ? undefined : result.stderrTail,
    };
    return {
      kind: 'error',
      outcome: { kind: 'error', error: new ScannerError(classification.code, details) },
    };
  }
  return classification;
}

/**
 * On a pull request Gitleaks reads a copy of just the changed files, laid out as in the repository, so
 * its report names them by their repository paths; a secret elsewhere could only be pre-existing.
 */
async function copyOfChange(context: ScanContext, changed: readonly string[]): Promise<string> {
  const dir = join(context.workDir, 'change');
  for (const path of changed) {
    await context.ports.fs.mkdir(dirname(join(dir, path)));
    await context.ports.fs.writeFile(
      join(dir, path),
      await context.ports.fs.readFile(join(context.root, path)),
    );
  }
  return dir;
}

async function readReport(context: ScanContext, reportPath: string): Promise<ReportRead> {
  const read = await readReportFile(context.ports.fs, reportPath, parseGitleaksReport, GitleaksReportError);
  return read.kind === 'parsed' ? { kind: 'parsed', leaks: read.value } : read;
}

async function toOutcome(tool: ToolInfo, leaks: readonly Leak[], context: ScanContext): Promise<ScanOutcome> {
  const kept = new Set(context.files);
  const rules = new Map<string, ReturnType<typeof gitleaksRule>>();
  const detections: Detection[] = [];
  const notes: ScanNote[] = [];
  let outsideDiscovery = 0;
  for (const leak of leaks) {
    const path = toRepoPath(context.root, leak.file);
    if (path === undefined || !kept.has(path)) {
      outsideDiscovery += 1;
      continue;
    }
    const rule = gitleaksRule(leak);
    rules.set(rule.id, rule);
    const where = region(leak);
    detections.push({
      ruleId: rule.id,
      message: `${rule.shortDescription}: ${leak.description.replace(/\.$/, '') || 'a credential'}. The value is redacted here; rotate it and load it from a secret store.`,
      location: { path, region: where },
      secret: await kindAt(context, path, where),
    });
  }
  if (outsideDiscovery > 0) {
    notes.push({
      message: `${outsideDiscovery} gitleaks result(s) in files excluded by .gitignore or the policy were not reported`,
    });
  }
  const ruleList = [...rules.values()];
  return detections.length > 0
    ? { kind: 'findings', tool, rules: ruleList, detections, notes }
    : { kind: 'clean', tool, rules: ruleList, notes };
}

/**
 * Gitleaks redacts the value in its report, so the matched text is read back from the file, judged, and
 * dropped: only `live` or `placeholder` is kept. What cannot be read counts as live.
 */
async function kindAt(context: ScanContext, path: string, where: Region): Promise<SecretKind> {
  let text: string;
  try {
    text = (await context.ports.fs.readFile(join(context.root, path))).toString('utf8');
  } catch {
    return 'live';
  }
  const matched = matchedText(text, where);
  return matched === undefined ? 'live' : secretKind(matched);
}
