import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import { posix } from 'node:path';
import type { FileSystem } from './ports.js';

export type SkipReason = 'symlink' | 'too-large' | 'binary' | 'unreadable' | 'special';

export interface SkippedPath {
  readonly path: string;
  readonly reason: SkipReason;
  readonly detail?: string;
}

export interface Discovery {
  /** Repository-relative POSIX paths, sorted. */
  readonly files: readonly string[];
  readonly skipped: readonly SkippedPath[];
  /** Each kept file's size in bytes (shards are balanced by them). */
  readonly sizes?: ReadonlyMap<string, number>;
}

export interface DiscoverOptions {
  readonly root: string;
  readonly fs: FileSystem;
  /** Globs on repository-relative paths (policy `paths.exclude`). */
  readonly excludes: readonly string[];
  readonly maxFileBytes: number;
}

interface IgnoreScope {
  readonly base: string;
  readonly rules: Ignore;
}

const BINARY_SNIFF_BYTES = 8000;

/** One walk of the tree: never follows a symlink, honours .gitignore files and excludes, skips huge and binary files. */
export async function discover(options: DiscoverOptions): Promise<Discovery> {
  const files: string[] = [];
  const skipped: SkippedPath[] = [];
  const sizes = new Map<string, number>();
  await walk(options, '', [], { files, skipped, sizes });
  files.sort();
  skipped.sort((a, b) => a.path.localeCompare(b.path));
  return { files, skipped, sizes };
}

async function walk(
  options: DiscoverOptions,
  dir: string,
  scopes: readonly IgnoreScope[],
  out: { files: string[]; skipped: SkippedPath[]; sizes: Map<string, number> },
): Promise<void> {
  const absDir = posix.join(options.root, dir);
  let entries;
  try {
    entries = await options.fs.readdir(absDir);
  } catch (error) {
    out.skipped.push({ path: dir || '.', reason: 'unreadable', detail: (error as Error).message });
    return;
  }
  const localScopes = await withGitignore(options, dir, scopes);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.name === '.git' || isExcluded(path, entry.kind === 'directory', localScopes, options.excludes))
      continue;
    if (entry.kind === 'symlink') out.skipped.push({ path, reason: 'symlink' });
    else if (entry.kind === 'directory') await walk(options, path, localScopes, out);
    else if (entry.kind === 'file') await keepFile(options, path, out);
    else out.skipped.push({ path, reason: 'special' });
  }
}

async function withGitignore(
  options: DiscoverOptions,
  dir: string,
  scopes: readonly IgnoreScope[],
): Promise<readonly IgnoreScope[]> {
  const path = posix.join(options.root, dir, '.gitignore');
  const stat = await options.fs.lstat(path);
  if (stat?.kind !== 'file') return scopes;
  const text = (await options.fs.readFile(path)).toString('utf8');
  return [...scopes, { base: dir, rules: ignore().add(text) }];
}

function isExcluded(
  path: string,
  isDirectory: boolean,
  scopes: readonly IgnoreScope[],
  excludes: readonly string[],
): boolean {
  for (const scope of scopes) {
    const relative = scope.base ? path.slice(scope.base.length + 1) : path;
    if (scope.rules.ignores(isDirectory ? `${relative}/` : relative)) return true;
  }
  return excludes.some(
    (glob) =>
      minimatch(path, glob, { dot: true }) || (isDirectory && minimatch(`${path}/`, glob, { dot: true })),
  );
}

async function keepFile(
  options: DiscoverOptions,
  path: string,
  out: { files: string[]; skipped: SkippedPath[]; sizes: Map<string, number> },
): Promise<void> {
  const absPath = posix.join(options.root, path);
  try {
    const stat = await options.fs.lstat(absPath);
    if (stat && stat.size > options.maxFileBytes) {
      out.skipped.push({ path, reason: 'too-large', detail: `${stat.size} bytes > ${options.maxFileBytes}` });
      return;
    }
    const head = await options.fs.readHead(absPath, BINARY_SNIFF_BYTES);
    if (head.includes(0)) {
      out.skipped.push({ path, reason: 'binary' });
      return;
    }
    out.files.push(path);
    out.sizes.set(path, stat?.size ?? 0);
  } catch (error) {
    out.skipped.push({ path, reason: 'unreadable', detail: (error as Error).message });
  }
}
