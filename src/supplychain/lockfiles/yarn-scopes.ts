import type { Scope } from '../component.js';
import type { Collector } from './npm-collect.js';
import type { Manifest } from './npm-manifest.js';
import { propagateScopes, type ScopedEdge, strongest } from './npm-scopes.js';

/** A yarn.lock graph: which purls depend on which, and through which kind of dependency. */
export interface YarnGraph {
  readonly purls: readonly string[];
  readonly edges: ReadonlyMap<string, ScopedEdge[]>;
}

/**
 * yarn.lock has no dev flag: the project's direct dependencies carry the kind package.json gives them and
 * everything reachable inherits it, the strongest path winning. What no direct dependency reaches stays
 * required, so an unknown never hides a production dependency.
 */
export function applyScopes(graph: YarnGraph, roots: readonly ScopedEdge[], collector: Collector): void {
  const scopes = propagateScopes(roots, (purl) => graph.edges.get(purl) ?? []);
  for (const purl of graph.purls) collector.setScope(purl, scopes.get(purl) ?? 'required');
  for (const root of roots) collector.direct(root.to);
}

/** The strongest kind under which a manifest lists each name (a name in both dependencies and devDependencies is required). */
export function kindsByName(manifest: Manifest): Map<string, Scope> {
  const kinds = new Map<string, Scope>();
  for (const { name, kind } of manifest.dependencies) {
    const known = kinds.get(name);
    kinds.set(name, known === undefined ? kind : strongest(known, kind));
  }
  return kinds;
}

/** Stand-in for direct dependencies when package.json is missing: the packages nothing else depends on. */
export function unreferenced(graph: YarnGraph): ScopedEdge[] {
  const referenced = new Set([...graph.edges.values()].flat().map((edge) => edge.to));
  return graph.purls.filter((purl) => !referenced.has(purl)).map((to) => ({ to, kind: 'required' as const }));
}
