import type { Scope } from '../component.js';
import type { Collector } from './npm-collect.js';
import { parseIntegrity } from './npm-integrity.js';
import { splitDescriptor } from './npm-purl.js';
import { addEdge, scopeFromFlags, type ScopedEdge } from './npm-scopes.js';
import { yamlField, yamlFlag, yamlIsMap, yamlString, yamlStrings, type YamlFile } from './npm-yaml.js';

/**
 * pnpm-lock.yaml packages (https://github.com/pnpm/spec/tree/master/lockfile). v6 keys are
 * `/name@version(peer@version)…` and hold the dependencies; v9 keys drop the slash, `packages` keeps only
 * resolutions and `snapshots` holds the dependencies of each peer variant. One component per name@version:
 * peer variants of a package are the same artifact.
 */
export interface PnpmGraph {
  /** Package id (`name@version`, no slash, no peer suffix) → purl. */
  readonly ids: Map<string, string>;
  readonly edges: Map<string, ScopedEdge[]>;
}

const EDGE_FIELDS: readonly (readonly [string, Scope])[] = [
  ['dependencies', 'required'],
  ['optionalDependencies', 'optional'],
];

/** `/@scope/name@1.0.0(react@19.0.0)` → `@scope/name@1.0.0`. */
export function packageId(key: string): string {
  const bare = key.startsWith('/') ? key.slice(1) : key;
  const peers = bare.indexOf('(');
  return peers === -1 ? bare : bare.slice(0, peers);
}

/** v6 carries `dev`/`optional` flags; v9 leaves scope to the importers, so everything starts required. */
export function readPackages(yaml: YamlFile, withFlags: boolean, collector: Collector): PnpmGraph {
  const graph: PnpmGraph = { ids: new Map(), edges: new Map() };
  for (const { key, line, value } of yaml.entries(yamlField(yaml.root, 'packages'))) {
    if (!yamlIsMap(value)) {
      collector.problem(`packages[${JSON.stringify(key)}] is not a mapping`, line);
      continue;
    }
    const parsed = splitDescriptor(packageId(key));
    // Packages not from a registry (git, tarball URL) name themselves in `name`/`version` fields.
    const name = yamlString(yamlField(value, 'name')) ?? parsed?.[0];
    const version = yamlString(yamlField(value, 'version')) ?? parsed?.[1];
    if (name === undefined || version === undefined) {
      collector.problem(`packages key ${JSON.stringify(key)} is not name@version`, line);
      continue;
    }
    const integrity = parseIntegrity(yamlString(yamlField(yamlField(value, 'resolution'), 'integrity')));
    if (integrity.unreadable)
      collector.problem(`packages[${JSON.stringify(key)}] has an unreadable integrity value`, line);
    const scope = withFlags
      ? scopeFromFlags({ dev: yamlFlag(value, 'dev'), optional: yamlFlag(value, 'optional') })
      : 'required';
    const purl = collector.add({ name, version, scope, hashes: integrity.hashes, line });
    if (purl !== undefined) graph.ids.set(packageId(key), purl);
  }
  return graph;
}

/** Edges from the entries that list dependencies: `packages` in v6, `snapshots` in v9. */
export function readEdges(
  source: { yaml: YamlFile; section: 'packages' | 'snapshots' },
  graph: PnpmGraph,
  collector: Collector,
): void {
  const { yaml, section } = source;
  for (const { key, value } of yaml.entries(yamlField(yaml.root, section))) {
    const from = graph.ids.get(packageId(key));
    if (from === undefined) continue;
    for (const edge of dependencyEdges(value, graph)) {
      collector.link(from, edge.to);
      addEdge(graph.edges, from, edge);
    }
  }
}

/** `dependencies`/`optionalDependencies` of a package or snapshot entry, resolved to purls. */
function dependencyEdges(node: unknown, graph: PnpmGraph): ScopedEdge[] {
  return EDGE_FIELDS.flatMap(([field, kind]) =>
    yamlStrings(yamlField(node, field)).flatMap(([name, reference]) => {
      const to = resolveReference(name, reference, graph);
      return to === undefined ? [] : [{ to, kind }];
    }),
  );
}

/**
 * A reference is a version (`2.0.0`, `1.7.0(react@19.0.0)`), an alias target (`/real@1.0.0` in v6,
 * `real@1.0.0` in v9) or `link:path` to a workspace, which is the project's own code.
 */
export function resolveReference(name: string, reference: string, graph: PnpmGraph): string | undefined {
  if (reference.startsWith('link:')) return undefined;
  return graph.ids.get(packageId(`${name}@${reference}`)) ?? graph.ids.get(packageId(reference));
}
