import { join, posix } from 'node:path';
import type { FileSystem } from '../../core/ports.js';
import { collectLockfiles } from '../../supplychain/collect.js';
import { LOCKFILE_PARSERS } from '../../supplychain/lockfiles/index.js';

/** File names osv-scanner 2.5.1 extracts packages from in every layout (osv-scalibr's lockfile extractors). */
const OSV_SOURCE_NAMES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'requirements.txt',
  'poetry.lock',
  'Pipfile.lock',
  'uv.lock',
  'go.mod',
  'Cargo.lock',
  'Gemfile.lock',
  'composer.lock',
]);

/** Directories osv-scanner's walk does not enter: dependencies already installed, and hidden ones. */
function skippedByOsv(path: string): boolean {
  return path
    .split('/')
    .slice(0, -1)
    .some((segment) => segment === 'node_modules' || segment === 'vendor' || segment.startsWith('.'));
}

/** The files among `paths` that osv-scanner reads packages from, where its recursive walk would find them. */
export function osvSources(paths: readonly string[]): string[] {
  return paths.filter((path) => OSV_SOURCE_NAMES.has(posix.basename(path)) && !skippedByOsv(path));
}

/**
 * The lockfiles among the kept files from which Vouch's own parsers read at least one package: when
 * osv-scanner says it found no package source, these say it did not look.
 */
export async function lockfilesWithPackages(
  root: string,
  files: readonly string[],
  fs: FileSystem,
): Promise<string[]> {
  const candidates = files.filter(
    (path) => OSV_SOURCE_NAMES.has(posix.basename(path)) && !skippedByOsv(path),
  );
  const texts = new Map<string, string>();
  for (const path of candidates) {
    try {
      texts.set(path, (await fs.readFile(join(root, path))).toString('utf8'));
    } catch {
      // Unreadable here means unreadable for osv-scanner too; it cannot count against it.
    }
  }
  return collectLockfiles([...texts.keys()], (path) => texts.get(path), LOCKFILE_PARSERS)
    .filter((lockfile) => lockfile.result.components.length > 0)
    .map((lockfile) => lockfile.path);
}
