// Builds one benchmark repository: a git repository whose base commit is the generated tree and whose head
// commit is a "pull request" changing 10 files (8 modified, 2 added). Full scans read the head tree; `vouch scan
// --base HEAD~1` measures the pull-request path on exactly the same files.
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import * as content from './content.js';
import { createRandom } from './prng.js';

const LANGUAGES = [
  { id: 'python', dir: 'py', ext: 'py' },
  { id: 'javascript', dir: 'js', ext: 'js' },
  { id: 'typescript', dir: 'ts', ext: 'ts' },
  { id: 'go', dir: 'go', ext: 'go' },
];

/** Share of files per kind; source takes what is left. */
const SHARES = { terraform: 0.05, kubernetes: 0.05, docs: 0.06, config: 0.04, ignored: 0.03 };
const SOURCE_FILES_PER_SERVICE = 25;
const FILES_PER_DIR = 8;
/** Planted weaknesses and secrets: a minority, as in a real codebase. */
const WEAKNESS_RATE = { source: 0.1, infra: 0.25 };
const SECRET_RATE = 0.02;

/**
 * Writes the repository under `dir` and returns what the report needs to know about it. `files` is the
 * requested size; the result's count is close to it, not exact.
 */
export function generateRepository(dir, { files, seed, changed: prFiles = 10 }) {
  const rng = createRandom(`${seed}:${files}`);
  const plan = planFiles(rng, files);
  for (const file of plan) writeFile(dir, file);
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  commit(dir, 'base');
  const changed = applyPullRequest(rng, dir, plan, prFiles);
  commit(dir, 'pull request');
  return { files: plan.length + changed.added, changedFiles: changed.modified + changed.added };
}

/** A handful of files, one per scanner's kind of input: enough to load every scanner, fast to scan. */
export function generateWarmup(dir) {
  const rng = createRandom('warm-up');
  const files = [
    { path: 'app/main.py', text: content.pythonModule(rng, { weakness: true, secret: false }) },
    { path: 'web/index.js', text: content.jsModule(rng, { weakness: true, secret: false, typed: false }) },
    { path: 'infra/main.tf', text: content.terraformFile(rng, { index: 0, weakness: true }) },
    { path: '.github/workflows/ci.yml', text: content.workflow(rng, { index: 0, weakness: true }) },
    { path: 'requirements.txt', text: content.requirementsTxt(rng) },
  ];
  for (const file of files) writeFile(dir, file);
}

function planFiles(rng, total) {
  const fixed = [
    ...fixedFiles(rng),
    ...workflows(rng, total),
    ...terraform(rng, total),
    ...kubernetes(rng, total),
  ];
  fixed.push(...docs(rng, total), ...configs(rng, total), ...ignoredOutput(rng, total));
  return [...fixed, ...services(rng, Math.max(LANGUAGES.length * 4, total - fixed.length))];
}

function count(total, share) {
  return Math.max(1, Math.round(total * share));
}

/** A directory name per group of `perDir` files, so files share directories as they would in a real tree. */
function groupNamer(rng, perDir) {
  const names = [];
  return (index) => {
    const group = Math.floor(index / perDir);
    names[group] ??= `${content.word(rng)}-${group}`;
    return names[group];
  };
}

// ---------------------------------------------------------------- kinds of files

/** Source grouped in services of ~25 files, each with its Dockerfile and dependency manifest. */
function services(rng, budget) {
  const planned = [];
  const perLanguage = Math.floor(budget / LANGUAGES.length);
  for (const language of LANGUAGES) {
    const serviceCount = Math.max(1, Math.round(perLanguage / (SOURCE_FILES_PER_SERVICE + 3)));
    for (let s = 0; s < serviceCount; s += 1) {
      const root = `services/${language.dir}-${content.word(rng)}-${s}`;
      const sources = Math.max(1, Math.floor(perLanguage / serviceCount) - 3);
      planned.push(...serviceFiles(rng, language, root, sources));
    }
  }
  return planned;
}

