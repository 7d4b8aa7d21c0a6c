import { isAbsolute, posix, relative, sep } from 'node:path';

/**
 * Turns a path a scanner reported into a repository-relative POSIX path, or undefined when it points
 * outside the repository (a scanner must never make Vouch report or read a file outside the root).
 */
export function toRepoPath(root: string, reported: string): string | undefined {
  const slashed = reported.split(sep).join('/');
  const rel = isAbsolute(slashed) ? relative(root, slashed).split(sep).join('/') : slashed;
  const normalized = posix.normalize(rel);
  if (normalized === '..' || normalized.startsWith('../') || posix.isAbsolute(normalized)) return undefined;
  return normalized === '.' ? '' : normalized.replace(/^\.\//, '');
}
