// `npm run bench`: Vouch against the scanners it runs, on the same generated repositories in the same run.
// The scanners alone run through Vouch's own adapters (scripts/bench/alone.ts, bundled from src/ here), so
// the baseline cannot drift from what a scan runs. Prints ratios (medians of --runs), never asserts them:
// see scripts/bench/README.md. Exits 0 whenever it could measure; 1 when it could not (no build, no tools).
//
//   npm run bench -- [--runs N] [--sizes 1k,10k] [--seed S] [--keep]
import console from 'node:console';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateRepository, generateWarmup } from './bench/generate.js';
import { ratioTable, resourceTable, scannerTable, summarizeRepository } from './bench/report.js';
import { buildAlone, catTree, SCANNERS, scannersAlone, vouchScan } from './bench/run.js';

const VOUCH_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = { '1k': 1000, '10k': 10000 };
const RESULTS_FILE = join(tmpdir(), 'vouch-bench-results.json');

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      sizes: { type: 'string', default: process.env.BENCH_SIZES ?? '1k,10k' },
      seed: { type: 'string', default: 'vouch-bench' },
      keep: { type: 'boolean', default: false },
      'cache-dir': {
        type: 'string',
        default:
          process.env.VOUCH_CACHE_DIR ??
          join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'vouch'),
      },
    },
  });
  const sizes = values.sizes
    .split(',')
    .map((size) => size.trim())
    .filter(Boolean);
  const unknown = sizes.filter((size) => !(size in SIZES));
  if (unknown.length > 0)
    throw new Error(`unknown size(s) ${unknown.join(', ')}; use ${Object.keys(SIZES).join(', ')}`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  return { ...values, sizes, runs };
}

/** The default preset, offline: no dependency lookups, and an OSV database with zero records per ecosystem. */
function offlinePolicy(tempDir) {
  const osvDb = join(tempDir, 'osv-db');
  for (const ecosystem of ['npm', 'PyPI', 'Go']) {
    const dir = join(osvDb, 'osv-scalibr', ecosystem);
    mkdirSync(dir, { recursive: true });
    execFileSync('python3', [
      '-c',
      'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").close()',
      join(dir, 'all.zip'),
    ]);
  }
  const policy = join(tempDir, 'bench-policy.yml');
  const preset = readFileSync(join(VOUCH_ROOT, 'policies', 'default.yml'), 'utf8');
  writeFileSync(
    policy,
    `${preset}\ndependencies: { offline: true }\nosv: { offline-db: ${JSON.stringify(osvDb)} }\n`,
  );
  return policy;
}

/**
 * A copy of the built CLI, so that a `npm run build` elsewhere (which empties dist/) cannot break a run
 * halfway. The bundle finds its root by the action.yml and policies/ next to it; data/ is a link.
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

function setup(opts, tempDir) {
  const cli = join(VOUCH_ROOT, 'dist', 'cli', 'index.js');
  if (!existsSync(cli)) return fail(`${cli} is missing: run \`npm run build\` first`);
  const missing = SCANNERS.filter((id) => !existsSync(join(opts['cache-dir'], id)));
  if (missing.length > 0)
    return fail(`scanners not installed (${missing.join(', ')}): run \`npm run vouch -- setup\``);
  log('bundling scripts/bench/alone.ts (Vouch adapters) with ncc');
  return {
    cli: snapshotCli(tempDir),
    alone: buildAlone(VOUCH_ROOT, tempDir),
    policy: offlinePolicy(tempDir),
    probeUrl: pathToFileURL(join(VOUCH_ROOT, 'scripts', 'bench', 'rss-probe.js')).href,
    tempDir,
    vouchRoot: VOUCH_ROOT,
    cacheDir: opts['cache-dir'],
  };
}

function fail(message) {
  console.error(`bench: ${message}`);
  return undefined;
}

function log(message) {
  console.error(message);
}

function generate(opts, tempDir) {
  return opts.sizes.map((name) => {
    const root = join(tempDir, 'repos', name);
    mkdirSync(root, { recursive: true });
    const generated = generateRepository(root, { files: SIZES[name], seed: opts.seed, changed: 10 });
    log(`generated ${name}: ${generated.files} files, a pull request of ${generated.changedFiles} (${root})`);
    return { name, root, ...generated, runs: [] };
  });
}

/** One run of one repository; the order alternates between runs so neither side always goes first. */
async function measure(base, repo, runIndex) {
  const context = { ...base, root: repo.root };
  const steps = {
    cat: () => catTree(context),
    alone: () => scannersAlone(context),
    full: () => vouchScan(context),
    pr: () => vouchScan(context, { base: 'HEAD~1' }),
  };
  const order = runIndex % 2 === 0 ? ['cat', 'alone', 'full', 'pr'] : ['cat', 'full', 'pr', 'alone'];
  const run = {};
  for (const step of order) {
    run[step] = await steps[step]();
    const ms = run[step].wallMs ?? run[step].sumMs;
    log(`  ${repo.name} run ${runIndex + 1}: ${step} ${(ms / 1000).toFixed(1)}s`);
  }
  return run;
}

function printResults(summaries, opts) {
  console.log(
    `\nVouch vs its scanners alone (Vouch's adapters, one after another) — medians of ${opts.runs} run(s), ${availableParallelism()} cores\n`,
  );
  console.log(ratioTable(summaries));
  console.log('\nEach scanner alone, and as Vouch reported it in the full scan and in the pull request\n');
  console.log(scannerTable(summaries));
  console.log("\nThe tree read once (cat), Vouch's own work (start-up, walk, judge, emit) and memory\n");
  console.log(resourceTable(summaries));
  for (const summary of summaries)
    for (const problem of summary.problems) console.log(`\nwarning (${summary.name}): ${problem}`);
}

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
    for (let runIndex = 0; runIndex < opts.runs; runIndex += 1)
      for (const repo of repos) repo.runs.push(await measure(base, repo, runIndex));
    const summaries = repos.map(summarizeRepository);
    printResults(summaries, opts);
    writeFileSync(
      RESULTS_FILE,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          cpus: availableParallelism(),
          cpu: cpus()[0]?.model,
          options: { runs: opts.runs, sizes: opts.sizes, seed: opts.seed },
          summaries,
          runs: Object.fromEntries(repos.map((repo) => [repo.name, repo.runs])),
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nresults: ${RESULTS_FILE}`);
    return 0;
  } finally {
    if (opts.keep) log(`kept ${tempDir}`);
    else rmSync(tempDir, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