function serviceFiles(rng, language, root, sources) {
  const planned = [
    {
      path: `${root}/Dockerfile`,
      text: content.dockerfile(rng, { language: language.id, weakness: rng.chance(WEAKNESS_RATE.infra) }),
    },
    ...manifests(rng, language, root),
  ];
  const group = groupNamer(rng, FILES_PER_DIR);
  for (let i = 0; i < sources; i += 1) {
    // Go package names cannot hold a dash.
    const dir = `${root}/${sourceDir(language)}/${group(i).replace('-', '')}`;
    const options = { weakness: rng.chance(WEAKNESS_RATE.source), secret: rng.chance(SECRET_RATE) };
    planned.push({
      path: `${dir}/${content.word(rng)}_${i}.${language.ext}`,
      text: sourceText(rng, language, dir, options),
      kind: 'source',
      language,
    });
  }
  return planned;
}

function sourceDir(language) {
  return { python: 'app', javascript: 'src', typescript: 'src', go: 'internal' }[language.id];
}

function sourceText(rng, language, dir, options) {
  switch (language.id) {
    case 'python':
      return content.pythonModule(rng, options);
    case 'go':
      return content.goFile(rng, { ...options, pkg: dir.split('/').pop() });
    default:
      return content.jsModule(rng, { ...options, typed: language.id === 'typescript' });
  }
}

function manifests(rng, language, root) {
  const name = root.split('/').pop();
  if (language.id === 'python')
    return [{ path: `${root}/requirements.txt`, text: content.requirementsTxt(rng) }];
  if (language.id === 'go')
    return [{ path: `${root}/go.mod`, text: content.goMod(rng, { module: `example.com/bench/${name}` }) }];
  const { packageJson, packageLock } = content.npmManifests(rng, { name });
  return [
    { path: `${root}/package.json`, text: packageJson },
    { path: `${root}/package-lock.json`, text: packageLock },
  ];
}

function workflows(rng, total) {
  const n = Math.max(3, Math.min(30, Math.round(total * 0.01)));
  return Array.from({ length: n }, (_, index) => ({
    path: `.github/workflows/ci-${index}.yml`,
    text: content.workflow(rng, { index, weakness: rng.chance(WEAKNESS_RATE.infra) }),
  }));
}

function terraform(rng, total) {
  const group = groupNamer(rng, 3);
  return Array.from({ length: count(total, SHARES.terraform) }, (_, index) => ({
    path: `infra/terraform/${group(index)}/${['main', 'network', 'storage'][index % 3]}.tf`,
    text: content.terraformFile(rng, { index, weakness: rng.chance(WEAKNESS_RATE.infra) }),
  }));
}

function kubernetes(rng, total) {
  const group = groupNamer(rng, FILES_PER_DIR);
  return Array.from({ length: count(total, SHARES.kubernetes) }, (_, index) => ({
    path: `deploy/k8s/${group(index)}/deployment-${index}.yaml`,
    text: content.kubernetesManifest(rng, { index, weakness: rng.chance(WEAKNESS_RATE.infra) }),
  }));
}

function docs(rng, total) {
  const group = groupNamer(rng, FILES_PER_DIR);
  return Array.from({ length: count(total, SHARES.docs) }, (_, index) => ({
    path: `docs/${group(index)}/${content.word(rng)}-${index}.md`,
    text: content.markdown(rng, { title: content.word(rng) }),
  }));
}

/** JSON settings, and one .env in four (a few with a credential-shaped value). */
function configs(rng, total) {
  return Array.from({ length: count(total, SHARES.config) }, (_, index) =>
    index % 4 === 3
      ? {
          path: `config/${content.word(rng)}-${index}.env`,
          text: content.envFile(rng, { secret: rng.chance(SECRET_RATE * 5) }),
        }
      : { path: `config/${content.word(rng)}-${index}.json`, text: content.jsonConfig(rng) },
  );
}

