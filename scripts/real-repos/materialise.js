// Downloads each pinned project from its registry once, checks its sha256 against repos.json (recording
// it the first time, so a pin is trusted on first use and never silently changes), and unpacks it.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';

const { fetch, URL } = globalThis;

const REGISTRIES = {
  npm: async ({ package: name, version }) => {
    const doc = await json(`https://registry.npmjs.org/${name}/${version}`);
    return { url: doc.dist.tarball, format: 'tgz' };
  },
  pypi: async ({ package: name, version }) => {
    const index = `https://pypi.org/pypi/${name}/json`;
    const doc = await json(index);
    const sdist = (doc.releases[version] ?? []).find((file) => file.packagetype === 'sdist');
    if (!sdist) throw new Error(`${name} ${version} has no sdist on PyPI`);
    // Mirrors answer with URLs relative to the index.
    return { url: new URL(sdist.url, index).href, format: 'tgz' };
  },
  go: ({ package: module, version }) =>
    Promise.resolve({
      url: `https://proxy.golang.org/${module.toLowerCase()}/@v/${version}.zip`,
      format: 'zip',
    }),
};

async function json(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** The directory holding the project's source, unpacked under `cacheDir/<name>-<version>`. */
export async function materialise(repo, { cacheDir, pinsFile, pins }) {
  const target = join(cacheDir, `${repo.name}-${repo.version}`);
  const done = join(target, '.materialised');
  if (existsSync(done)) return join(target, readFileSync(done, 'utf8').trim());
  const { url, format } = await REGISTRIES[repo.registry](repo);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (repo.sha256 === undefined) {
    repo.sha256 = digest;
    writeFileSync(pinsFile, `${JSON.stringify(pins, null, 2)}\n`);
  } else if (repo.sha256 !== digest) {
    throw new Error(
      `${repo.name} ${repo.version}: sha256 ${digest} does not match the pinned ${repo.sha256}`,
    );
  }
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const archive = join(target, `archive.${format}`);
  writeFileSync(archive, bytes);
  if (format === 'tgz') execFileSync('tar', ['-xzf', archive, '-C', target]);
  else execFileSync('unzip', ['-q', archive, '-d', target]);
  rmSync(archive);
  const root = sourceRoot(target, repo);
  writeFileSync(done, `${root}\n`);
  return join(target, root);
}

/** An archive holds one top directory (`package/`, `flask-3.1.2/`); a Go zip holds `<module>@<version>/`. */
function sourceRoot(target, repo) {
  if (repo.registry === 'go') {
    const dir = `${repo.package.toLowerCase()}@${repo.version}`;
    const flat = join(target, 'src');
    renameSync(join(target, dir), flat);
    return 'src';
  }
  const entries = readdirSync(target).filter((entry) => !entry.startsWith('.'));
  if (entries.length !== 1)
    throw new Error(`${repo.name}: expected one top directory, found ${entries.join(', ')}`);
  return entries[0];
}
