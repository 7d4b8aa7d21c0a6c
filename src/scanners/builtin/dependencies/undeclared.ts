import importNames from '../../../../data/python-import-names.json' with { type: 'json' };
import stdlib from '../../../../data/python-stdlib.json' with { type: 'json' };
import type { ImportSite } from './imports.js';
import { normalizePypiName } from './types.js';

const STDLIB: ReadonlySet<string> = new Set(stdlib.modules.map((name) => name.toLowerCase()));
const NAMED: Readonly<Record<string, readonly string[]>> = importNames.imports;
/** Import name (lower case) → distributions that provide it; `prefix*` matches a family. */
const PROVIDERS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(NAMED).map(([module, dists]) => [
    module.toLowerCase(),
    dists.map((dist) => (dist.endsWith('*') ? dist : normalizePypiName(dist))),
  ]),
);

/** The distributions known to provide a Python import whose name differs from theirs, as they spell them. */
export function knownProviders(module: string): readonly string[] {
  const entry = Object.entries(NAMED).find(([name]) => name.toLowerCase() === module.toLowerCase());
  return (entry?.[1] ?? []).filter((dist) => !dist.endsWith('*')).slice(0, 2);
}

const stemOf = (name: string): string => name.replace(/\.d\.[cm]?ts$/i, '').replace(/\.[^.]+$/, '');

/** One package a manifest's scope imports without declaring it, at its first import. */
export interface Undeclared {
  /** The directory of the manifests the import was judged against. */
  readonly scope: string;
  readonly first: ImportSite;
  /** How many other files import it too. */
  readonly otherFiles: number;
}

/** Directory names and file stems of the repository: `import utils` may mean the repository's own utils.py. */
export function localModuleNames(files: readonly string[], source: RegExp): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    if (!source.test(file)) continue;
    const parts = file.split('/');
    const stem = stemOf(parts.pop() ?? '');
    for (const part of [...parts, stem]) names.add(part);
  }
  return names;
}

function providedBy(dist: string, declared: ReadonlySet<string>): boolean {
  if (!dist.endsWith('*')) return declared.has(dist);
  const prefix = normalizePypiName(dist.slice(0, -1));
  return [...declared].some((name) => name.startsWith(prefix));
}

/**
 * Names a bare JavaScript specifier may use for the repository's own code through a `baseUrl` or path
 * alias: the entries directly in each package's directory and in its `src/`.
 */
export function jsLocalNames(files: readonly string[], manifestDirs: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    for (const dir of enclosingManifests(file, manifestDirs)) {
      const [first = '', second] = (dir === '' ? file : file.slice(dir.length + 1)).split('/');
      names.add(stemOf(first));
      if (first === 'src' && second !== undefined) names.add(stemOf(second));
    }
  }
  return names;
}

/** Whether a Python top-level module is the standard library's, the repository's own or declared. */
export function pythonImportSatisfied(
  module: string,
  declared: ReadonlySet<string>,
  local: ReadonlySet<string>,
) {
  if (STDLIB.has(module.toLowerCase()) || local.has(module)) return true;
  const name = normalizePypiName(module);
  const conventional = [
    name,
    `python-${name}`,
    `${name}-python`,
    `py${name}`,
    `py-${name}`,
    `${name}-binary`,
  ];
  if (conventional.some((candidate) => declared.has(candidate))) return true;
  return (PROVIDERS.get(module.toLowerCase()) ?? []).some((dist) => providedBy(dist, declared));
}

/** DefinitelyTyped's name for a package's types: `x` → `@types/x`, `@s/x` → `@types/s__x`. */
export function typesPackage(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

/** The package.json directories whose dependencies a file may use: its own and every enclosing one. */
export function enclosingManifests(path: string, manifestDirs: readonly string[]): string[] {
  return manifestDirs.filter((dir) => dir === '' || path.startsWith(`${dir}/`));
}

export interface NpmScopes {
  /** Directory ('' for the root) → names its package.json declares. */
  readonly declaredByDir: ReadonlyMap<string, ReadonlySet<string>>;
  /** Names of the repository's own packages (workspaces). */
  readonly workspaceNames: ReadonlySet<string>;
  readonly local: ReadonlySet<string>;
}

/** The scope a JavaScript import is judged in (its nearest package.json), or undefined when it is fine. */
export function npmImportScope(site: ImportSite, scopes: NpmScopes): string | undefined {
  const dirs = enclosingManifests(site.path, [...scopes.declaredByDir.keys()]);
  if (dirs.length === 0 || scopes.workspaceNames.has(site.module)) return undefined;
  if (!site.module.startsWith('@') && scopes.local.has(site.module)) return undefined;
  const declared = (name: string) => dirs.some((dir) => scopes.declaredByDir.get(dir)?.has(name) === true);
  if (declared(site.module) || (site.typeOnly && declared(typesPackage(site.module)))) return undefined;
  return dirs.reduce((nearest, dir) => (dir.length > nearest.length ? dir : nearest));
}

/** Groups undeclared imports by scope and package, keeping the first site (by path, then line). */
export function firstSites(sites: readonly { scope: string; site: ImportSite }[]): Undeclared[] {
  const groups = new Map<string, { scope: string; first: ImportSite; files: Set<string> }>();
  const ordered = [...sites].sort(
    (a, b) => a.site.path.localeCompare(b.site.path) || a.site.region.startLine - b.site.region.startLine,
  );
  for (const { scope, site } of ordered) {
    const key = `${site.ecosystem}\u0000${scope}\u0000${site.module}`;
    const group = groups.get(key) ?? { scope, first: site, files: new Set<string>() };
    group.files.add(site.path);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ scope, first, files }) => ({
    scope,
    first,
    otherFiles: files.size - 1,
  }));
}
