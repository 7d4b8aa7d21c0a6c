import type { Scope } from '../component.js';
import type { Collector } from './npm-collect.js';
import { addHash, parseIntegrity, tarballSha1 } from './npm-integrity.js';
import { besideLockfile, type ManifestDependency, readManifest } from './npm-manifest.js';
import { splitDescriptor } from './npm-purl.js';
import { addEdge, type ScopedEdge } from './npm-scopes.js';
import { parseYarnV1, type YarnV1Entry } from './yarn-v1-syntax.js';
import { applyScopes, unreferenced, type YarnGraph } from './yarn-scopes.js';

type ReadSibling = (path: string) => string | undefined;

const EDGE_BLOCKS: readonly (readonly [string, Scope])[] = [
  ['dependencies', 'required'],
  ['optionalDependencies', 'optional'],
];
const GLOB = /[*?[\]{}!]/;

export function readYarnV1(text: string, readSibling: ReadSibling, collector: Collector): void {
  const syntax = parseYarnV1(text);
  for (const problem of syntax.problems) collector.problem(problem.message, problem.line);
  const byDescriptor = new Map<string, string>();
  const added: [string, YarnV1Entry][] = [];
  for (const entry of syntax.entries) {
    const purl = addEntry(entry, collector);
    if (purl === undefined) continue;
    for (const descriptor of entry.descriptors) byDescriptor.set(descriptor, purl);
    added.push([purl, entry]);
  }
  const edges = new Map<string, ScopedEdge[]>();
  for (const [from, entry] of added) {
    for (const [block, kind] of EDGE_BLOCKS) {
      for (const [name, range] of entry.blocks.get(block) ?? []) {
        const to = byDescriptor.get(`${name}@${range}`);
        if (to === undefined) continue;
        collector.link(from, to);
        addEdge(edges, from, { to, kind });
      }
    }
  }
  const graph: YarnGraph = { purls: added.map(([purl]) => purl), edges };
  const declared = projectDependencies(readSibling, collector);
  const roots = declared?.flatMap(({ name, range, kind }) => {
    const to = byDescriptor.get(`${name}@${range}`);
    return to === undefined ? [] : [{ to, kind }];
  });
  applyScopes(graph, roots ?? unreferenced(graph), collector);
}

function addEntry(entry: YarnV1Entry, collector: Collector): string | undefined {
  const descriptor = splitDescriptor(entry.descriptors[0] ?? '');
  const version = entry.fields.get('version');
  if (!descriptor || version === undefined) {
    const what = descriptor ? 'has no version' : 'does not start with a name@range descriptor';
    collector.problem(`entry ${JSON.stringify(entry.descriptors.join(', '))} ${what}`, entry.line);
    return undefined;
  }
  // `alias@npm:real@^1` installs `real`; the lockfile's version is the real package's.
  const [alias, range] = descriptor;
  const real = range.startsWith('npm:') ? splitDescriptor(range.slice('npm:'.length)) : undefined;
  const integrity = parseIntegrity(entry.fields.get('integrity'));
  if (integrity.unreadable)
    collector.problem(`entry "${alias}" has an unreadable integrity value`, entry.line);
  const hashes = integrity.hashes;
  const shasum = tarballSha1(entry.fields.get('resolved'));
  if (shasum) addHash(hashes, shasum);
  return collector.add({ name: real?.[0] ?? alias, version, scope: 'required', hashes, line: entry.line });
}

/**
 * package.json beside yarn.lock, plus the workspaces it names literally: yarn v1 does not record workspaces
 * in the lockfile, and a glob cannot be expanded from here (readSibling reads files, not directories).
 */
function projectDependencies(
  readSibling: ReadSibling,
  collector: Collector,
): ManifestDependency[] | undefined {
  const rootPath = besideLockfile(collector.path, 'package.json');
  const root = readManifest(rootPath, readSibling, collector);
  if (!root) {
    collector.problem(
      `no readable ${rootPath ?? 'package.json'}: direct dependencies are guessed and dev ones count as required`,
    );
    return undefined;
  }
  const globbed = root.workspaces.filter((pattern) => GLOB.test(pattern));
  if (globbed.length > 0) {
    collector.problem(
      `workspaces ${globbed.join(', ')} are globs this reader cannot expand: dependencies only they declare are not marked direct and stay required`,
    );
  }
  const literal = root.workspaces.filter((pattern) => !GLOB.test(pattern));
  const workspaces = literal.flatMap(
    (workspace) =>
      readManifest(besideLockfile(collector.path, workspace, 'package.json'), readSibling, collector)
        ?.dependencies ?? [],
  );
  return [...root.dependencies, ...workspaces];
}
