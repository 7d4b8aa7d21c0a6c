import { glob, lstat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A SARIF file to import. */
export interface SarifFile {
  readonly path: string;
  /** How messages name it: repository-relative when inside the repository, else absolute. */
  readonly name: string;
}

export type Resolution =
  | { readonly kind: 'resolved'; readonly files: readonly SarifFile[] }
  | { readonly kind: 'invalid'; readonly message: string };

/** More files than any real pipeline writes; a pattern like `/**` would otherwise walk the machine. */
export const MAX_SARIF_FILES = 1000;
const GLOB_MAGIC = /[*?[\]{}]/;

function displayName(root: string, path: string): string {
  const rel = relative(root, path);
  const outside = rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return outside ? path : rel.split(sep).join('/');
}

async function kindOf(path: string): Promise<'file' | 'directory' | 'symlink' | 'other' | 'missing'> {
  try {
    const stat = await lstat(path);
    if (stat.isSymbolicLink()) return 'symlink';
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}

type Matched = { readonly files: string[]; readonly symlink?: string };

/** Files a glob matches, not following symlinks: a link is reported, so a hostile tree cannot redirect. */
async function expand(pattern: string, cwd: string): Promise<Matched> {
  const files: string[] = [];
  for await (const entry of glob(pattern, { cwd, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) return { files, symlink: path };
    if (entry.isFile()) files.push(path);
    if (files.length > MAX_SARIF_FILES) break;
  }
  return { files };
}

/**
 * A directory stands for every `*.sarif` below it, as in GitHub's upload-sarif; a literal path must be a
 * regular file; anything else is a glob. Each pattern must match at least one file: a configured input
 * that silently matched nothing would hide a broken pipeline.
 */
async function resolveOne(pattern: string, root: string): Promise<string[] | string> {
  const quoted = JSON.stringify(pattern);
  const absolute = resolve(root, pattern);
  let matched: Matched;
  if (GLOB_MAGIC.test(pattern)) {
    matched = await expand(pattern, root);
  } else {
    const kind = await kindOf(absolute);
    if (kind === 'file') return [absolute];
    if (kind === 'symlink') return `SARIF path ${quoted} is a symbolic link; point it at the file itself`;
    if (kind !== 'directory') return `SARIF path ${quoted} matches no file (looked for ${absolute})`;
    matched = await expand('**/*.sarif', absolute);
  }
  if (matched.symlink !== undefined) {
    return `SARIF pattern ${quoted} matches the symbolic link ${matched.symlink}; point it at real files`;
  }
  if (matched.files.length > MAX_SARIF_FILES) {
    return `SARIF pattern ${quoted} matches more than ${MAX_SARIF_FILES} files; narrow it`;
  }
  if (matched.files.length === 0) return `SARIF pattern ${quoted} matches no file (relative to ${root})`;
  return matched.files;
}

/**
 * Expands the configured paths and globs, relative to the repository root or absolute (SARIF often
 * lands in the runner's temp directory), into a sorted list of distinct files.
 */
export async function resolveSarifFiles(patterns: readonly string[], root: string): Promise<Resolution> {
  const found = new Set<string>();
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (pattern === '') return { kind: 'invalid', message: 'an empty SARIF path was configured' };
    const files = await resolveOne(pattern, root);
    if (typeof files === 'string') return { kind: 'invalid', message: files };
    for (const file of files) found.add(file);
  }
  if (found.size > MAX_SARIF_FILES) {
    return {
      kind: 'invalid',
      message: `the SARIF patterns match more than ${MAX_SARIF_FILES} files; narrow them`,
    };
  }
  const files = [...found].sort().map((path) => ({ path, name: displayName(root, path) }));
  return { kind: 'resolved', files };
}