/** Build output under a .gitignore'd directory: Vouch's discovery skips it, directory-walking scanners may not. */
function ignoredOutput(rng, total) {
  return Array.from({ length: count(total, SHARES.ignored) }, (_, index) => ({
    path: `build/${Math.floor(index / FILES_PER_DIR)}/chunk-${index}.js`,
    text: content.jsModule(rng, { weakness: false, secret: false, typed: false }),
  }));
}

/** The few large or binary files every real repository has; the same for every size. */
function fixedFiles(rng) {
  const png = (size) =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      rng.bytes(size),
    ]);
  return [
    { path: '.gitignore', text: 'build/\n*.log\nnode_modules/\n' },
    { path: 'README.md', text: content.markdown(rng, { title: 'Benchmark repository' }) },
    { path: 'assets/logo.png', bytes: png(150_000) },
    { path: 'assets/banner.png', bytes: png(400_000) },
    { path: 'assets/fonts/icons.woff2', bytes: Buffer.concat([Buffer.from('wOF2'), rng.bytes(90_000)]) },
    { path: 'data/fixtures.csv', text: content.csv(rng, 3 * 1024 * 1024) },
    // Above Vouch's default 5 MiB limit: skipped by discovery and by Gitleaks' --max-target-megabytes 5.
    { path: 'data/dump.csv', text: content.csv(rng, 6 * 1024 * 1024) },
    // Large enough to be a real cost for Semgrep's JavaScript rules, small enough not to hit its timeout.
    { path: 'public/vendor.bundle.js', text: content.bundle(rng, 150 * 1024) },
    { path: 'logs/app.log', text: content.csv(rng, 1024 * 1024) },
    { path: 'keys/deploy_key.pem', text: content.privateKeyFile(rng) },
  ];
}

// ---------------------------------------------------------------- pull request

/** Appends a function to `count - 2` source files (some with a weakness) and adds two new modules. */
function applyPullRequest(rng, dir, plan, count) {
  const sources = plan.filter((file) => file.kind === 'source');
  const target = Math.max(0, count - 2);
  const chosen = new Set();
  while (chosen.size < Math.min(target, sources.length)) chosen.add(rng.pick(sources));
  for (const file of chosen) {
    const path = join(dir, file.path);
    const extra = sourceText(rng, file.language, dirname(file.path), {
      weakness: rng.chance(0.5),
      secret: false,
    });
    // Only the body after the imports is appended, so the file stays one valid module.
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n${tail(extra, file.language)}`);
  }
  const python = LANGUAGES[0];
  for (let i = 0; i < 2; i += 1) {
    const path = `services/pr-${i}/app/feature_${i}.py`;
    writeFile(dir, {
      path,
      text: content.pythonModule(rng, { weakness: true, secret: i === 0 }),
      language: python,
    });
  }
  return { modified: chosen.size, added: 2 };
}

/** The part of a generated module after its imports. */
function tail(text, language) {
  const marker = {
    python: '\nclass ',
    go: '\ntype ',
    javascript: '\nfunction ',
    typescript: '\nexport function ',
  }[language.id];
  const at = text.indexOf(marker);
  const body = at < 0 ? '' : text.slice(at + 1);
  // Renamed so the appended declarations do not clash with the existing ones.
  return body.replace(/\b(class|function) (\w+)/g, '$1 $2Pr').replace(/\b(\w+Store|base)\b/g, '$1Pr');
}

// ---------------------------------------------------------------- disk and git

function writeFile(dir, file) {
  const path = join(dir, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.bytes ?? file.text);
}

/** Fixed identity and dates: the commits, and so the diff Vouch computes, are the same on every run. */
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
  GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z',
};

function git(dir, args) {
  execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd: dir,
    env: GIT_ENV,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function commit(dir, message) {
  git(dir, ['add', '--all']);
  git(dir, ['commit', '--quiet', '--no-verify', '-m', message]);
}
