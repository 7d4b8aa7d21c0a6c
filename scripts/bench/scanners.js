// The "scanners alone" baseline: each pinned scanner run directly with the arguments Vouch gives it.
// The argument lists are rebuilt here rather than imported from src/ (this script runs without a build);
// they follow src/scanners/<tool>/args.ts line by line. Known differences are listed in README.md and are
// all on the baseline's side of the ledger: it gets Vouch's file list for free (computed untimed, below).
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { parse } from 'yaml';
import { discoverFiles } from './discover.js';

/** Policy defaults (src/policy/policy.ts) that reach the scanners' arguments. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const SEMGREP_JOBS = 2; // semgrep/args.ts DEFAULT_JOBS
const SEMGREP_TIMEOUT_SECONDS = 10; // semgrep/args.ts PER_FILE_TIMEOUT_SECONDS
const SEMGREP_MAX_TARGET_BYTES_PER_RUN = 512 * 1024; // semgrep/args.ts MAX_TARGET_BYTES_PER_RUN
const GITLEAKS_LEAKS_EXIT_CODE = 99;
const CHECKOV_FRAMEWORKS = [
  'terraform',
  'cloudformation',
  'kubernetes',
  'dockerfile',
  'github_actions',
  'secrets',
];

/** The environment Vouch's NodeProcessRunner gives every scanner: a fixed few variables, nothing else. */
const INHERITED_ENV = [
  'PATH',
  'HOME',
  'TMPDIR',
  'TEMP',
  'TMP',
  'LANG',
  'LC_ALL',
  'GOPATH',
  'GOCACHE',
  'GOMODCACHE',
  'GOPROXY',
  'GOFLAGS',
  'GOSUMDB',
  'GOTOOLCHAIN',
  'PIP_INDEX_URL',
  'PIP_CACHE_DIR',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
];

export function scannerEnv(extra = {}) {
  const env = { CI: 'true', NO_COLOR: '1', TERM: 'dumb' };
  for (const name of INHERITED_ENV) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, ...extra };
}

export function defaultCacheDir() {
  return (
    process.env.VOUCH_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'vouch')
  );
}

/** Executables as `vouch setup` lays them out (src/core/install.ts): Go tools in bin/, pip tools in venv/bin/. */
export function locateScanners(vouchRoot, cacheDir) {
  const pins = JSON.parse(readFileSync(join(vouchRoot, 'data', 'tools', 'pins.json'), 'utf8'));
  const tools = {};
  for (const [id, pin] of Object.entries(pins)) {
    if (id.startsWith('$')) continue;
    const sub = pin.pip ? ['venv', 'bin'] : ['bin'];
    tools[id] = { version: pin.version, path: join(cacheDir, id, pin.version, ...sub, pin.binary) };
  }
  const missing = Object.values(tools).filter((tool) => !existsSync(tool.path));
  return { tools, missing: missing.map((tool) => tool.path) };
}

/**
 * Files shared by every run: an empty OSV database for each ecosystem the repositories use (so offline
 * mode works without a download), the empty configs Vouch writes, and the benchmark's policy.
 */
export function prepareShared(dir) {
  const osvDb = join(dir, 'osv-db');
  for (const ecosystem of ['npm', 'PyPI', 'Go']) {
    const ecosystemDir = join(osvDb, 'osv-scalibr', ecosystem);
    mkdirSync(ecosystemDir, { recursive: true });
    // A valid zip archive with zero records: osv-scanner then finds no advisories, without the network.
    execFileSync('python3', [
      '-c',
      'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").close()',
      join(ecosystemDir, 'all.zip'),
    ]);
  }
  const policy = join(dir, 'bench-policy.yml');
  writeFileSync(policy, policyText(osvDb));
  return { osvDb, policy };
}

/** The default preset (policies/default.yml) plus what keeps the run offline. */
function policyText(osvDb) {
  return [
    'version: 1',
    'description: Vouch default preset, offline (benchmark).',
    'block:',
    '  severities: [critical, high]',
    'on-scanner-error: fail',
    'unknown-severity: high',
    'dependencies:',
    '  offline: true',
    'osv:',
    `  offline-db: ${JSON.stringify(osvDb)}`,
    '',
  ].join('\n');
}

