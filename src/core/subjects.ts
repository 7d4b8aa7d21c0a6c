import { glob } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from './errors.js';

/**
 * Build outputs named by the `subjects` input: paths or globs relative to the workspace. A pattern that
 * matches nothing is an error: an attestation silently missing its artifact would vouch for nothing.
 */
export async function resolveSubjects(patterns: readonly string[], workspace: string): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const matched: string[] = [];
    for await (const entry of glob(pattern, { cwd: workspace, withFileTypes: true })) {
      if (entry.isFile()) matched.push(resolve(entry.parentPath, entry.name));
    }
    if (matched.length === 0) {
      const shown = isAbsolute(pattern) ? pattern : `${pattern} (in ${workspace})`;
      throw new ConfigError('INVALID_INPUT', `subjects: ${shown} matches no file`);
    }
    for (const file of matched) files.add(file);
  }
  return [...files].sort();
}
