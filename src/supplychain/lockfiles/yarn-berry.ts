import type { Scope } from '../component.js';
import type { Collector } from './npm-collect.js';
import { besideLockfile, readManifest } from './npm-manifest.js';
import { splitDescriptor } from './npm-purl.js';
import { addEdge, type ScopedEdge } from './npm-scopes.js';
import {
  parseYaml,
  yamlField,
  yamlFlag,
  yamlIsMap,
  yamlString,
  yamlStrings,
  type YamlEntry,
} from './npm-yaml.js';
import { applyScopes, kindsByName, type YarnGraph } from './yarn-scopes.js';

type ReadSibling = (path: string) => string | undefined;

/**
 * Berry (yarn 2+) yarn.lock: YAML whose keys are comma-separated descriptors (`"ms@npm:2.1.3, ms@npm:^2.1.3"`)
 * and whose values name the `resolution` and `version` (https://yarnpkg.com/advanced/lockfile).
 *
 * No hashes: `checksum` (`10c0/<hex>`, cache key then digest) is SHA-512 of the zip archive yarn builds for
 * its cache, not of the registry tarball, so a consumer checking it against the published package would
 * see a mismatch. Reporting it as the component's SHA-512 would be false.
 */
interface Workspace {
  readonly folder: string;
  readonly node: unknown;
}

interface Lookup {
  readonly byDescriptor: Map<string, string>;
  readonly byName: Map<string, Set<string>>;
}

export function readYarnBerry(text: string, readSibling: ReadSibling, collector: Collector): void {
  const yaml = parseYaml(text);
  for (const error of yaml.errors) collector.problem(error.message, error.line);
  const lookup: Lookup = { byDescriptor: new Map(), byName: new Map() };
  const packages: [string, unknown][] = [];
  const workspaces: Workspace[] = [];
  for (const entry of yaml.entries(yaml.root)) {
    if (entry.key === '__metadata') continue;
    const resolution = yamlString(yamlField(entry.value, 'resolution'));
    // Soft links are workspaces and `link:`/`portal:` folders: the project's own code, not a package.
    if (yamlString(yamlField(entry.value, 'linkType')) === 'soft') {
      const folder = /@workspace:(.+)$/.exec(resolution ?? '')?.[1];
      if (folder !== undefined) workspaces.push({ folder, node: entry.value });
      continue;
    }
    const added = addPackage(entry, resolution, collector);
    if (added === undefined) continue;
    const [purl, name] = added;
    for (const descriptor of entry.key.split(',')) lookup.byDescriptor.set(descriptor.trim(), purl);
    lookup.byName.set(name, (lookup.byName.get(name) ?? new Set()).add(purl));
    packages.push([purl, entry.value]);
  }
  const graph = linkPackages(packages, lookup, collector);
  applyScopes(graph, workspaceRoots(workspaces, lookup, { readSibling, collector }), collector);
}

function addPackage(
  entry: YamlEntry,
  resolution: string | undefined,
  collector: Collector,
): [string, string] | undefined {
  if (!yamlIsMap(entry.value)) {
    collector.problem(`entry ${JSON.stringify(entry.key)} is not a mapping`, entry.line);
    return undefined;
  }
  const name = splitDescriptor(resolution ?? entry.key.split(',')[0]?.trim() ?? '')?.[0];
  const version = yamlString(yamlField(entry.value, 'version'));
  if (name === undefined || version === undefined) {
    collector.problem(
      `entry ${JSON.stringify(entry.key)} has no ${name === undefined ? 'package name' : 'version'}`,
      entry.line,
    );
    return undefined;
  }
  const purl = collector.add({ name, version, scope: 'required', hashes: [], line: entry.line });
  return purl === undefined ? undefined : [purl, name];
}

function linkPackages(
  packages: readonly [string, unknown][],
  lookup: Lookup,
  collector: Collector,
): YarnGraph {
  const edges = new Map<string, ScopedEdge[]>();
  for (const [from, node] of packages) {
    for (const { to, kind } of dependencyEdges(node, lookup)) {
      collector.link(from, to);
      addEdge(edges, from, { to, kind });
    }
    // Peers resolve against the dependent's parent, which the lockfile does not record; one candidate is certain.
    for (const [name] of yamlStrings(yamlField(node, 'peerDependencies'))) {
      const candidates = [...(lookup.byName.get(name) ?? [])];
      if (candidates.length === 1 && candidates[0] !== undefined) collector.link(from, candidates[0]);
    }
  }
  return { purls: packages.map(([purl]) => purl), edges };
}

/** `dependencies` with the optional ones (`dependenciesMeta.<name>.optional`) weakened to optional. */
function dependencyEdges(node: unknown, lookup: Lookup): (ScopedEdge & { readonly name: string })[] {
  const meta = yamlField(node, 'dependenciesMeta');
  return yamlStrings(yamlField(node, 'dependencies')).flatMap(([name, range]) => {
    // Lockfiles before Berry 3 omit the default `npm:` protocol in ranges and keys alike.
    const to = lookup.byDescriptor.get(`${name}@${range}`) ?? lookup.byDescriptor.get(`${name}@npm:${range}`);
    const kind: Scope = yamlFlag(yamlField(meta, name), 'optional') ? 'optional' : 'required';
    return to === undefined ? [] : [{ name, to, kind }];
  });
}

/**
 * Workspace entries list dev and production dependencies alike; the workspace's package.json tells which
 * were dev. Without it they count as required, which is reported once.
 */
function workspaceRoots(
  workspaces: readonly Workspace[],
  lookup: Lookup,
  io: { readonly readSibling: ReadSibling; readonly collector: Collector },
): ScopedEdge[] {
  const unknown: string[] = [];
  const roots = workspaces.flatMap((workspace) => {
    const path = besideLockfile(io.collector.path, workspace.folder, 'package.json');
    const manifest = readManifest(path, io.readSibling, io.collector);
    if (!manifest) unknown.push(path ?? `${workspace.folder}/package.json`);
    const kinds = manifest ? kindsByName(manifest) : undefined;
    return dependencyEdges(workspace.node, lookup).map(({ name, to, kind }) => ({
      to,
      kind: kind === 'optional' ? kind : (kinds?.get(name) ?? kind),
    }));
  });
  if (unknown.length > 0) {
    io.collector.problem(
      `no readable ${unknown.join(', ')}: dev dependencies of those workspaces are treated as required`,
    );
  }
  return roots;
}
