// `npm run bench`: Vouch against the scanners it runs, on the same generated repositories in the same run.
// Prints ratios (Vouch / scanners alone), never asserts on them: see scripts/bench/README.md for what is
// measured and how to read it. Exits 0 whenever it could measure; 1 when it could not (no build, no tools).
//
//   npm run bench -- [--runs N] [--sizes small,medium,large] [--large] [--seed S] [--sequential-runs N] [--keep]
import console from 'node:console';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateRepository, generateWarmup } from './bench/generate.js';
import { mainTable, phaseTable, scannerTable, summarizeRepository } from './bench/report.js';
import { scannersConcurrent, scannersSequential, vouchScan } from './bench/run.js';
import { defaultCacheDir, locateScanners, prepareShared, semgrepLanguages } from './bench/scanners.js';

const VOUCH_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = { small: 200, medium: 2000, large: 10000 };
const RESULTS_FILE = join(tmpdir(), 'vouch-bench-results.json');

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      sizes: { type: 'string', default: process.env.BENCH_SIZES ?? 'small,medium' },
      large: { type: 'boolean', default: false },
      seed: { type: 'string', default: 'vouch-bench' },
      // The one-after-another baseline is a reference, not the ratio's denominator: once keeps the default
      // run near ten minutes on two cores.
      'sequential-runs': { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      'cache-dir': { type: 'string', default: defaultCacheDir() },
    },
  });
  const sizes = values.sizes
    .split(',')
    .map((size) => size.trim())
    .filter(Boolean);
  if (values.large && !sizes.includes('large')) sizes.push('large');
  const unknown = sizes.filter((size) => !(size in SIZES));
  if (unknown.length > 0)
    throw new Error(`unknown size(s) ${unknown.join(', ')}; use ${Object.keys(SIZES).join(', ')}`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  const sequentialRuns = Number(values['sequential-runs']);
  if (!Number.isInteger(sequentialRuns) || sequentialRuns < 0)
    throw new Error('--sequential-runs must be 0 or more');
  return { ...values, sizes, runs, sequentialRuns };
}

/** What every measurement needs; undefined (after saying why) when the benchmark cannot run here. */
function setup(opts, tempDir) {
  const cli = join(VOUCH_ROOT, 'dist', 'cli', 'index.js');
  if (!existsSync(cli)) return fail(`${cli} is missing: run \`npm run build\` first`);
  const { tools, missing } = locateScanners(VOUCH_ROOT, opts['cache-dir']);
  if (missing.length > 0)
    return fail(`scanners not installed (${missing.join(', ')}): run \`npm run vouch -- setup\``);
  const shared = prepareShared(tempDir);
  const snapshot = snapshotCli(tempDir);
  const languages = semgrepLanguages(join(VOUCH_ROOT, 'data', 'rules', 'semgrep'));
  const probeUrl = pathToFileURL(join(VOUCH_ROOT, 'scripts', 'bench', 'rss-probe.js')).href;
  return {
    cli: snapshot,
    tools,
    shared,
    languages,
    probeUrl,
    tempDir,
    vouchRoot: VOUCH_ROOT,
    cacheDir: opts['cache-dir'],
  };
}

/**
 * A copy of the built CLI, so that a `npm run build` elsewhere (which empties dist/) cannot break a run
 * halfway. The bundle finds its root by the action.yml and policies/ next to it; data/ is a link to the
 * real one, which the baseline reads too.
 */
function snapshotCli(tempDir) {
  const root = join(tempDir, 'vouch');
  mkdirSync(join(root, 'dist'), { recursive: true });
  cpSync(join(VOUCH_ROOT, 'dist', 'cli'), join(root, 'dist', 'cli'), { recursive: true });
  copyFileSync(join(VOUCH_ROOT, 'action.yml'), join(root, 'action.yml'));
  symlinkSync(join(VOUCH_ROOT, 'policies'), join(root, 'policies'));
  symlinkSync(join(VOUCH_ROOT, 'data'), join(root, 'data'));
  return join(root, 'dist', 'cli', 'index.js');
}

