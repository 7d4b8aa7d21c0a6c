import { symlink } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { describeError, ScannerError } from '../../core/errors.js';
import type { DirEntry, ProcessResult } from '../../core/ports.js';
import type { Detection, RuleDescriptor } from '../../findings/finding.js';
import { toRepoPath } from '../../findings/repo-path.js';
import type { Severity } from '../../findings/severity.js';
import type { ScanContext, ScannerAdapter, ScanNote, ScanOutcome, ToolInfo } from '../scanner.js';
import { CURRENT_DB_LAYOUT, LEGACY_DB_LAYOUT, osvArgs, planLocalDb } from './args.js';
import { type Classification, classifyOsv, EXIT, type ReportRead } from './classify.js';
import { locatePackage } from './locate.js';
import { OsvReportError, parseOsvReport, type VulnerablePackage } from './parse.js';
import { detectionMessage, osvRule, primaryId } from './rules.js';
import { groupScore } from './severity.js';
import { readReportFile } from '../process.js';
import { lockfilesWithPackages, osvSources } from './sources.js';

const SCANNER_ID = 'osv-scanner';

export interface OsvAdapterOptions {
  readonly version: string;
  /**
   * Offline mode: a local OSV database directory (`osv-scalibr/<Ecosystem>/all.zip`, or the older
   * `osv-scanner/<Ecosystem>/all.zip`), absolute or relative to the repository root. Online (osv.dev)
   * when absent.
   */
  readonly offlineDbPath?: string;
  /** Resolve manifests' transitive dependencies online (deps.dev, Maven Central); off unless the policy asks. */
  readonly resolveTransitive?: boolean;
  /** What an advisory with no score counts as: the policy's `unknown-severity` (high by default). */
  readonly unknownSeverity: Severity;
}

export function createOsvAdapter(options: OsvAdapterOptions): ScannerAdapter {
  const tool: ToolInfo = {
    name: SCANNER_ID,
    version: options.version,
    informationUri: 'https://google.github.io/osv-scanner/',
  };
  return {
    id: SCANNER_ID,
    async scan(context: ScanContext): Promise<ScanOutcome> {
      if (context.executable === undefined) {
        const message = `osv-scanner ${options.version} is not installed (not in Vouch's tool cache nor on PATH at that version); run \`vouch setup\``;
        return { kind: 'error', error: new ScannerError('NOT_INSTALLED', { scanner: SCANNER_ID, message }) };
      }
      const lockfiles = context.changedFiles && osvSources(context.changedFiles);
      if (lockfiles?.length === 0) {
        return {
          kind: 'skipped',
          reason: `${context.scope ?? 'this change touches'} no lockfile or manifest, so no dependency changed`,
        };
      }
      const run = await runScanner(context, context.executable, { ...options, lockfiles });
      if (run.kind === 'error') return run;
      const classification = classifyOsv(run.result, await readReport(context, run.reportPath));
      if (classification.kind === 'error') return failure(run, classification, options);
      if (classification.kind === 'skipped') return noSources(context, classification);
      const notes = hiddenNotes(classification.report.hidden);
      if (classification.kind === 'clean') return { kind: 'clean', tool, rules: [], notes };
      return toOutcome(tool, classification.report.vulnerable, notes, context, options);
    },
  };
}

interface Run {
  readonly kind: 'ran';
  readonly command: string;
  readonly args: readonly string[];
  readonly reportPath: string;
  readonly offline: boolean;
  readonly result: ProcessResult;
}

async function runScanner(
  context: ScanContext,
  command: string,
  options: OsvAdapterOptions & { readonly lockfiles: readonly string[] | undefined },
): Promise<Run | Extract<ScanOutcome, { kind: 'error' }>> {
  const reportPath = join(context.workDir, 'osv-scanner.json');
  const configPath = join(context.workDir, 'osv-scanner.toml');
  let localDbPath: string | undefined;
  try {
    await context.ports.fs.writeFile(configPath, '');
    localDbPath = await prepareLocalDb(context, options.offlineDbPath);
  } catch (thrown) {
    const message = `could not prepare osv-scanner's work directory ${context.workDir}: ${describeError(thrown)}`;
    return { kind: 'error', error: new ScannerError('INTERNAL', { scanner: SCANNER_ID, message }) };
  }
  const args = osvArgs({
    reportPath,
    configPath,
    resolveTransitive: options.resolveTransitive ?? false,
    ...(options.lockfiles === undefined ? {} : { lockfiles: options.lockfiles }),
    ...(localDbPath === undefined ? {} : { localDbPath }),
  });
  const request = { command, args, cwd: context.root, timeoutMs: context.timeoutMs };
  const result = await context.ports.processes.run(request);
  return { kind: 'ran', command, args, reportPath, offline: localDbPath !== undefined, result };
}

