/**
 * Cargo.lock, versions 1 to 4 (https://doc.rust-lang.org/cargo/guide/cargo-toml-vs-cargo-lock.html).
 *
 * Packages without `source` are the workspace's own crates: not components, but their dependencies are the
 * project's direct ones. Git sources become components carrying a `vcs_url` qualifier so the pinned commit
 * stays visible. Cargo.lock does not say which edges are dev-dependencies, so every crate is `required`.
 */
import { PackageURL } from 'packageurl-js';
import { parse, TomlError } from 'smol-toml';
import type { Component, LockfileParser, LockfileProblem, LockfileResult } from '../component.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** TOML parse that reports instead of throwing; shared by the TOML lockfile parsers. */
export function parseToml(
  path: string,
  text: string,
  problems: LockfileProblem[],
): Record<string, unknown> | undefined {
  try {
    // Keys like `__proto__` in hostile input must not reach object prototypes.
    return parse(text, { unsafeKeyBehaviour: 'drop', maxDepth: 64 });
  } catch (error: unknown) {
    const line = error instanceof TomlError ? error.line : undefined;
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    problems.push({ path, line, message: `not valid TOML: ${reason}` });
    return undefined;
  }
}

/** 1-based lines of each `[[name]]` header, in document order, which is the order of the parsed array. */
export function tableLines(text: string, name: string): number[] {
  const header = new RegExp(`^\\s*\\[\\[\\s*${name.replace('.', '\\.')}\\s*\\]\\]`);
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (header.test(line)) lines.push(index + 1);
  });
  return lines;
}

interface Crate {
  readonly name: string;
  readonly version: string;
  readonly source: string | undefined;
  readonly line: number;
  readonly dependencies: readonly string[];
  readonly checksum: string | undefined;
}

const CRATES_IO = new Set([
  'registry+https://github.com/rust-lang/crates.io-index',
  'sparse+https://index.crates.io/',
]);

function cratePurl(crate: Crate): string | undefined {
  const source = crate.source ?? '';
  let qualifiers: Record<string, string> | undefined;
  if (source.startsWith('git+')) {
    // `git+https://host/repo?branch=x#<commit>`: the commit after `#` is what was locked.
    const [url = '', commit = ''] = source.split('#');
    qualifiers = { vcs_url: `${url.replace(/\?.*$/, '')}@${commit}` };
  } else if (!CRATES_IO.has(source)) {
    qualifiers = { repository_url: source.replace(/^(registry|sparse)\+/, '') };
  }
  try {
    return new PackageURL('cargo', undefined, crate.name, crate.version, qualifiers).toString();
  } catch {
    return undefined;
  }
}

/** Where problems found while reading one lockfile go. */
interface Report {
  readonly path: string;
  readonly problems: LockfileProblem[];
}

function readCrates(report: Report, doc: Record<string, unknown>, text: string): Crate[] {
  const { path, problems } = report;
  const packages = Array.isArray(doc.package) ? (doc.package as unknown[]) : [];
  const lines = tableLines(text, 'package');
  const crates: Crate[] = [];
  packages.forEach((entry, index) => {
    const line = lines[index] ?? 1;
    if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.version !== 'string') {
      problems.push({ path, line, message: '[[package]] without a string name and version' });
      return;
    }
    const dependencies = Array.isArray(entry.dependencies)
      ? entry.dependencies.filter((d): d is string => typeof d === 'string')
      : [];
    const source = typeof entry.source === 'string' ? entry.source : undefined;
    const checksum = typeof entry.checksum === 'string' ? entry.checksum : undefined;
    crates.push({ name: entry.name, version: entry.version, source, line, dependencies, checksum });
  });
  return crates;
}

/** Version 1 keeps checksums apart, in `[metadata]` as `"checksum <name> <version> (<source>)" = "<hex>"`. */
function legacyChecksum(doc: Record<string, unknown>, crate: Crate): string | undefined {
  if (!isRecord(doc.metadata)) return undefined;
  const value = doc.metadata[`checksum ${crate.name} ${crate.version} (${crate.source ?? ''})`];
  return typeof value === 'string' && value !== '<none>' ? value : undefined;
}