function fail(message) {
  console.error(`bench: ${message}`);
  return undefined;
}

function generate(opts, tempDir) {
  return opts.sizes.map((name) => {
    const root = join(tempDir, 'repos', name);
    mkdirSync(root, { recursive: true });
    const generated = generateRepository(root, { files: SIZES[name], seed: opts.seed });
    log(
      `generated ${name}: ${generated.files} files, pull request changes ${generated.changedFiles} (${root})`,
    );
    return { name, root, ...generated, runs: [] };
  });
}

/**
 * One run of one repository. The order alternates between runs so that neither Vouch nor the baseline
 * always goes first (page cache, CPU frequency and the like then favour neither).
 */
async function measure(base, repo, runIndex, opts) {
  const context = { ...base, root: repo.root };
  const steps = {
    concurrent: () => scannersConcurrent(context),
    vouch: () => vouchScan(context),
    pr: () => vouchScan(context, { base: 'HEAD~1' }),
    ...(runIndex < opts.sequentialRuns ? { sequential: () => scannersSequential(context) } : {}),
  };
  const order =
    runIndex % 2 === 0
      ? Object.keys(steps)
      : ['vouch', 'concurrent', 'pr', 'sequential'].filter((step) => step in steps);
  const run = {};
  for (const step of order) {
    run[step] = await steps[step]();
    log(`  ${repo.name} run ${runIndex + 1}: ${step} ${(run[step].wallMs / 1000).toFixed(1)}s`);
  }
  return run;
}

function log(message) {
  console.error(message);
}

function printResults(summaries, opts) {
  console.log(
    `\nVouch vs scanners alone — medians of ${opts.runs} run(s) (Σ: ${opts.sequentialRuns}); ‖ = scanners run concurrently (as Vouch runs them), Σ = one after another\n`,
  );
  console.log(mainTable(summaries));
  console.log(
    "\nWhere Vouch's time goes (start→discovered includes node start-up and policy; PR also git diff)\n",
  );
  console.log(phaseTable(summaries));
  console.log('\nPer scanner\n');
  console.log(scannerTable(summaries));
  for (const summary of summaries) {
    for (const problem of summary.problems) console.log(`\nwarning (${summary.name}): ${problem}`);
  }
}

/** Untimed: loads the Python virtualenvs and Vouch's bundle into the page cache before anything counts. */
async function warmUp(base, tempDir) {
  const root = join(tempDir, 'repos', 'warm-up');
  mkdirSync(root, { recursive: true });
  generateWarmup(root);
  log('warm-up (not measured)');
  const result = await vouchScan({ ...base, root });
  for (const problem of result.problems) log(`warm-up: ${problem}`);
}

async function main() {
  const opts = options();
  const tempDir = mkdtempSync(join(tmpdir(), 'vouch-bench-'));
  try {
    const base = setup(opts, tempDir);
    if (!base) return 1;
    const repos = generate(opts, tempDir);
    await warmUp(base, tempDir);
    for (let runIndex = 0; runIndex < opts.runs; runIndex += 1) {
      for (const repo of repos) repo.runs.push(await measure(base, repo, runIndex, opts));
    }
    const summaries = repos.map(summarizeRepository);
    printResults(summaries, opts);
    writeResults(summaries, repos, opts);
    return 0;
  } finally {
    if (opts.keep) log(`kept ${tempDir}`);
    else rmSync(tempDir, { recursive: true, force: true });
  }
}

function writeResults(summaries, repos, opts) {
  const record = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    cpu: cpus()[0]?.model,
    options: { runs: opts.runs, sizes: opts.sizes, seed: opts.seed, sequentialRuns: opts.sequentialRuns },
    summaries,
    runs: Object.fromEntries(repos.map((repo) => [repo.name, repo.runs])),
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`\nresults: ${RESULTS_FILE}`);
}

process.exitCode = await main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