/** Languages of Vouch's Semgrep rules, read as src/scanners/semgrep/rules.ts reads them. */
export function semgrepLanguages(rulesDir) {
  const languages = new Set();
  for (const file of ruleFiles(rulesDir)) {
    let document;
    try {
      document = parse(readFileSync(file, 'utf8'));
    } catch {
      return undefined; // Vouch then targets every file.
    }
    if (!Array.isArray(document?.rules)) return undefined;
    for (const rule of document.rules)
      for (const language of rule.languages ?? []) languages.add(String(language).toLowerCase());
  }
  return languages;
}

function ruleFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return ruleFiles(path);
      return entry.isFile() && /\.ya?ml$/.test(entry.name) ? [path] : [];
    });
}

/** semgrep/args.ts LANGUAGE_SUFFIXES, for the languages the rules use. */
const LANGUAGE_SUFFIXES = [
  [
    ['python', 'py', 'python2', 'python3'],
    ['.py', '.pyi'],
  ],
  [
    ['javascript', 'js'],
    ['.js', '.jsx', '.mjs', '.cjs'],
  ],
  [
    ['typescript', 'ts'],
    ['.ts', '.tsx'],
  ],
  [['go', 'golang'], ['.go']],
  [['java'], ['.java']],
  [
    ['kotlin', 'kt'],
    ['.kt', '.kts', '.ktm'],
  ],
  [['csharp', 'c#'], ['.cs']],
  [['ruby'], ['.rb']],
  [['php'], ['.php', '.tpl', '.phtml']],
  [['rust'], ['.rs']],
  [['scala'], ['.scala']],
  [['swift'], ['.swift']],
  [['c'], ['.c', '.h']],
  [
    ['cpp', 'c++'],
    ['.cc', '.cpp', '.cxx', '.c++', '.pcc', '.tpp', '.h', '.hh', '.hpp', '.hxx', '.inl', '.ipp'],
  ],
  [
    ['bash', 'sh'],
    ['.bash', '.sh'],
  ],
  [['yaml'], ['.yml', '.yaml']],
  [['json'], ['.json', '.ipynb']],
  [['html'], ['.htm', '.html']],
  [
    ['terraform', 'hcl', 'tf'],
    ['.tf', '.tofu', '.hcl', '.tfvars'],
  ],
  [['dockerfile', 'docker'], ['dockerfile']],
];

/** semgrep/args.ts semgrepTargets. */
function semgrepTargets(files, languages) {
  if (languages === undefined) return [...files];
  const suffixes = [];
  for (const language of languages) {
    const known = LANGUAGE_SUFFIXES.find(([keys]) => keys.includes(language))?.[1];
    if (known === undefined) return [...files];
    suffixes.push(...known);
  }
  return files.filter((file) => {
    const name = (file.split('/').pop() ?? file).toLowerCase();
    return !name.slice(1).includes('.') || suffixes.some((suffix) => name.endsWith(suffix));
  });
}

