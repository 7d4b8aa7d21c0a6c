/**
 * Pipfile.lock (https://pipenv.pypa.io/en/latest/pipfile.html), pipfile-spec 6.
 *
 * `default` is required and `develop` dev; other sections are Pipenv's custom categories, installed only
 * when asked for (`--categories`), so optional. Entries without a `version` (git, file and path
 * requirements) record no release and are skipped. Direct dependencies come from the Pipfile beside it.
 */
import { posix } from 'node:path';
import type {
  Component,
  ComponentHash,
  LockfileParser,
  LockfileProblem,
  LockfileResult,
  Scope,
} from '../component.js';
import { parseToml } from './cargo.js';
import { normalizePypiName, pypiPurl, pythonHash } from './requirements.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** V8 names the line for some syntax errors, only the offset for others, and neither at the end of input. */
export function jsonErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : '';
  const line = /\bline (\d+)/.exec(message)?.[1];
  if (line) return Number(line);
  const position = /\bposition (\d+)/.exec(message)?.[1];
  const offset = position ? Number(position) : /end of JSON input/.test(message) ? text.length : 0;
  return text.slice(0, offset).split('\n').length;
}

/** Maps an offset in `text` to its 1-based line by binary search over line starts. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/** Finds where a key is written at or after `from`; searching forward keeps entries read in order to one pass. */
function keyLocator(
  text: string,
): (key: string, from: number) => { index: number; line: number } | undefined {
  const lineAt = lineIndex(text);
  return (key, from) => {
    const match = new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:`, 'g');
    match.lastIndex = from;
    const found = match.exec(text);
    return found ? { index: found.index, line: lineAt(found.index) } : undefined;
  };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sectionScope(section: string): Scope {
  if (section === 'default') return 'required';
  return section === 'develop' ? 'dev' : 'optional';
}

interface Reading {
  readonly path: string;
  readonly problems: LockfileProblem[];
  /** Keyed by purl: a package locked in two sections is listed once, from the first (strongest) one. */
  readonly components: Map<string, Component>;
  readonly locate: ReturnType<typeof keyLocator>;
}

function readEntry(
  reading: Reading,
  section: { name: string; at: number },
  [name, entry]: [string, unknown],
): number {
  const found = reading.locate(name, section.at);
  const line = found?.line ?? reading.locate(section.name, 0)?.line ?? 1;
  const { path, problems } = reading;
  if (!isRecord(entry)) {
    problems.push({ path, line, message: `${name} in ${section.name} is not an object` });
    return found?.index ?? section.at;
  }
  if (typeof entry.version !== 'string') return found?.index ?? section.at;
  const pin = /^===?\s*(\S+)$/.exec(entry.version.trim())?.[1];
  const purl = pin ? pypiPurl(name, pin) : undefined;
  if (!pin || !purl) {
    problems.push({
      path,
      line,
      message: `${name} version ${entry.version} is not a pin that can be expressed as a purl`,
    });
  } else if (!reading.components.has(purl)) {
    const hashes = (Array.isArray(entry.hashes) ? entry.hashes : [])
      .map((h) => (typeof h === 'string' ? pythonHash(h) : undefined))
      .filter((h): h is ComponentHash => h !== undefined);
    reading.components.set(purl, {
      ecosystem: 'pypi',
      name,
      version: pin,
      purl,
      scope: sectionScope(section.name),
      hashes,
      dependsOn: [],
      source: { path, line },
    });
  }
  return found?.index ?? section.at;
}

/** Names the Pipfile asks for, in any of its package tables. */
function declaredNames(
  lockPath: string,
  readSibling: (path: string) => string | undefined,
  problems: LockfileProblem[],
): Set<string> {
  const path = posix.join(posix.dirname(lockPath), 'Pipfile');
  const text = readSibling(path);
  const doc = text === undefined ? undefined : parseToml(path, text, problems);
  const names = new Set<string>();
  for (const [table, body] of Object.entries(doc ?? {})) {
    if (
      table !== 'source' &&
      table !== 'requires' &&
      table !== 'scripts' &&
      table !== 'pipenv' &&
      isRecord(body)
    ) {
      Object.keys(body).forEach((name) => names.add(normalizePypiName(name)));
    }
  }
  return names;
}

/** One parse call: the lockfile, how to read files beside it, and where problems go. */
interface Input {
  readonly path: string;
  readonly text: string;
  readonly readSibling: (path: string) => string | undefined;
  readonly problems: LockfileProblem[];
}

function build(input: Input): LockfileResult {
  const { path, text, readSibling, problems } = input;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error: unknown) {
    problems.push({
      path,
      line: jsonErrorLine(text, error),
      message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
    return { components: [], direct: [], problems };
  }
  if (!isRecord(doc)) {
    problems.push({ path, line: 1, message: 'Pipfile.lock is not a JSON object' });
    return { components: [], direct: [], problems };
  }
  const reading: Reading = { path, problems, components: new Map(), locate: keyLocator(text) };
  // `default` first so a package locked in both sections keeps the stronger scope.
  const sections = [
    'default',
    'develop',
    ...Object.keys(doc).filter((k) => !['_meta', 'default', 'develop'].includes(k)),
  ];
  for (const name of sections) {
    const body = doc[name];
    if (!isRecord(body)) continue;
    let at = reading.locate(name, 0)?.index ?? 0;
    for (const pair of Object.entries(body)) at = readEntry(reading, { name, at }, pair);
  }
  const declared = declaredNames(path, readSibling, problems);
  const components = [...reading.components.values()];
  const direct = components.filter((c) => declared.has(normalizePypiName(c.name))).map((c) => c.purl);
  return { components, direct, problems };
}

export const pipfileLockfile: LockfileParser = {
  id: 'pipfile',
  matches: (path) => /(^|\/)Pipfile\.lock$/.test(path),
  parse(path, text, readSibling) {
    const problems: LockfileProblem[] = [];
    try {
      return build({ path, text, readSibling, problems });
    } catch (error: unknown) {
      problems.push({ path, message: `Pipfile.lock could not be parsed: ${String(error)}` });
      return { components: [], direct: [], problems };
    }
  },
};
