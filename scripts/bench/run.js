// One measurement of one repository: the scanners alone (concurrently, then one after the other) and
// `vouch scan` (full, then as a pull request). Each function returns plain numbers for the report.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { createTreeSampler, runCommand } from './measure.js';
import { countResults, scannerCommands } from './scanners.js';

/** Exit codes that mean "ran, maybe found something" (the adapters' classify.ts files). */
const OK_EXIT = { gitleaks: [0, 99], semgrep: [0, 3], checkov: [0, 1], 'osv-scanner': [0, 1, 128] };

/** A scanner's commands in order (Semgrep's chunks run one after another inside Vouch too). */
async function runScanner(id, commands, sampler) {
  let wallMs = 0;
  let cpuMs = 0;
  const problems = [];
  for (const spec of commands) {
    const result = await runCommand(spec, { sampler });
    wallMs += result.wallMs;
    cpuMs += result.cpuMs ?? NaN;
    if (!OK_EXIT[id].includes(result.exitCode))
      problems.push(`${id} exited ${result.exitCode ?? result.error}: ${tailOf(result.stderr)}`);
  }
  return {
    wallMs,
    cpuMs,
    problems,
    results: countResults(
      id,
      commands.map((spec) => spec.report),
    ),
  };
}

function tailOf(lines) {
  return lines
    .slice(-3)
    .map((line) => line.text)
    .join(' | ')
    .slice(0, 300);
}

/** All four scanners at once, as Vouch runs them: the wall time is the slowest one's. */
export async function scannersConcurrent(context) {
  return withWorkDir(context, async (work) => {
    const commands = scannerCommands({ ...context, work });
    const sampler = createTreeSampler();
    const started = performance.now();
    const runs = await Promise.all(
      Object.entries(commands).map(async ([id, list]) => [id, await runScanner(id, list, sampler)]),
    );
    const wallMs = performance.now() - started;
    return summarize(runs, { wallMs, peakTreeKb: sampler.stop() });
  });
}

/** One scanner after another: their sum, and each one's time without contention. */
export async function scannersSequential(context) {
  return withWorkDir(context, async (work) => {
    const commands = scannerCommands({ ...context, work });
    const runs = [];
    for (const [id, list] of Object.entries(commands)) runs.push([id, await runScanner(id, list)]);
    return summarize(runs, { wallMs: runs.reduce((sum, [, run]) => sum + run.wallMs, 0) });
  });
}

function summarize(runs, totals) {
  return {
    ...totals,
    cpuMs: runs.reduce((sum, [, run]) => sum + run.cpuMs, 0),
    perScannerMs: Object.fromEntries(runs.map(([id, run]) => [id, run.wallMs])),
    perScannerCpuMs: Object.fromEntries(runs.map(([id, run]) => [id, run.cpuMs])),
    results: runs.reduce((sum, [, run]) => sum + run.results, 0),
    problems: runs.flatMap(([, run]) => run.problems),
  };
}

function withWorkDir(context, body) {
  const work = mkdtempSync(join(context.tempDir, 'work-'));
  return body(work).finally(() => rmSync(work, { recursive: true, force: true }));
}

/**
 * `vouch scan` as a user runs it, with the RSS probe preloaded into its node process. `base` makes it a
 * pull-request scan against that commit.
 */
export async function vouchScan(context, { base } = {}) {
  return withWorkDir(context, async (work) => {
    const probeFile = join(work, 'probe.json');
    const args = [
      '--import',
      context.probeUrl,
      context.cli,
      'scan',
      context.root,
      '--out',
      join(work, 'out'),
      '--format',
      'json',
      '--policy',
      context.shared.policy,
      '--cache-dir',
      context.cacheDir,
    ];
    if (base) args.push('--base', base);
    const env = { ...process.env, VOUCH_BENCH_PROBE_FILE: probeFile };
    const sampler = createTreeSampler();
    const result = await runCommand(
      { command: process.execPath, args, cwd: context.root, env },
      { sampler, keepStdout: true },
    );
    const peakTreeKb = sampler.stop();
    const report = parseReport(result.stdout);
    const probe = readJson(probeFile);
    return {
      wallMs: result.wallMs,
      cpuMs: result.cpuMs,
      exitCode: result.exitCode,
      ownRssKb: probe?.maxRssKb,
      ownCpuMs: probe ? probe.userCpuMs + probe.systemCpuMs : undefined,
      peakTreeKb,
      findings: report?.counts?.total,
      blocking: report?.counts?.blocking,
      preExisting: report?.counts?.preExisting,
      phases: phases(result),
      problems: vouchProblems(result, report),
    };
  });
}

function parseReport(stdout) {
  try {
    return JSON.parse(stdout);
  } catch {
    return undefined;
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Exit 0 (pass) and 1 (blocked) are results; 2, or a scanner that errored, makes the numbers suspect. */
function vouchProblems(result, report) {
  const problems = [];
  if (![0, 1].includes(result.exitCode))
    problems.push(`vouch exited ${result.exitCode}: ${tailOf(result.stderr)}`);
  for (const scanner of report?.scanners ?? [])
    if (scanner.outcome === 'error') problems.push(`vouch: ${scanner.id} errored`);
  for (const problem of report?.problems ?? [])
    problems.push(`vouch: ${problem.scanner}: ${String(problem.message).slice(0, 200)}`);
  return problems;
}

/**
 * Splits Vouch's wall time with the progress lines it prints (src/core/progress-line.ts):
 * start → "discovered" is node start-up, policy, git diff (pull requests) and the walk; then the scanners;
 * the last "finished" → exit is dedupe, judge, SARIF and JSON output. Per-scanner times as Vouch saw them
 * include parsing and normalizing that scanner's results.
 */
function phases(result) {
  const discovered = result.stderr.find((line) => line.text.startsWith('discovered '));
  const finished = result.stderr.filter((line) => / finding\(s\) in [\d.]+s$/.test(line.text));
  const perScannerMs = Object.fromEntries(
    finished.map((line) => [line.text.split(':')[0], Number(/in ([\d.]+)s$/.exec(line.text)[1]) * 1000]),
  );
  const lastFinish = finished.length > 0 ? Math.max(...finished.map((line) => line.atMs)) : undefined;
  return {
    discoveredMs: discovered?.atMs,
    discoveredFiles: discovered ? Number(/discovered (\d+)/.exec(discovered.text)[1]) : undefined,
    scanningMs: lastFinish !== undefined && discovered ? lastFinish - discovered.atMs : undefined,
    afterScannersMs: lastFinish !== undefined ? result.wallMs - lastFinish : undefined,
    perScannerMs,
  };
}