/** Dependency strings are `name`, `name version` or `name version (source)`: as much as makes them unique. */
function resolve(byName: ReadonlyMap<string, readonly Crate[]>, reference: string): Crate | undefined {
  const match = /^(\S+)(?:\s+(\S+))?(?:\s+\((.*)\))?$/.exec(reference.trim());
  if (!match?.[1]) return undefined;
  const [, name, version, source] = match;
  const candidates = (byName.get(name) ?? []).filter(
    (c) => (version === undefined || c.version === version) && (source === undefined || c.source === source),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}

interface Graph {
  readonly path: string;
  readonly byName: ReadonlyMap<string, readonly Crate[]>;
  readonly purls: ReadonlyMap<Crate, string>;
  readonly problems: LockfileProblem[];
}

function edges(graph: Graph, crate: Crate): string[] {
  return crate.dependencies.flatMap((reference) => {
    const target = resolve(graph.byName, reference);
    if (!target) {
      const message = `dependency "${reference}" of ${crate.name} matches no single locked package`;
      graph.problems.push({ path: graph.path, line: crate.line, message });
    }
    const purl = target ? graph.purls.get(target) : undefined;
    return purl ? [purl] : [];
  });
}

function hashesOf(graph: Graph, crate: Crate, checksum: string | undefined): Component['hashes'] {
  if (checksum === undefined) return [];
  if (/^[0-9a-f]{64}$/i.test(checksum)) return [{ alg: 'SHA-256', content: checksum.toLowerCase() }];
  graph.problems.push({
    path: graph.path,
    line: crate.line,
    message: `checksum of ${crate.name} is not a SHA-256 hex digest`,
  });
  return [];
}

function purlsOf(path: string, crates: readonly Crate[], problems: LockfileProblem[]): Map<Crate, string> {
  const purls = new Map<Crate, string>();
  for (const crate of crates.filter((c) => c.source !== undefined)) {
    const purl = cratePurl(crate);
    if (purl) purls.set(crate, purl);
    else
      problems.push({
        path,
        line: crate.line,
        message: `${crate.name} ${crate.version} cannot be expressed as a purl`,
      });
  }
  return purls;
}

function build(path: string, text: string, problems: LockfileProblem[]): LockfileResult {
  const doc = parseToml(path, text, problems);
  if (!doc) return { components: [], direct: [], problems };
  const crates = readCrates({ path, problems }, doc, text);
  const byName = new Map<string, Crate[]>();
  for (const crate of crates) byName.set(crate.name, [...(byName.get(crate.name) ?? []), crate]);
  const graph: Graph = { path, byName, purls: purlsOf(path, crates, problems), problems };
  const components: Component[] = [];
  const direct = new Set<string>();
  for (const crate of crates) {
    const purl = graph.purls.get(crate);
    const dependsOn = edges(graph, crate);
    if (crate.source === undefined) dependsOn.forEach((d) => direct.add(d));
    if (!purl) continue;
    const hashes = hashesOf(graph, crate, crate.checksum ?? legacyChecksum(doc, crate));
    const source = { path, line: crate.line };
    components.push({
      ecosystem: 'cargo',
      name: crate.name,
      version: crate.version,
      purl,
      scope: 'required',
      hashes,
      dependsOn,
      source,
    });
  }
  return { components, direct: [...direct], problems };
}

export const cargoLockfile: LockfileParser = {
  id: 'cargo',
  matches: (path) => /(^|\/)Cargo\.lock$/.test(path),
  parse(path, text) {
    const problems: LockfileProblem[] = [];
    try {
      return build(path, text, problems);
    } catch (error: unknown) {
      problems.push({ path, message: `Cargo.lock could not be parsed: ${String(error)}` });
      return { components: [], direct: [], problems };
    }
  },
};
