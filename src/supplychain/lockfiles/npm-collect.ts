import type { Component, ComponentHash, LockfileProblem, LockfileResult, Scope } from '../component.js';
import { addHash } from './npm-integrity.js';
import { npmPurl } from './npm-purl.js';
import { strongest } from './npm-scopes.js';

export interface Draft {
  readonly name: string;
  readonly version: string;
  readonly scope: Scope;
  readonly hashes: readonly ComponentHash[];
  readonly line: number;
}

const MAX_PROBLEMS = 100;
const MAX_MESSAGE = 300;

interface Entry {
  readonly name: string;
  readonly version: string;
  readonly line: number;
  scope: Scope;
  readonly hashes: ComponentHash[];
  readonly dependsOn: Set<string>;
}

/**
 * Accumulates one lockfile's components, edges, direct dependencies and problems. The same package can sit
 * at several places in a tree (npm nested copies, pnpm peer variants): one component per purl, with the
 * strongest scope, every digest, every edge and the first entry's line.
 */
export class Collector {
  private readonly entries = new Map<string, Entry>();
  private readonly directs = new Set<string>();
  private readonly problemList: LockfileProblem[] = [];

  constructor(readonly path: string) {}

  /** The component's purl, or undefined (and a problem) when name and version cannot make one. */
  add(draft: Draft): string | undefined {
    const purl = npmPurl(draft.name, draft.version);
    if (purl === undefined) {
      this.problem(
        `cannot make a package URL from name "${draft.name}" and version "${draft.version}"`,
        draft.line,
      );
      return undefined;
    }
    const known = this.entries.get(purl);
    if (!known) {
      const { name, version, line, scope } = draft;
      this.entries.set(purl, { name, version, line, scope, hashes: [...draft.hashes], dependsOn: new Set() });
      return purl;
    }
    known.scope = strongest(known.scope, draft.scope);
    for (const hash of draft.hashes) addHash(known.hashes, hash);
    return purl;
  }

  setScope(purl: string, scope: Scope): void {
    const entry = this.entries.get(purl);
    if (entry) entry.scope = scope;
  }

  link(from: string, to: string): void {
    if (from !== to && this.entries.has(to)) this.entries.get(from)?.dependsOn.add(to);
  }

  direct(purl: string): void {
    if (this.entries.has(purl)) this.directs.add(purl);
  }

  /** `path` names another file when the problem is in one read beside the lockfile (package.json). */
  problem(message: string, line?: number, path = this.path): void {
    // A file of junk could otherwise yield a problem per line; the first ones locate the damage.
    if (this.problemList.length > MAX_PROBLEMS) return;
    if (this.problemList.length === MAX_PROBLEMS) {
      this.problemList.push({ path: this.path, message: 'more problems not reported' });
      return;
    }
    const text = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
    this.problemList.push(line === undefined ? { path, message: text } : { path, line, message: text });
  }

  result(): LockfileResult {
    const components = [...this.entries].map(([purl, entry]): Component => ({
      ecosystem: 'npm',
      name: entry.name,
      version: entry.version,
      purl,
      scope: entry.scope,
      hashes: entry.hashes,
      dependsOn: [...entry.dependsOn],
      source: { path: this.path, line: entry.line },
    }));
    return { components, direct: [...this.directs], problems: this.problemList };
  }
}

/**
 * The contract says parse never throws; the format parsers are written not to, and this keeps a bug in
 * them (or an engine limit such as a stack overflow in a library) from failing the whole SBOM.
 */
export function collectSafely(path: string, read: (collector: Collector) => void): LockfileResult {
  const collector = new Collector(path);
  try {
    read(collector);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    collector.problem(`could not finish reading the lockfile: ${reason}`);
  }
  return collector.result();
}
