/**
 * poetry.lock, lock-version 1.1 (hashes under `[metadata.files]`), 2.0 (per-package `files`, with `category`
 * up to Poetry 1.4 and without it from 1.5) and 2.1 (Poetry 2.x, `groups`).
 *
 * Scope comes from `groups` or `category` when the lock has them. Poetry 1.5–1.8 locks record neither, so
 * scope is then walked from pyproject.toml's main and group dependencies through the lock's edges.
 * Directory and file sources are the project's own code and are skipped; git and url sources are kept with
 * a `vcs_url` / `download_url` qualifier.
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
import { parseToml, tableLines } from './cargo.js';
import { normalizePypiName, pypiPurl, pythonHash } from './requirements.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const RANK: Record<Scope, number> = { required: 0, optional: 1, dev: 2 };

/** Gives each reachable purl the strongest scope of any path to it: required beats optional beats dev. */
export function propagateScopes(
  roots: Iterable<readonly [string, Scope]>,
  edges: ReadonlyMap<string, readonly string[]>,
): Map<string, Scope> {
  const scopes = new Map<string, Scope>();
  const work: (readonly [string, Scope])[] = [...roots];
  for (let next = work.pop(); next; next = work.pop()) {
    const [purl, scope] = next;
    const known = scopes.get(purl);
    if (known !== undefined && RANK[known] <= RANK[scope]) continue;
    scopes.set(purl, scope);
    for (const target of edges.get(purl) ?? []) work.push([target, scope]);
  }
  return scopes;
}

/** The name at the start of a PEP 508 requirement string. */
export function requirementName(requirement: string): string | undefined {
  return /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(requirement)?.[1];
}

/** What pyproject.toml asks for directly, PEP 621 / PEP 735 and Poetry's own tables alike. */
function declared(pyproject: Record<string, unknown>): Map<string, Scope> {
  const out = new Map<string, Scope>();
  const add = (name: string | undefined, scope: Scope): void => {
    if (!name || name.toLowerCase() === 'python') return;
    const known = out.get(normalizePypiName(name));
    if (known === undefined || RANK[scope] < RANK[known]) out.set(normalizePypiName(name), scope);
  };
  const project = isRecord(pyproject.project) ? pyproject.project : {};
  const pep508 = (lists: unknown[], scope: Scope): void => {
    for (const requirement of lists.flatMap(strings)) add(requirementName(requirement), scope);
  };
  const grouped = (table: unknown): unknown[] => (isRecord(table) ? Object.values(table) : []);
  pep508([project.dependencies], 'required');
  pep508(grouped(project['optional-dependencies']), 'optional');
  pep508(grouped(pyproject['dependency-groups']), 'dev');
  const tool = isRecord(pyproject.tool) && isRecord(pyproject.tool.poetry) ? pyproject.tool.poetry : {};
  const poetryTable = (table: unknown, scope: Scope): void => {
    if (!isRecord(table)) return;
    for (const [name, spec] of Object.entries(table))
      add(name, isRecord(spec) && spec.optional === true ? 'optional' : scope);
  };
  poetryTable(tool['dev-dependencies'], 'dev');
  for (const [group, body] of Object.entries(isRecord(tool.group) ? tool.group : {})) {
    if (isRecord(body)) poetryTable(body.dependencies, group === 'main' ? 'required' : 'dev');
  }
  poetryTable(tool.dependencies, 'required');
  return out;
}

interface Locked {
  readonly name: string;
  readonly version: string;
  readonly purl: string;
  readonly line: number;
  readonly explicit: Scope | undefined;
  readonly optional: boolean;
  readonly dependencies: readonly string[];
  readonly hashes: readonly ComponentHash[];
}

/** undefined for the project's own directory/file sources; a qualifier for git and url ones. */
function sourceQualifiers(source: unknown): Record<string, string> | undefined | 'local' {
  if (!isRecord(source) || typeof source.url !== 'string') return undefined;
  if (source.type === 'directory' || source.type === 'file') return 'local';
  if (source.type === 'git') {
    const commit =
      typeof source.resolved_reference === 'string' ? source.resolved_reference : source.reference;
    return { vcs_url: `git+${source.url}${typeof commit === 'string' ? `@${commit}` : ''}` };
  }
  return source.type === 'url' ? { download_url: source.url } : undefined;
}

