// `npm run bench:real`: Vouch with the default preset on well-kept projects nobody here wrote (their
// published sources at pinned versions, scripts/real-repos/repos.json) and on the deliberately vulnerable
// apps in examples/ (scripts/real-repos/vulnerable.json). Prints, per repository, the decision, what blocks
// by rule and role, and for the vulnerable apps which documented flaws were found and blocking. The first
// run downloads the sources from their registries into the cache; later runs fetch nothing.
//
//   npm run bench:real -- [--only express,flask] [--cache-dir DIR] [--osv online|off|<offline db dir>]
import console from 'node:console';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { materialise } from './real-repos/materialise.js';

const VOUCH_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PINS_FILE = join(VOUCH_ROOT, 'scripts/real-repos/repos.json');
const APPS_FILE = join(VOUCH_ROOT, 'scripts/real-repos/vulnerable.json');

function options() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      'cache-dir': { type: 'string', default: join(homedir(), '.cache', 'vouch-real-repos') },
      // OSV-Scanner needs api.osv.dev or a local database; `off` says so in the output instead of failing.
      osv: { type: 'string', default: 'online' },
    },
  });
  return { ...values, only: values.only?.split(',').map((name) => name.trim()) };
}

/** The default preset, plus only what the machine forces (OSV offline or off), written out so the run says it. */
function benchPolicy(osv) {
  const preset = readFileSync(join(VOUCH_ROOT, 'policies/default.yml'), 'utf8');
  const extra =
    osv === 'online'
      ? ''
      : osv === 'off'
        ? 'scanners:\n  osv-scanner: { enabled: false }\n'
        : `osv:\n  offline-db: ${JSON.stringify(resolve(osv))}\n`;
  const path = join(mkdtempSync(join(tmpdir(), 'vouch-bench-real-')), 'policy.yml');
  writeFileSync(path, `${preset}${extra}`);
  return path;
}

function scan(root, policy) {
  const out = mkdtempSync(join(tmpdir(), 'vouch-bench-real-out-'));
  const started = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [join(VOUCH_ROOT, 'dist/cli/index.js'), 'scan', root, '--policy', policy, '--out', out],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status === 2 || run.status === null) {
    return {
      status: 'error',
      seconds,
      problem: run.stdout.split('\n').find((l) => l.includes('ERROR')) ?? run.stderr,
    };
  }
  const results = JSON.parse(readFileSync(join(out, 'vouch-results.json'), 'utf8'));
  return { status: results.decision.status, seconds, results };
}

const at = (finding) => `${finding.location.path}:${finding.location.region?.startLine ?? 1}`;

function countBy(findings, key) {
  const counts = new Map();
  for (const finding of findings) counts.set(key(finding), (counts.get(key(finding)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function report(name, what, run) {
  console.log(`\n## ${name} (${what})`);
  if (run.status === 'error') {
    console.log(`decision: ERROR in ${run.seconds.toFixed(1)}s: ${run.problem}`);
    return;
  }
  const { findings } = run.results;
  const blocking = findings.filter((f) => f.verdict === 'blocking');
  const warnings = findings.filter((f) => f.verdict === 'warning');
  console.log(
    `decision: ${run.status.toUpperCase()} in ${run.seconds.toFixed(1)}s; findings ${findings.length}, blocking ${blocking.length}, warnings ${warnings.length}`,
  );
  for (const [key, count] of countBy(blocking, (f) => `${f.ruleId} [${f.role}]`))
    console.log(`  blocking ${count} × ${key}`);
  for (const [key, count] of countBy(warnings, (f) => `${f.ruleId} [${f.role}]`))
    console.log(`  warning  ${count} × ${key}`);
  for (const finding of blocking) console.log(`    ${finding.ruleId} at ${at(finding)}`);
}

function flawsFound(app, run) {
  if (run.status === 'error') return app.flaws.map((flaw) => ({ flaw, found: false }));
  const blocking = run.results.findings.filter((f) => f.verdict === 'blocking');
  return app.flaws.map((flaw) => ({
    flaw,
    found: blocking.some((f) => f.ruleId === flaw.rule && at(f) === flaw.at),
  }));
}

async function main() {
  const settings = options();
  const policy = benchPolicy(settings.osv);
  const pins = JSON.parse(readFileSync(PINS_FILE, 'utf8'));
  const apps = JSON.parse(readFileSync(APPS_FILE, 'utf8')).apps;
  const wanted = (name) => settings.only === undefined || settings.only.includes(name);
  console.log(
    `# Vouch on real repositories, default preset${settings.osv === 'online' ? '' : `, OSV-Scanner ${settings.osv}`}`,
  );
  let failures = 0;
  for (const repo of pins.repositories.filter((r) => wanted(r.name))) {
    const root = await materialise(repo, { cacheDir: settings['cache-dir'], pinsFile: PINS_FILE, pins });
    report(repo.name, `${repo.registry} ${repo.package} ${repo.version}`, scan(root, policy));
  }
  for (const app of apps.filter((a) => wanted(a.name))) {
    const run = scan(join(VOUCH_ROOT, app.path), policy);
    report(app.name, `deliberately vulnerable, ${app.path}`, run);
    const found = flawsFound(app, run);
    for (const { flaw, found: ok } of found)
      console.log(`  ${ok ? 'found ' : 'MISSED'} ${flaw.what}: ${flaw.rule} at ${flaw.at}`);
    failures += found.filter((f) => !f.found).length;
  }
  if (failures > 0) {
    console.log(`\n${failures} documented flaw(s) were not found blocking`);
    process.exitCode = 1;
  }
}

await main();
