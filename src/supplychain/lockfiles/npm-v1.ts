import type { Collector } from './npm-collect.js';
import { type JsonObject, jsonObject, jsonString, stringEntries } from './npm-json.js';
import { parseIntegrity } from './npm-integrity.js';
import type { Manifest } from './npm-manifest.js';
import { splitDescriptor } from './npm-purl.js';
import { scopeFromFlags } from './npm-scopes.js';

/**
 * package-lock v1: a `dependencies` tree where each entry may nest its own `dependencies` (copies that could
 * not be hoisted) and names what it needs in `requires`, resolved like Node does: the nearest enclosing
 * `dependencies` holding the name (https://docs.npmjs.com/cli/v6/configuring-npm/package-lock-json).
 */
interface Level {
  readonly dependencies: JsonObject;
  readonly parent: Level | undefined;
}

interface Entry {
  readonly name: string;
  readonly node: JsonObject;
  readonly line: number;
  /** Where `requires` lookups start: the entry's own nested level, else the one it sits in. */
  readonly lookup: Level;
}

export function readV1(dependencies: JsonObject, manifest: Manifest | undefined, collector: Collector): void {
  const root: Level = { dependencies, parent: undefined };
  const entries = walk(root, collector);
  const purls = new Map<JsonObject, string>();
  for (const entry of entries) {
    const purl = addEntry(entry, collector);
    if (purl !== undefined) purls.set(entry.node, purl);
  }
  const required = new Set<string>();
  for (const entry of entries) {
    const from = purls.get(entry.node);
    for (const [name] of stringEntries(entry.node.get('requires'))) {
      const to = lookUp(name, entry.lookup, purls);
      if (to === undefined) continue;
      required.add(to);
      // A `file:` entry is the project's own code, so what it requires is a direct dependency.
      if (from === undefined) collector.direct(to);
      else collector.link(from, to);
    }
  }
  markDirect({ root, purls, required }, manifest, collector);
}

/** Breadth-first over the levels with an explicit queue: nesting depth is bounded by the JSON reader. */
function walk(root: Level, collector: Collector): Entry[] {
  const entries: Entry[] = [];
  const levels = [root];
  for (let index = 0; index < levels.length; index++) {
    const level = levels[index] ?? root;
    for (const [name, value] of level.dependencies.values) {
      const line = level.dependencies.lines.get(name) ?? 1;
      const node = jsonObject(value);
      if (!node) {
        collector.problem(`dependencies["${name}"] is not an object`, line);
        continue;
      }
      if (!node.complete) continue;
      const nested = jsonObject(node.get('dependencies'));
      const own = nested ? { dependencies: nested, parent: level } : undefined;
      if (own) levels.push(own);
      entries.push({ name, node, line, lookup: own ?? level });
    }
  }
  return entries;
}

function addEntry(entry: Entry, collector: Collector): string | undefined {
  const raw = jsonString(entry.node.get('version'));
  if (raw === undefined) {
    collector.problem(`dependencies["${entry.name}"] has no version`, entry.line);
    return undefined;
  }
  if (raw.startsWith('file:')) return undefined;
  // An alias records the real package as `npm:real@1.2.3`.
  const alias = raw.startsWith('npm:') ? splitDescriptor(raw.slice('npm:'.length)) : undefined;
  const [name, version] = alias ?? [entry.name, raw];
  const integrity = parseIntegrity(jsonString(entry.node.get('integrity')));
  if (integrity.unreadable)
    collector.problem(`dependencies["${entry.name}"] has an unreadable integrity value`, entry.line);
  const scope = scopeFromFlags({
    dev: entry.node.get('dev') === true,
    optional: entry.node.get('optional') === true,
  });
  return collector.add({ name, version, scope, hashes: integrity.hashes, line: entry.line });
}

interface Tree {
  readonly root: Level;
  readonly purls: ReadonlyMap<JsonObject, string>;
  /** Packages some entry requires. */
  readonly required: ReadonlySet<string>;
}

function lookUp(name: string, start: Level, purls: ReadonlyMap<JsonObject, string>): string | undefined {
  for (let level: Level | undefined = start; level; level = level.parent) {
    const node = jsonObject(level.dependencies.get(name));
    if (node) return purls.get(node);
  }
  return undefined;
}

/**
 * v1 has no list of direct dependencies: package.json beside the lockfile says which they are. Without it,
 * the top-level entries nothing else requires stand in (they were hoisted there because the project asked).
 */
function markDirect(tree: Tree, manifest: Manifest | undefined, collector: Collector): void {
  const { root, purls, required } = tree;
  const names = manifest
    ? manifest.dependencies.map((dependency) => dependency.name)
    : [...root.dependencies.values.keys()];
  for (const name of names) {
    const purl = lookUp(name, root, purls);
    if (purl !== undefined && (manifest !== undefined || !required.has(purl))) collector.direct(purl);
  }
}