/** semgrep/args.ts chunkTargets. */
function chunkTargets(targets, maxBytes = SEMGREP_MAX_TARGET_BYTES_PER_RUN) {
  const chunks = [];
  let current = [];
  let bytes = 0;
  for (const target of targets) {
    const size = Buffer.byteLength(target) + 1;
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(target);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * One command list per scanner for `root`, writing reports under `work` (which must be empty). Semgrep
 * may need several commands (one per chunk of targets), run one after the other as Vouch does.
 */
export function scannerCommands({ root, work, tools, vouchRoot, shared, languages }) {
  const dirs = ['gitleaks/no-ignore', 'checkov/out', 'checkov/home', 'osv', 'semgrep'];
  for (const dir of dirs) mkdirSync(join(work, dir), { recursive: true });
  writeFileSync(join(work, 'osv', 'osv-scanner.toml'), '');
  const targets = semgrepTargets(discoverFiles(root, MAX_FILE_BYTES), languages);
  const rulesDir = join(vouchRoot, 'data', 'rules', 'semgrep');
  return {
    gitleaks: [gitleaksCommand(root, work, tools.gitleaks.path, vouchRoot)],
    semgrep: chunkTargets(targets).map((chunk, index) =>
      semgrepCommand(root, work, tools.semgrep.path, rulesDir, chunk, index),
    ),
    checkov: [checkovCommand(root, work, tools.checkov.path)],
    'osv-scanner': [osvCommand(root, work, tools['osv-scanner'].path, shared.osvDb)],
  };
}

/** gitleaks/args.ts gitleaksArgs; cwd is the repository root. */
function gitleaksCommand(root, work, command, vouchRoot) {
  const args = [
    'dir',
    '.',
    '--report-format',
    'json',
    '--report-path',
    join(work, 'gitleaks', 'gitleaks.json'),
    '--redact',
    '--no-banner',
    '--no-color',
    '--log-level',
    'error',
    '--exit-code',
    String(GITLEAKS_LEAKS_EXIT_CODE),
    '--config',
    join(vouchRoot, 'data', 'tools', 'gitleaks.toml'),
    '--gitleaks-ignore-path',
    join(work, 'gitleaks', 'no-ignore'),
    '--ignore-gitleaks-allow',
    '--max-target-megabytes',
    String(Math.max(1, Math.ceil(MAX_FILE_BYTES / (1024 * 1024)))),
  ];
  return { command, args, cwd: root, env: scannerEnv(), report: join(work, 'gitleaks', 'gitleaks.json') };
}

/** semgrep/args.ts semgrepArgs; cwd is the repository root, targets are repository-relative. */
function semgrepCommand(root, work, command, rulesDir, targets, index) {
  const report = join(work, 'semgrep', `semgrep-${index}.json`);
  const args = [
    'scan',
    '--config',
    rulesDir,
    '--json-output',
    report,
    '--metrics=off',
    '--disable-version-check',
    '--oss-only',
    '--no-rewrite-rule-ids',
    '--disable-nosem',
    '--no-git-ignore',
    '--timeout',
    String(SEMGREP_TIMEOUT_SECONDS),
    '--max-target-bytes',
    String(MAX_FILE_BYTES),
    '--jobs',
    String(SEMGREP_JOBS),
    '--quiet',
    '--',
    ...targets,
  ];
  return { command, args, cwd: root, env: scannerEnv(), report };
}

/** checkov/args.ts checkovArgs and checkovEnv; cwd is outside the repository, HOME an empty directory. */
function checkovCommand(root, work, command) {
  const args = [
    `--directory=${root}`,
    '--output',
    'json',
    '--output-file-path',
    join(work, 'checkov', 'out'),
    '--framework',
    CHECKOV_FRAMEWORKS.join(','),
    '--skip-download',
    '--skip-results-upload',
    '--compact',
  ];
  const limit = String(MAX_FILE_BYTES);
  const env = scannerEnv({
    HOME: join(work, 'checkov', 'home'),
    CKV_SKIP_PACKAGE_UPDATE_CHECK: 'true',
    CHECKOV_MAX_IAC_FILE_SIZE: limit,
    CHECKOV_MAX_FILE_SIZE: limit,
  });
  return {
    command,
    args,
    cwd: join(work, 'checkov'),
    env,
    report: join(work, 'checkov', 'out', 'results_json.json'),
  };
}

/** osv/args.ts osvArgs in offline mode; cwd is the repository root. */
function osvCommand(root, work, command, osvDb) {
  const report = join(work, 'osv', 'osv-scanner.json');
  const args = [
    'scan',
    'source',
    '--recursive',
    '--format',
    'json',
    '--output-file',
    report,
    '--config',
    join(work, 'osv', 'osv-scanner.toml'),
    '--verbosity',
    'error',
    '--no-call-analysis',
    'all',
    '--offline',
    '--offline-vulnerabilities',
    '--no-resolve',
    '--local-db-path',
    osvDb,
    '.',
  ];
  return { command, args, cwd: root, env: scannerEnv(), report };
}

/** Raw result counts from each scanner's own report, before Vouch's filtering and cross-tool dedupe. */
export function countResults(id, reports) {
  let total = 0;
  for (const report of reports) {
    let data;
    try {
      data = JSON.parse(readFileSync(report, 'utf8'));
    } catch {
      continue;
    }
    if (id === 'gitleaks') total += Array.isArray(data) ? data.length : 0;
    else if (id === 'semgrep') total += data.results?.length ?? 0;
    else if (id === 'checkov')
      total += [data].flat().reduce((sum, run) => sum + (run.results?.failed_checks?.length ?? 0), 0);
    else
      total += (data.results ?? []).reduce(
        (sum, source) => sum + source.packages.reduce((n, p) => n + (p.vulnerabilities?.length ?? 0), 0),
        0,
      );
  }
  return total;
}