/** "No package sources found" is believed only when Vouch's own parsers find no package either. */
async function noSources(
  context: ScanContext,
  skipped: Extract<Classification, { kind: 'skipped' }>,
): Promise<ScanOutcome> {
  const lockfiles = await lockfilesWithPackages(
    context.root,
    context.changedFiles ?? context.files,
    context.ports.fs,
  );
  if (lockfiles.length === 0) return skipped;
  const message = `osv-scanner found no package sources, yet ${lockfiles.length} lockfile(s) in the tree list packages (${lockfiles.slice(0, 3).join(', ')}): their dependencies were not checked`;
  return { kind: 'error', error: new ScannerError('BAD_OUTPUT', { scanner: SCANNER_ID, message }) };
}

function failure(
  run: Run,
  classification: Extract<Classification, { kind: 'error' }>,
  options: OsvAdapterOptions,
): ScanOutcome {
  const { result } = run;
  const exitCode = result.kind === 'exited' ? result.exitCode : undefined;
  const stderrTail = result.kind === 'spawn-error' ? undefined : result.stderrTail;
  const failedExtraction = exitCode === EXIT.error || /Error during extraction/.test(stderrTail ?? '');
  const unreachable =
    !run.offline && failedExtraction && stderrTail !== undefined && networkFailure(stderrTail);
  const hint = run.offline && failedExtraction ? offlineHint(options) : '';
  const details = {
    scanner: SCANNER_ID,
    message: unreachable ? unreachableMessage(unreachable) : classification.message + hint,
    command: [run.command, ...run.args].join(' '),
    exitCode,
    // The message says all there is to say; the raw tail (retries, URLs, resolver addresses) only buries it.
    ...(unreachable ? {} : { stderrTail }),
  };
  return { kind: 'error', error: new ScannerError(classification.code, details) };
}

/** The host osv-scanner could not reach, when its stderr says it failed on the network. */
function networkFailure(stderr: string): string | false {
  if (
    !/dial tcp|no such host|connection refused|i\/o timeout|TLS handshake|network is unreachable|max retries exceeded/i.test(
      stderr,
    )
  )
    return false;
  return /https?:\/\/([a-z0-9.-]+)/i.exec(stderr)?.[1] ?? 'the OSV API';
}

function unreachableMessage(host: string): string {
  return `osv-scanner could not reach ${host}: online, it looks every package up in the OSV API (api.osv.dev). Allow the runner to reach api.osv.dev, or run fully offline: set \`osv: { offline-db: <dir> }\` in the policy, with <dir> holding osv-scalibr/<Ecosystem>/all.zip for each ecosystem you use (downloaded once with \`osv-scanner scan source --offline-vulnerabilities --download-offline-databases --local-db-path <dir> .\`, or the all.zip archives from the OSV bucket, https://google.github.io/osv-scanner/offline-mode/)`;
}

function offlineHint(options: OsvAdapterOptions): string {
  return `. In offline mode this usually means the local database ${options.offlineDbPath ?? ''} has no all.zip for an ecosystem the repository uses (it must hold ${CURRENT_DB_LAYOUT}/<Ecosystem>/all.zip or ${LEGACY_DB_LAYOUT}/<Ecosystem>/all.zip for each)`;
}

/**
 * The directory to give `--local-db-path`, or undefined online. osv-scanner 2.5 moved the archives from
 * `osv-scanner/` to `osv-scalibr/`; a database in the old layout is presented in the new one through
 * links in the work directory, so the user's directory is never written to.
 */
async function prepareLocalDb(
  context: ScanContext,
  configured: string | undefined,
): Promise<string | undefined> {
  if (configured === undefined) return undefined;
  const dir = isAbsolute(configured) ? configured : join(context.root, configured);
  const listing = {
    current: await ecosystems(context, join(dir, CURRENT_DB_LAYOUT)),
    legacy: await ecosystems(context, join(dir, LEGACY_DB_LAYOUT)),
  };
  const plan = planLocalDb(dir, listing);
  if (plan.kind === 'as-is') return dir;
  const view = join(context.workDir, 'osv-local-db');
  await context.ports.fs.remove(view);
  for (const { link, target } of plan.links) {
    await context.ports.fs.mkdir(dirname(join(view, link)));
    // The FileSystem port has no link operation; a copy would duplicate archives of hundreds of MB.
    await symlink(target, join(view, link));
  }
  context.ports.logger.debug(`osv-scanner: ${dir} uses the pre-2.5 layout; presenting it from ${view}`);
  return view;
}

