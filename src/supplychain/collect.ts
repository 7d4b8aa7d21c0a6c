import { describeError } from '../core/errors.js';
import type { LockfileParser, LockfileResult } from './component.js';

export interface CollectedLockfile {
  /** Repository-relative path of the lockfile. */
  readonly path: string;
  /** The parser that read it, for logs and problems. */
  readonly parser: string;
  readonly result: LockfileResult;
}

const EMPTY = { components: [], direct: [] } as const;

/**
 * Runs every parser that claims a discovered file. Parsers promise never to throw, but they read hostile
 * input: a parser that throws anyway, or a file that cannot be read, becomes a problem on that file so one
 * bad lockfile costs its own components and never the SBOM.
 */
export function collectLockfiles(
  files: readonly string[],
  read: (path: string) => string | undefined,
  parsers: readonly LockfileParser[],
): CollectedLockfile[] {
  const collected: CollectedLockfile[] = [];
  // Sorted so the SBOM does not depend on the order the tree walk happened to produce.
  for (const path of [...files].sort()) {
    for (const parser of parsers) {
      if (!claims(parser, path)) continue;
      collected.push({ path, parser: parser.id, result: parseOne(parser, path, read) });
    }
  }
  return collected;
}

function claims(parser: LockfileParser, path: string): boolean {
  try {
    return parser.matches(path);
  } catch {
    // A matcher that throws cannot say the file is its format; the file may still be another parser's.
    return false;
  }
}

function parseOne(
  parser: LockfileParser,
  path: string,
  read: (path: string) => string | undefined,
): LockfileResult {
  const text = read(path);
  if (text === undefined) return failed(path, `${path} could not be read`);
  try {
    return parser.parse(path, text, read);
  } catch (thrown) {
    return failed(path, `the ${parser.id} parser failed on ${path}: ${describeError(thrown)}`);
  }
}

function failed(path: string, message: string): LockfileResult {
  return { ...EMPTY, problems: [{ path, message }] };
}
