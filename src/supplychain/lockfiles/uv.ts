/**
 * uv.lock, `version = 1` (https://docs.astral.sh/uv/concepts/projects/layout/#the-lockfile).
 *
 * Editable and virtual packages are the project and its workspace members: not components, but their
 * `dependencies`, `optional-dependencies` and `dev-dependencies` are the direct ones and seed the scopes
 * (required, optional, dev) that are then walked through the lock's edges. `path` and `directory` sources
 * are local code and skipped; `git` and `url` sources are kept with a `vcs_url` / `download_url` qualifier.
 * A registry package's optional-dependency edges are followed as well: uv only locks an extra someone enabled.
 */
import type {
  Component,
  ComponentHash,
  LockfileParser,
  LockfileProblem,
  LockfileResult,
  Scope,
} from '../component.js';
import { parseToml, tableLines } from './cargo.js';
import { propagateScopes } from './poetry.js';
import { normalizePypiName, pypiPurl, pythonHash } from './requirements.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

interface Locked {
  readonly entry: Record<string, unknown>;
  readonly name: string;
  readonly line: number;
  /** undefined for the project's own packages and local paths, which are not components. */
  readonly purl: string | undefined;
  readonly local: boolean;
}

type Qualifiers = Record<string, string> | undefined;

/** What the package's `source` table says about where it came from. */
function origin(source: unknown): 'project' | 'local' | Qualifiers {
  if (!isRecord(source)) return undefined;
  if ('editable' in source || 'virtual' in source) return 'project';
  if ('path' in source || 'directory' in source) return 'local';
  if (typeof source.git === 'string') {
    // `https://host/repo?rev=main#<commit>`: the fragment is the locked commit.
    const [url = '', commit] = source.git.split('#');
    return { vcs_url: `git+${url.replace(/\?.*$/, '')}${commit ? `@${commit}` : ''}` };
  }
  return typeof source.url === 'string' ? { download_url: source.url } : undefined;
}

/** Where problems found while reading one lockfile go. */
interface Report {
  readonly path: string;
  readonly problems: LockfileProblem[];
}

function readPackage(report: Report, entry: unknown, line: number): Locked | undefined {
  const { path, problems } = report;
  if (!isRecord(entry) || typeof entry.name !== 'string') {
    problems.push({ path, line, message: '[[package]] without a string name' });
    return undefined;
  }
  const from = origin(entry.source);
  if (from === 'project' || from === 'local')
    return { entry, name: entry.name, line, purl: undefined, local: from === 'project' };
  const purl = typeof entry.version === 'string' ? pypiPurl(entry.name, entry.version, from) : undefined;
  if (!purl) {
    problems.push({ path, line, message: `${entry.name} has no version that can be expressed as a purl` });
    return undefined;
  }
  return { entry, name: entry.name, line, purl, local: false };
}

function hashesOf(entry: Record<string, unknown>): ComponentHash[] {
  const artifacts = [...(isRecord(entry.sdist) ? [entry.sdist] : []), ...records(entry.wheels)];
  return artifacts
    .flatMap((a) => (typeof a.hash === 'string' ? [pythonHash(a.hash)] : []))
    .filter((h) => h !== undefined);
}

/** A dependency names a package, adding `version` and `source` only when the name alone is ambiguous. */
function resolver(packages: readonly Locked[]): (dependency: Record<string, unknown>) => Locked[] {
  const byName = new Map<string, Locked[]>();
  for (const p of packages)
    byName.set(normalizePypiName(p.name), [...(byName.get(normalizePypiName(p.name)) ?? []), p]);
  return (dependency) => {
    if (typeof dependency.name !== 'string') return [];
    const wantSource = dependency.source === undefined ? undefined : JSON.stringify(dependency.source);
    return (byName.get(normalizePypiName(dependency.name)) ?? []).filter(
      (p) =>
        (dependency.version === undefined || p.entry.version === dependency.version) &&
        (wantSource === undefined || JSON.stringify(p.entry.source) === wantSource),
    );
  };
}

/** Dependency lists of one kind: `dependencies` is a list, the optional and dev ones are lists per extra/group. */
function dependencyLists(entry: Record<string, unknown>): Record<Scope, Record<string, unknown>[]> {
  const grouped = (value: unknown): Record<string, unknown>[] =>
    isRecord(value) ? Object.values(value).flatMap((list) => records(list)) : [];
  return {
    required: records(entry.dependencies),
    optional: grouped(entry['optional-dependencies']),
    dev: grouped(entry['dev-dependencies']),
  };
}

interface Graph {
  readonly edges: Map<string, string[]>;
  /** The project's own dependencies with the scope each kind of list gives them. */
  readonly roots: [string, Scope][];
}

function graphOf(packages: readonly Locked[]): Graph {
  const resolve = resolver(packages);
  const purlsOf = (deps: Record<string, unknown>[]): string[] => [
    ...new Set(deps.flatMap((d) => resolve(d).flatMap((p) => (p.purl ? [p.purl] : [])))),
  ];
  const graph: Graph = { edges: new Map(), roots: [] };
  for (const p of packages) {
    const lists = dependencyLists(p.entry);
    if (p.purl) graph.edges.set(p.purl, purlsOf([...lists.required, ...lists.optional]));
    if (!p.local) continue;
    for (const scope of ['required', 'optional', 'dev'] as const) {
      graph.roots.push(...purlsOf(lists[scope]).map((purl): [string, Scope] => [purl, scope]));
    }
  }
  return graph;
}

function build(path: string, text: string, problems: LockfileProblem[]): LockfileResult {
  const doc = parseToml(path, text, problems);
  if (!doc) return { components: [], direct: [], problems };
  if (doc.version !== 1) {
    const message = `uv.lock version ${String(doc.version)} is not the known version 1; read as version 1`;
    problems.push({ path, line: 1, message });
  }
  const lines = tableLines(text, 'package');
  const packages = (Array.isArray(doc.package) ? (doc.package as unknown[]) : [])
    .map((entry, index) => readPackage({ path, problems }, entry, lines[index] ?? 1))
    .filter((p) => p !== undefined);
  const { edges, roots } = graphOf(packages);
  const scopes = propagateScopes(roots, edges);
  const components = packages.flatMap((p): Component[] => {
    if (!p.purl || typeof p.entry.version !== 'string') return [];
    const { name, purl, line } = p;
    const scope = scopes.get(purl) ?? 'required';
    const dependsOn = edges.get(purl) ?? [];
    const source = { path, line };
    return [
      {
        ecosystem: 'pypi',
        name,
        version: p.entry.version,
        purl,
        scope,
        hashes: hashesOf(p.entry),
        dependsOn,
        source,
      },
    ];
  });
  return { components, direct: [...new Set(roots.map(([purl]) => purl))], problems };
}

export const uvLockfile: LockfileParser = {
  id: 'uv',
  matches: (path) => /(^|\/)uv\.lock$/.test(path),
  parse(path, text) {
    const problems: LockfileProblem[] = [];
    try {
      return build(path, text, problems);
    } catch (error: unknown) {
      problems.push({ path, message: `uv.lock could not be parsed: ${String(error)}` });
      return { components: [], direct: [], problems };
    }
  },
};