async function ecosystems(context: ScanContext, layoutDir: string): Promise<string[]> {
  const { fs } = context.ports;
  let entries: DirEntry[];
  try {
    entries = await fs.readdir(layoutDir);
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'directory' && entry.kind !== 'symlink') continue;
    const archive = await fs.lstat(join(layoutDir, entry.name, 'all.zip')).catch(() => undefined);
    if (archive?.kind === 'file' || archive?.kind === 'symlink') found.push(entry.name);
  }
  return found.sort();
}

async function readReport(context: ScanContext, reportPath: string): Promise<ReportRead> {
  const read = await readReportFile(context.ports.fs, reportPath, parseOsvReport, OsvReportError);
  return read.kind === 'parsed' ? { kind: 'parsed', report: read.value } : read;
}

function hiddenNotes(hidden: readonly VulnerablePackage[]): ScanNote[] {
  if (hidden.length === 0) return [];
  const ids = [...new Set(hidden.map((found) => primaryId(found.ids)))].join(', ');
  return [
    {
      message: `osv-scanner judged ${hidden.length} vulnerability result(s) uncalled or unimportant and they were not reported: ${ids}`,
    },
  ];
}

async function toOutcome(
  tool: ToolInfo,
  vulnerable: readonly VulnerablePackage[],
  notes: ScanNote[],
  context: ScanContext,
  options: OsvAdapterOptions,
): Promise<ScanOutcome> {
  const kept = new Set(context.files);
  const rules = new Map<string, RuleDescriptor>();
  const detections: Detection[] = [];
  const files = new FileCache(context);
  let outsideDiscovery = 0;
  for (const found of vulnerable) {
    const path = toRepoPath(context.root, found.sourcePath);
    if (path === undefined || !kept.has(path)) {
      outsideDiscovery += 1;
      continue;
    }
    const line = locatePackage(path, await files.read(path), found.package);
    if (line === undefined) notes.push(notFound(found, path));
    const detection = detect(found, path, line ?? 1, options.unknownSeverity);
    rules.set(detection.rule.id, rules.get(detection.rule.id) ?? detection.rule);
    detections.push(detection.detection);
  }
  if (outsideDiscovery > 0) {
    notes.push({
      message: `${outsideDiscovery} osv-scanner result(s) in files excluded by .gitignore or the policy were not reported`,
    });
  }
  const ruleList = [...rules.values()];
  return detections.length > 0
    ? { kind: 'findings', tool, rules: ruleList, detections, notes }
    : { kind: 'clean', tool, rules: ruleList, notes };
}

/** The score is the advisory group's; the result carries it too, as one rule may cover other packages. */
function detect(
  found: VulnerablePackage,
  path: string,
  startLine: number,
  unknownSeverity: Severity,
): { rule: RuleDescriptor; detection: Detection } {
  const score = groupScore(found.aliases, found.advisories, unknownSeverity);
  const rule = osvRule(found, score);
  const detection: Detection = {
    ruleId: rule.id,
    message: detectionMessage(found),
    location: { path, region: { startLine } },
    severity: score.severity,
    securitySeverity: score.score,
  };
  return { rule, detection };
}

function notFound(found: VulnerablePackage, path: string): ScanNote {
  const { name, version } = found.package;
  return {
    path,
    message: `${version ? `${name}@${version}` : name} was not found in ${path}; its finding points at line 1`,
  };
}

/** Each lockfile is read once however many vulnerable packages it holds; an unreadable one reads as empty. */
class FileCache {
  private readonly texts = new Map<string, Promise<string>>();

  constructor(private readonly context: ScanContext) {}

  read(path: string): Promise<string> {
    let text = this.texts.get(path);
    if (text === undefined) {
      text = this.context.ports.fs.readFile(join(this.context.root, path)).then(
        (buffer) => buffer.toString('utf8'),
        () => '',
      );
      this.texts.set(path, text);
    }
    return text;
  }
}
