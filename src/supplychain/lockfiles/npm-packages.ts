import type { Collector } from './npm-collect.js';
import { type JsonObject, jsonObject, jsonString, stringEntries } from './npm-json.js';
import { parseIntegrity } from './npm-integrity.js';
import { scopeFromFlags } from './npm-scopes.js';

/**
 * package-lock v2/v3 `packages`: keys are install paths (`node_modules/a/node_modules/b`), `""` is the
 * project, other paths without `node_modules/` are workspace folders that `link: true` entries point at
 * (https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json#packages). Workspaces are the project's
 * own code: no component, but their dependencies are direct ones.
 */
const NODE_MODULES = 'node_modules/';
/** Walking up more install levels than this means a hostile key, not a real tree. */
const MAX_HOPS = 256;
const PACKAGE_EDGES = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;
const PROJECT_EDGES = [...PACKAGE_EDGES, 'devDependencies'] as const;

export function readPackages(packages: JsonObject, collector: Collector): void {
  const nodes = new Map<string, JsonObject>();
  const purls = new Map<string, string>();
  for (const [key, value] of packages.values) {
    const line = packages.lines.get(key) ?? 1;
    const node = jsonObject(value);
    if (!node) {
      collector.problem(`packages["${key}"] is not an object`, line);
      continue;
    }
    // An entry cut short by a syntax error (already reported) may lack its dev/optional flags.
    if (!node.complete) continue;
    nodes.set(key, node);
    if (!isInstallPath(key) || node.get('link') === true) continue;
    const purl = addPackage(key, node, line, collector);
    if (purl !== undefined) purls.set(key, purl);
  }
  for (const [key, node] of nodes) {
    const from = purls.get(key);
    const project = !isInstallPath(key);
    const fields = project ? PROJECT_EDGES : PACKAGE_EDGES;
    for (const [name] of fields.flatMap((field) => stringEntries(node.get(field)))) {
      const target = resolveInstallPath(key, name, nodes);
      const to = target === undefined ? undefined : purls.get(target);
      if (to === undefined) continue;
      if (project) collector.direct(to);
      else if (from !== undefined) collector.link(from, to);
    }
  }
}

function addPackage(key: string, node: JsonObject, line: number, collector: Collector): string | undefined {
  // Aliased installs (`"x": "npm:real@1"`) sit at node_modules/x and name the real package in `name`.
  const name = jsonString(node.get('name')) ?? key.slice(key.lastIndexOf(NODE_MODULES) + NODE_MODULES.length);
  const version = jsonString(node.get('version'));
  if (version === undefined) {
    collector.problem(`packages["${key}"] has no version`, line);
    return undefined;
  }
  const integrity = parseIntegrity(jsonString(node.get('integrity')));
  if (integrity.unreadable) collector.problem(`packages["${key}"] has an unreadable integrity value`, line);
  const scope = scopeFromFlags({
    dev: node.get('dev') === true,
    optional: node.get('optional') === true,
    devOptional: node.get('devOptional') === true,
  });
  return collector.add({ name, version, scope, hashes: integrity.hashes, line });
}

function isInstallPath(key: string): boolean {
  return key.startsWith(NODE_MODULES) || key.includes(`/${NODE_MODULES}`);
}

/**
 * Node's lookup: the nearest `node_modules/<name>` from the dependent's folder up to the root
 * (https://nodejs.org/api/modules.html#loading-from-node_modules-folders); a link resolves to its target.
 */
function resolveInstallPath(
  from: string,
  name: string,
  nodes: ReadonlyMap<string, JsonObject>,
): string | undefined {
  let base: string | undefined = from;
  for (let hops = 0; base !== undefined && hops < MAX_HOPS; hops++) {
    const candidate = base === '' ? `${NODE_MODULES}${name}` : `${base}/${NODE_MODULES}${name}`;
    const node = nodes.get(candidate);
    if (node) return node.get('link') === true ? jsonString(node.get('resolved')) : candidate;
    base = parentFolder(base);
  }
  return undefined;
}

/** The folder whose node_modules Node searches next: the enclosing package, else the parent directory. */
function parentFolder(key: string): string | undefined {
  if (key === '') return undefined;
  const nested = key.lastIndexOf(`/${NODE_MODULES}`);
  if (nested >= 0) return key.slice(0, nested);
  if (key.startsWith(NODE_MODULES)) return '';
  const slash = key.lastIndexOf('/');
  return slash >= 0 ? key.slice(0, slash) : '';
}
