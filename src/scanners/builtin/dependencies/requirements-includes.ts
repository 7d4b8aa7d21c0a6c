import { posix } from 'node:path';
import type { ScanNote } from '../../scanner.js';
import { parseRequirements, type RequirementsFile } from './requirements.js';
import type { Declaration } from './types.js';

/** Files pip users name as requirements: requirements*.txt, requirements/*.txt and pip-tools' .in files. */
export const REQUIREMENTS_FILE = /(?:^|\/)(?:requirements[^/]*|requirements\/[^/]+)\.(?:txt|in)$/i;

/** Where an include points, or undefined when it leaves the repository or is a URL. */
function includedPath(from: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target) || posix.isAbsolute(target) || target.includes('\\'))
    return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(from), target));
  return joined === '..' || joined.startsWith('../') ? undefined : joined;
}

export interface RequirementsSet {
  readonly declarations: readonly Declaration[];
  readonly notes: readonly ScanNote[];
}

/**
 * Every requirements file, and every file they include with `-r` (followed inside the repository only,
 * each file read once however often it is included). A file that names another index, or is included
 * by one that does, installs from that index, so its packages are not looked up on PyPI.
 */
export async function readRequirements(
  files: readonly string[],
  readText: (path: string) => Promise<string | undefined>,
): Promise<RequirementsSet> {
  const known = new Set(files);
  const parsed = new Map<string, RequirementsFile>();
  const notes: ScanNote[] = [];
  const queue = files.filter((file) => REQUIREMENTS_FILE.test(file));
  const otherIndex = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (parsed.has(path)) continue;
    const text = await readText(path);
    if (text === undefined) {
      notes.push({ path, message: `${path} was not checked: it could not be read as UTF-8 text` });
      continue;
    }
    const file = parseRequirements(path, text);
    parsed.set(path, file);
    if (file.usesOtherIndex) otherIndex.add(path);
    for (const include of file.includes) {
      const target = includedPath(path, include.target);
      if (target !== undefined && known.has(target)) queue.push(target);
      else {
        const message = `${path}:${include.line}: \`-r ${include.target}\` was not followed: it is not a file in the repository`;
        notes.push({ path, message });
      }
    }
  }
  propagateOtherIndex(parsed, otherIndex);
  const declarations = [...parsed.entries()].flatMap(([path, file]) =>
    file.declarations.map((declaration) =>
      otherIndex.has(path) && declaration.source === 'registry'
        ? { ...declaration, source: 'private-index' as const }
        : declaration,
    ),
  );
  return { declarations, notes };
}

function propagateOtherIndex(parsed: ReadonlyMap<string, RequirementsFile>, marked: Set<string>): void {
  const pending = [...marked];
  while (pending.length > 0) {
    const path = pending.pop() as string;
    for (const include of parsed.get(path)?.includes ?? []) {
      const target = includedPath(path, include.target);
      if (target === undefined || marked.has(target) || !parsed.has(target)) continue;
      marked.add(target);
      pending.push(target);
    }
  }
}
