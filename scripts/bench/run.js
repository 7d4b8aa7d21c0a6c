// One measurement each: the tree read with `cat`, the scanners alone through Vouch's own adapters
// (alone.ts, one after another), and `vouch scan` as a user runs it (full, or as a pull request).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { createTreeSampler, runCommand } from './measure.js';

/** The scanners with a process of their own, in the order the baseline runs them. */
export const SCANNERS = ['gitleaks', 'semgrep', 'checkov', 'osv-scanner'];

/** Bundles alone.ts (Vouch's adapters and ports, from src/) with the project's ncc; untimed. */
export function buildAlone(vouchRoot, tempDir) {
  const out = join(tempDir, 'alone');
  const ncc = join(vouchRoot, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      join(vouchRoot, 'scripts', 'bench', 'alone.ts'),
      '-o',
      out,
      '--quiet',
      '--target',
      'es2023',
    ],
    { cwd: vouchRoot, stdio: 'inherit' },
  );
  return join(out, 'index.js');
}

/** Reading every file of the tree once: the floor any scanner of the whole tree pays. */
export async function catTree(context) {
  const result = await runCommand({
    command: 'sh',
    args: ['-c', 'find . -path ./.git -prune -o -type f -print0 | xargs -0 cat > /dev/null'],
    cwd: context.root,
    env: process.env,
  });
  return { wallMs: result.wallMs, problems: result.exitCode === 0 ? [] : [`cat exited ${result.exitCode}`] };
}

/**
 * The four scanners, each alone and one after another, through Vouch's adapters with the same policy:
 * the same flags, targets and environment as in a scan. `base` makes it the pull request's scanners.
 */
export async function scannersAlone(context, { base } = {}) {
  const request = {
    root: context.root,
    policy: context.policy,
    cacheDir: context.cacheDir,
    vouchRoot: context.vouchRoot,
    scanners: SCANNERS,
    ...(base ? { base } : {}),
  };
  const sampler = createTreeSampler();
  const result = await runCommand(
    {
      command: process.execPath,
      args: [context.alone, JSON.stringify(request)],
      cwd: context.root,
      env: process.env,
    },
    { sampler, keepStdout: true },
  );
  const peakTreeKb = sampler.stop();
  const lines = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  const perScanner = Object.fromEntries(lines.map((line) => [line.id, line]));
  const problems = [
    ...(result.exitCode === 0 ? [] : [`alone.js exited ${result.exitCode}: ${tailOf(result.stderr)}`]),
    ...lines.filter((line) => line.outcome === 'error').map((line) => `${line.id} errored: ${line.error}`),
  ];
  return {
    sumMs: lines.reduce((sum, line) => sum + line.wallMs, 0),
    perScanner,
    peakTreeKb,
    problems,
  };
}

function tailOf(lines) {
  return lines
    .slice(-3)
    .map((line) => line.text)
    .join(' | ')
    .slice(0, 300);
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
      context.policy,
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
    const report = parseJson(result.stdout);
    const probe = readJson(probeFile);
    return {
      wallMs: result.wallMs,
      exitCode: result.exitCode,
      ownRssKb: probe?.maxRssKb,
      ownCpuMs: probe ? probe.userCpuMs + probe.systemCpuMs : undefined,
      peakTreeKb,
      findings: report?.counts?.total,
      phases: phases(result),
      problems: vouchProblems(result, report),
    };
  });
}

function parseJson(text) {
  try {
    return JSON.parse(text);
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
  return problems;
}

/**
 * Splits Vouch's wall time with the progress lines it prints (src/core/progress-line.ts): start →
 * "discovered" (node start-up, policy, git diff on pull requests, the walk), the scanners, and the last
 * "finished" → exit (dedupe, judge, SARIF, SBOM and JSON output). Vouch's own work is the first and last.
 */
function phases(result) {
  const discovered = result.stderr.find((line) => line.text.startsWith('discovered '));
  const finished = result.stderr.filter((line) => / finding\(s\) in [\d.]+s$/.test(line.text));
  const lastFinish = finished.length > 0 ? Math.max(...finished.map((line) => line.atMs)) : undefined;
  const perScannerMs = Object.fromEntries(
    finished.map((line) => [line.text.split(':')[0], Number(/in ([\d.]+)s$/.exec(line.text)[1]) * 1000]),
  );
  return {
    discoveredMs: discovered?.atMs,
    discoveredFiles: discovered ? Number(/discovered (\d+)/.exec(discovered.text)[1]) : undefined,
    afterScannersMs: lastFinish !== undefined ? result.wallMs - lastFinish : undefined,
    perScannerMs,
  };
}
