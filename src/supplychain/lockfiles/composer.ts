/**
 * composer.lock (https://getcomposer.org/doc/01-basic-usage.md#commit-your-composer-lock-file-to-version-control).
 *
 * `packages` are required and `packages-dev` dev. `dist.shasum` is a SHA-1 of the dist archive but is
 * empty for GitHub zipballs (the common case), so it becomes a hash only when it is 40 hex digits.
 * `require` entries become edges when a locked package has that name or lists it under `replace` /
 * `provide`; platform requirements (`php`, `ext-*`, `lib-*`, `composer-*`) are not packages. Packages from
 * `path` repositories are the repository's own code and are skipped. Direct dependencies come from
 * composer.json beside the lock.
 */
import { posix } from 'node:path';
import { PackageURL } from 'packageurl-js';
import type { Component, LockfileParser, LockfileProblem, LockfileResult, Scope } from '../component.js';
import { escapeRegExp, jsonErrorLine, lineIndex } from './pipfile.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keys(value: unknown): string[] {
  return isRecord(value) ? Object.keys(value).map((k) => k.toLowerCase()) : [];
}

interface Locked {
  readonly entry: Record<string, unknown>;
  readonly name: string;
  readonly version: string;
  readonly purl: string;
  readonly scope: Scope;
  readonly line: number;
}

function composerPurl(name: string, version: string): string | undefined {
  const [vendor, project, ...rest] = name.split('/');
  if (!vendor || !project || rest.length > 0) return undefined;
  try {
    return new PackageURL('composer', vendor, project, version).toString();
  } catch {
    return undefined;
  }
}

interface Reading {
  readonly path: string;
  readonly text: string;
  readonly problems: LockfileProblem[];
  readonly lineAt: (offset: number) => number;
  from: number;
}

/** Each package object is found by its `"name": "vendor/project"` member, in file order. */
function lineOf(reading: Reading, name: string): number {
  const pattern = new RegExp(`"name"\\s*:\\s*${escapeRegExp(JSON.stringify(name))}`, 'g');
  pattern.lastIndex = reading.from;
  const found = pattern.exec(reading.text);
  if (!found) return 1;
  reading.from = found.index + 1;
  return reading.lineAt(found.index);
}

function readPackage(reading: Reading, entry: unknown, scope: Scope): Locked | undefined {
  if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.version !== 'string') {
    reading.problems.push({
      path: reading.path,
      line: reading.lineAt(reading.from),
      message: 'package without a string name and version',
    });
    return undefined;
  }
  const line = lineOf(reading, entry.name);
  if (isRecord(entry.dist) && entry.dist.type === 'path') return undefined;
  const purl = composerPurl(entry.name, entry.version);
  if (!purl) {
    reading.problems.push({
      path: reading.path,
      line,
      message: `${entry.name} ${entry.version} cannot be expressed as a purl`,
    });
    return undefined;
  }
  return { entry, name: entry.name, version: entry.version, purl, scope, line };
}

function providers(packages: readonly Locked[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string, purl: string): void => {
    out.set(name, [...(out.get(name) ?? []), purl]);
  };
  for (const p of packages) {
    add(p.name.toLowerCase(), p.purl);
    for (const name of [...keys(p.entry.replace), ...keys(p.entry.provide)]) add(name, p.purl);
  }
  return out;
}

function toComponent(p: Locked, path: string, edges: string[]): Component {
  const shasum =
    isRecord(p.entry.dist) && typeof p.entry.dist.shasum === 'string'
      ? p.entry.dist.shasum.toLowerCase()
      : '';
  const hashes = /^[0-9a-f]{40}$/.test(shasum) ? [{ alg: 'SHA-1' as const, content: shasum }] : [];
  return {
    ecosystem: 'composer',
    name: p.name,
    version: p.version,
    purl: p.purl,
    scope: p.scope,
    hashes,
    dependsOn: edges,
    source: { path, line: p.line },
  };
}

function directOf(input: Input, named: Map<string, string[]>): string[] {
  const { path, readSibling, problems } = input;
  const manifestPath = posix.join(posix.dirname(path), 'composer.json');
  const text = readSibling(manifestPath);
  if (text === undefined) return [];
  try {
    const manifest: unknown = JSON.parse(text);
    const wanted = isRecord(manifest) ? [...keys(manifest.require), ...keys(manifest['require-dev'])] : [];
    return [...new Set(wanted.flatMap((name) => named.get(name) ?? []))];
  } catch (error: unknown) {
    problems.push({
      path: manifestPath,
      line: jsonErrorLine(text, error),
      message: 'composer.json is not valid JSON',
    });
    return [];
  }
}

/** One parse call: the lockfile, how to read files beside it, and where problems go. */
interface Input {
  readonly path: string;
  readonly text: string;
  readonly readSibling: (path: string) => string | undefined;
  readonly problems: LockfileProblem[];
}

function build(input: Input): LockfileResult {
  const { path, text, problems } = input;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error: unknown) {
    problems.push({
      path,
      line: jsonErrorLine(text, error),
      message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
    return { components: [], direct: [], problems };
  }
  if (!isRecord(doc) || !Array.isArray(doc.packages)) {
    problems.push({ path, line: 1, message: 'composer.lock has no "packages" array' });
    return { components: [], direct: [], problems };
  }
  const reading: Reading = { path, text, problems, lineAt: lineIndex(text), from: 0 };
  const dev = Array.isArray(doc['packages-dev']) ? (doc['packages-dev'] as unknown[]) : [];
  const packages = [
    ...(doc.packages as unknown[]).map((e) => readPackage(reading, e, 'required')),
    ...dev.map((e) => readPackage(reading, e, 'dev')),
  ].filter((p) => p !== undefined);
  const named = providers(packages);
  const components = packages.map((p) => {
    const edges = keys(p.entry.require).flatMap((name) =>
      (named.get(name) ?? []).filter((purl) => purl !== p.purl),
    );
    return toComponent(p, path, [...new Set(edges)]);
  });
  return { components, direct: directOf(input, named), problems };
}

export const composerLockfile: LockfileParser = {
  id: 'composer',
  matches: (path) => /(^|\/)composer\.lock$/.test(path),
  parse(path, text, readSibling) {
    const problems: LockfileProblem[] = [];
    try {
      return build({ path, text, readSibling, problems });
    } catch (error: unknown) {
      problems.push({ path, message: `composer.lock could not be parsed: ${String(error)}` });
      return { components: [], direct: [], problems };
    }
  },
};
