import type { Scope } from '../component.js';

/**
 * Scope as a lattice: required < optional < dev. A package reached through an edge is at least as weak as
 * the edge and its parent; among several paths the strongest wins ("required wins over dev"). An optional
 * dependency of a dev dependency stays dev, as npm's `dev` + `optional` flags say
 * (https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json#packages).
 */
const RANK: Readonly<Record<Scope, number>> = { required: 0, optional: 1, dev: 2 };

export function weakest(a: Scope, b: Scope): Scope {
  return RANK[a] >= RANK[b] ? a : b;
}

export function strongest(a: Scope, b: Scope): Scope {
  return RANK[a] <= RANK[b] ? a : b;
}

/** npm and pnpm v6 flags: only-dev wins, then only-optional; `devOptional` is optional in production. */
export function scopeFromFlags(flags: { dev?: boolean; optional?: boolean; devOptional?: boolean }): Scope {
  if (flags.dev === true) return 'dev';
  return flags.optional === true || flags.devOptional === true ? 'optional' : 'required';
}

export interface ScopedEdge {
  readonly to: string;
  readonly kind: Scope;
}

/**
 * Scopes of everything reachable from the project's direct dependencies. A node's scope only ever gets
 * stronger and there are three, so each is queued at most three times: linear in the graph.
 */
export function propagateScopes(
  roots: Iterable<ScopedEdge>,
  edges: (node: string) => readonly ScopedEdge[],
): Map<string, Scope> {
  const scopes = new Map<string, Scope>();
  const queue: string[] = [];
  const offer = (node: string, scope: Scope): void => {
    const known = scopes.get(node);
    if (known !== undefined && strongest(known, scope) === known) return;
    scopes.set(node, scope);
    queue.push(node);
  };
  for (const root of roots) offer(root.to, root.kind);
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index] ?? '';
    const scope = scopes.get(node) ?? 'required';
    for (const edge of edges(node)) offer(edge.to, weakest(scope, edge.kind));
  }
  return scopes;
}

export function addEdge(edges: Map<string, ScopedEdge[]>, from: string, edge: ScopedEdge): void {
  const list = edges.get(from);
  if (list) list.push(edge);
  else edges.set(from, [edge]);
}