function explicitScope(entry: Record<string, unknown>): Scope | undefined {
  const optional = entry.optional === true;
  const groups = strings(entry.groups);
  if (groups.length > 0) return groups.includes('main') ? (optional ? 'optional' : 'required') : 'dev';
  if (entry.category === 'main') return optional ? 'optional' : 'required';
  return entry.category === 'dev' ? 'dev' : undefined;
}

function fileHashes(files: unknown): ComponentHash[] {
  if (!Array.isArray(files)) return [];
  return files
    .flatMap((f) => (isRecord(f) && typeof f.hash === 'string' ? [pythonHash(f.hash)] : []))
    .filter((h) => h !== undefined);
}

interface Reading {
  readonly path: string;
  readonly problems: LockfileProblem[];
  readonly legacyFiles: Record<string, unknown>;
}

function readPackage(reading: Reading, entry: unknown, line: number): Locked | undefined {
  const { path, problems } = reading;
  if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.version !== 'string') {
    problems.push({ path, line, message: '[[package]] without a string name and version' });
    return undefined;
  }
  const qualifiers = sourceQualifiers(entry.source);
  if (qualifiers === 'local') return undefined;
  const purl = pypiPurl(entry.name, entry.version, qualifiers);
  if (!purl) {
    problems.push({ path, line, message: `${entry.name} ${entry.version} cannot be expressed as a purl` });
    return undefined;
  }
  // Lock-version 1.1 keeps the files of every package in one `[metadata.files]` table keyed by name.
  const files =
    entry.files ??
    (Object.hasOwn(reading.legacyFiles, entry.name) ? reading.legacyFiles[entry.name] : undefined);
  return {
    name: entry.name,
    version: entry.version,
    purl,
    line,
    explicit: explicitScope(entry),
    optional: entry.optional === true,
    dependencies: isRecord(entry.dependencies) ? Object.keys(entry.dependencies) : [],
    hashes: fileHashes(files),
  };
}

function readPyproject(
  lockPath: string,
  readSibling: (path: string) => string | undefined,
  problems: LockfileProblem[],
): Map<string, Scope> {
  const path = posix.join(posix.dirname(lockPath), 'pyproject.toml');
  const text = readSibling(path);
  const doc = text === undefined ? undefined : parseToml(path, text, problems);
  return doc ? declared(doc) : new Map<string, Scope>();
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
  const doc = parseToml(path, text, problems);
  if (!doc) return { components: [], direct: [], problems };
  const metadata = isRecord(doc.metadata) ? doc.metadata : {};
  const reading: Reading = { path, problems, legacyFiles: isRecord(metadata.files) ? metadata.files : {} };
  const lines = tableLines(text, 'package');
  const packages = (Array.isArray(doc.package) ? (doc.package as unknown[]) : [])
    .map((entry, index) => readPackage(reading, entry, lines[index] ?? 1))
    .filter((p) => p !== undefined);
  // A name can be locked at several versions (one per Python-version marker); an edge then reaches all of them.
  const byName = new Map<string, string[]>();
  for (const p of packages)
    byName.set(normalizePypiName(p.name), [...(byName.get(normalizePypiName(p.name)) ?? []), p.purl]);
  const edges = new Map(
    packages.map((p) => [p.purl, p.dependencies.flatMap((d) => byName.get(normalizePypiName(d)) ?? [])]),
  );
  const wanted = readPyproject(path, readSibling, problems);
  const roots = [...wanted].flatMap(([name, scope]) =>
    (byName.get(name) ?? []).map((purl) => [purl, scope] as const),
  );
  const walked = propagateScopes(roots, edges);
  const components: Component[] = packages.map((p) => ({
    ecosystem: 'pypi',
    name: p.name,
    version: p.version,
    purl: p.purl,
    scope: p.explicit ?? walked.get(p.purl) ?? (p.optional ? 'optional' : 'required'),
    hashes: p.hashes,
    dependsOn: edges.get(p.purl) ?? [],
    source: { path, line: p.line },
  }));
  return { components, direct: [...new Set(roots.map(([purl]) => purl))], problems };
}

export const poetryLockfile: LockfileParser = {
  id: 'poetry',
  matches: (path) => /(^|\/)poetry\.lock$/.test(path),
  parse(path, text, readSibling) {
    const problems: LockfileProblem[] = [];
    try {
      return build({ path, text, readSibling, problems });
    } catch (error: unknown) {
      problems.push({ path, message: `poetry.lock could not be parsed: ${String(error)}` });
      return { components: [], direct: [], problems };
    }
  },
};
