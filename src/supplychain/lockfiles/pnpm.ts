import type { LockfileParser, Scope } from '../component.js';
import { type Collector, collectSafely } from './npm-collect.js';
import { propagateScopes, type ScopedEdge } from './npm-scopes.js';
import { parseYaml, yamlField, yamlString, type YamlFile } from './npm-yaml.js';
import { type PnpmGraph, readEdges, readPackages, resolveReference } from './pnpm-graph.js';

/**
 * pnpm-lock.yaml, lockfileVersion 6.x (pnpm 8) and 9.x (pnpm 9 and 10). `importers` lists each workspace
 * project's dependencies; a single-project v6 lockfile puts those sections at the top level instead.
 */
export const pnpmLockfile: LockfileParser = {
  id: 'pnpm',
  matches: (path) => /(?:^|\/)pnpm-lock\.yaml$/.test(path),
  parse: (path, text) =>
    collectSafely(path, (collector) => {
      readLockfile(parseYaml(text), collector);
    }),
};

const IMPORTER_FIELDS: readonly (readonly [string, Scope])[] = [
  ['dependencies', 'required'],
  ['optionalDependencies', 'optional'],
  ['devDependencies', 'dev'],
];

function readLockfile(yaml: YamlFile, collector: Collector): void {
  for (const error of yaml.errors) collector.problem(error.message, error.line);
  const major = lockfileMajor(yaml, collector);
  if (major === undefined) return;
  const v9 = major >= 9 || yamlField(yaml.root, 'snapshots') !== undefined;
  const graph = readPackages(yaml, !v9, collector);
  readEdges({ yaml, section: v9 ? 'snapshots' : 'packages' }, graph, collector);
  const roots = importerRoots(yaml, graph);
  for (const root of roots) collector.direct(root.to);
  if (!v9) return;
  // v9 has no dev flags: scope follows from what each importer declares, the strongest path winning.
  const scopes = propagateScopes(roots, (purl) => graph.edges.get(purl) ?? []);
  for (const purl of graph.ids.values()) collector.setScope(purl, scopes.get(purl) ?? 'required');
}

function lockfileMajor(yaml: YamlFile, collector: Collector): number | undefined {
  const declared = yamlString(yamlField(yaml.root, 'lockfileVersion'));
  const major = Number.parseInt(declared ?? '', 10);
  if (Number.isNaN(major)) {
    if (yaml.errors.length === 0) collector.problem('no lockfileVersion: not a pnpm lockfile', 1);
    return undefined;
  }
  if (major < 6) {
    collector.problem(
      `lockfileVersion ${declared ?? ''} (pnpm 7 and older) is not supported; upgrade with pnpm 8 or later`,
      1,
    );
    return undefined;
  }
  if (major > 9) collector.problem(`unknown lockfileVersion ${declared ?? ''}; read as 9.0`, 1);
  return major;
}

function importerRoots(yaml: YamlFile, graph: PnpmGraph): ScopedEdge[] {
  const importers = yaml.entries(yamlField(yaml.root, 'importers')).map((entry) => entry.value);
  return (importers.length > 0 ? importers : [yaml.root]).flatMap((importer) =>
    IMPORTER_FIELDS.flatMap(([field, kind]) =>
      yaml.entries(yamlField(importer, field)).flatMap(({ key, value }) => {
        // v6/v9 write `{ specifier, version }`; older lockfiles wrote the version alone.
        const reference = yamlString(yamlField(value, 'version')) ?? yamlString(value);
        const to = reference === undefined ? undefined : resolveReference(key, reference, graph);
        return to === undefined ? [] : [{ to, kind }];
      }),
    ),
  );
}
