import { minimatch } from 'minimatch';
import { posix } from 'node:path';

/** The Linguist attributes that say what a file is for (https://github.com/github-linguist/linguist/blob/main/docs/overrides.md). */
export const LINGUIST_ATTRIBUTES = [
  'linguist-vendored',
  'linguist-generated',
  'linguist-documentation',
] as const;
export type LinguistAttribute = (typeof LINGUIST_ATTRIBUTES)[number];

interface AttributeLine {
  /** Directory of the .gitattributes file, repository-relative ('' for the root). */
  readonly base: string;
  readonly pattern: string;
  readonly values: ReadonlyMap<LinguistAttribute, boolean>;
}

/** Every Linguist attribute line of a repository's .gitattributes files, in the order git applies them. */
export class GitAttributes {
  private constructor(private readonly lines: readonly AttributeLine[]) {}

  static readonly none = new GitAttributes([]);

  /** `files`: path → text of each .gitattributes; deeper files override shallower ones, later lines earlier ones. */
  static parse(files: ReadonlyMap<string, string>): GitAttributes {
    const ordered = [...files.keys()].sort(
      (a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b),
    );
    const lines = ordered.flatMap((path) =>
      parseFile(posix.dirname(path) === '.' ? '' : posix.dirname(path), files.get(path) ?? ''),
    );
    return new GitAttributes(lines);
  }

  /** Each Linguist attribute the file sets (true) or unsets (false); absent when no line mentions it. */
  valuesFor(path: string): Map<LinguistAttribute, boolean> {
    const values = new Map<LinguistAttribute, boolean>();
    for (const line of this.lines) {
      if (!matches(line, path)) continue;
      for (const [name, value] of line.values) values.set(name, value);
    }
    return values;
  }
}

function parseFile(base: string, text: string): AttributeLine[] {
  const lines: AttributeLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [pattern, ...attributes] = line.split(/\s+/);
    if (pattern === undefined || pattern.startsWith('!') || pattern.startsWith('"')) continue;
    const values = new Map<LinguistAttribute, boolean>();
    for (const attribute of attributes) {
      const parsed = parseAttribute(attribute);
      if (parsed) values.set(parsed.name, parsed.value);
    }
    if (values.size > 0) lines.push({ base, pattern, values });
  }
  return lines;
}

/** `name`, `name=true` set; `-name`, `!name`, `name=false` unset (gitattributes(5), Linguist's overrides). */
function parseAttribute(text: string): { name: LinguistAttribute; value: boolean } | undefined {
  const unset = text.startsWith('-') || text.startsWith('!');
  const [name, value] = (unset ? text.slice(1) : text).split('=', 2);
  if (!isLinguist(name)) return undefined;
  if (unset) return { name, value: false };
  if (value === undefined || value === 'true') return { name, value: true };
  if (value === 'false') return { name, value: false };
  return undefined;
}

function isLinguist(name: string | undefined): name is LinguistAttribute {
  return (LINGUIST_ATTRIBUTES as readonly (string | undefined)[]).includes(name);
}

/**
 * gitattributes(5): a pattern without a slash matches the name at any depth below the file's directory;
 * one with a slash is anchored there. A pattern naming a directory does not cover the files inside it.
 */
function matches(line: AttributeLine, path: string): boolean {
  if (line.base !== '' && !path.startsWith(`${line.base}/`)) return false;
  const relative = line.base === '' ? path : path.slice(line.base.length + 1);
  const anchored = line.pattern.replace(/^\//, '');
  const glob = line.pattern.includes('/') ? anchored : `**/${anchored}`;
  return minimatch(relative, glob, { dot: true, nocomment: true, nonegate: true });
}
