import { posix } from 'node:path';
import type { OsvPackage } from './parse.js';

/** 1-based line, or undefined when the package cannot be found in the file. */
type Locator = (lines: readonly string[], pkg: OsvPackage) => number | undefined;

/**
 * The line that declares a package in the lockfile or manifest osv-scanner read it from, since its report
 * has no positions. package-lock.json and requirements files are read precisely; yarn.lock and go.mod
 * have their own shapes; every other format is searched for the name near the version.
 */
export function locatePackage(path: string, content: string, pkg: OsvPackage): number | undefined {
  const lines = content.split(/\r\n|\r|\n/);
  return locatorFor(posix.basename(path), pkg)(lines, pkg);
}

function locatorFor(file: string, pkg: OsvPackage): Locator {
  if (file === 'package-lock.json' || file === 'npm-shrinkwrap.json') return npmLock;
  if (file.endsWith('.txt') || file.endsWith('.in')) return requirements;
  if (file === 'yarn.lock') return yarnLock;
  if (file === 'go.mod' && pkg.name === 'stdlib') return goDirective;
  return nameNearVersion;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** PEP 503: case, `-`, `_` and `.` runs do not distinguish Python names (nor NuGet's case). */
function namePattern(pkg: OsvPackage): string {
  if (pkg.ecosystem !== 'PyPI') return escape(pkg.name);
  return pkg.name
    .split(/[-_.]+/)
    .map(escape)
    .join('[-_.]+');
}

function nameFlags(pkg: OsvPackage): string {
  return pkg.ecosystem === 'PyPI' || pkg.ecosystem === 'NuGet' ? 'i' : '';
}

/** The version as a whole token: `2.1` must not match `2.10` nor `2.1-beta`; Go's `v` prefix is optional. */
function versionRegex(version: string): RegExp {
  return new RegExp(`(?<![\\w.])v?${escape(version.replace(/^v/, ''))}(?![0-9A-Za-z.+-])`);
}

function lineOf(index: number): number {
  return index + 1;
}

/** Braces opened minus closed on a line, ignoring those inside JSON strings. */
function braceDelta(line: string): number {
  const bare = line.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return (bare.match(/\{/g)?.length ?? 0) - (bare.match(/\}/g)?.length ?? 0);
}

/** The `"version"` of the JSON object opened on `start`, read at that object's own depth. */
function entryVersion(lines: readonly string[], start: number): string | undefined {
  let depth = 0;
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (depth === 1) {
      const version = /^\s*"version"\s*:\s*"([^"]*)"/.exec(line)?.[1];
      if (version !== undefined) return version;
    }
    depth += braceDelta(line);
    if (depth <= 0) return undefined;
  }
  return undefined;
}

interface NpmEntry {
  readonly index: number;
  /** 0 for lockfile v1 `"<name>": {`, else how many `node_modules/` the v2/v3 key has. */
  readonly nesting: number;
  readonly version: string | undefined;
}

/**
 * package-lock v2/v3 key `"node_modules/<name>"` (shallowest first, so a hoisted copy wins over a nested
 * one of the same version), then v1's `"<name>": {` entry under `dependencies`.
 */
const npmLock: Locator = (lines, pkg) => {
  const key = new RegExp(`^\\s*"((?:[^"]*/)?node_modules/)?${escape(pkg.name)}"\\s*:\\s*\\{`);
  const entries: NpmEntry[] = [];
  lines.forEach((line, index) => {
    const match = key.exec(line);
    if (!match) return;
    const nesting = match[1]?.split('node_modules/').length ?? 1;
    entries.push({ index, nesting: nesting - 1, version: entryVersion(lines, index) });
  });
  const rank = (entry: NpmEntry): number => (entry.nesting === 0 ? Number.MAX_SAFE_INTEGER : entry.nesting);
  entries.sort((a, b) => rank(a) - rank(b) || a.index - b.index);
  const best = entries.find((entry) => entry.version === pkg.version) ?? entries[0];
  return best === undefined ? undefined : lineOf(best.index);
};

/** `name[extras] == version` on a logical line (continuation lines with `--hash` are skipped). */
const requirements: Locator = (lines, pkg) => {
  const name = new RegExp(`^\\s*${namePattern(pkg)}\\s*(?:\\[[^\\]]*\\])?\\s*(?=[=<>!~;@\\s]|$)`, 'i');
  const pinned = pkg.version === '' ? undefined : new RegExp(`===?\\s*${escape(pkg.version)}(?![\\w.+-])`);
  let named: number | undefined;
  let continued = false;
  for (const [index, raw] of lines.entries()) {
    const isContinuation = continued;
    continued = raw.trimEnd().endsWith('\\');
    const line = raw.replace(/(^|\s)#.*$/, '');
    if (isContinuation || !name.test(line)) continue;
    if (pinned === undefined || pinned.test(line)) return lineOf(index);
    named ??= lineOf(index);
  }
  return named;
};

/** A yarn v1 or berry entry header (`lodash@^4.17.20, "lodash@npm:~4.17.0":`) whose body has the version. */
const yarnLock: Locator = (lines, pkg) => {
  const header = new RegExp(`^(?:"?|.*,\\s*"?)${escape(pkg.name)}@`);
  const version = new RegExp(`^\\s+version:?\\s+"?${escape(pkg.version)}"?\\s*$`);
  let named: number | undefined;
  for (const [index, line] of lines.entries()) {
    if (!header.test(line)) continue;
    named ??= lineOf(index);
    for (let body = index + 1; body < lines.length && /^\s/.test(lines[body] ?? ''); body += 1) {
      if (version.test(lines[body] ?? '')) return lineOf(index);
    }
  }
  return named;
};

/** osv-scanner reports the Go standard library as `stdlib` at go.mod's `toolchain` or `go` version. */
const goDirective: Locator = (lines) => {
  const toolchain = lines.findIndex((line) => /^toolchain\s/.test(line));
  const go = lines.findIndex((line) => /^go\s+\d/.test(line));
  const index = toolchain >= 0 ? toolchain : go;
  return index >= 0 ? lineOf(index) : undefined;
};

/** Lines within which the version may follow the name (TOML `[[package]]`, composer.lock objects). */
const NEAR = 3;

/**
 * Best effort for the other formats: the first line with both name and version, else a line naming the
 * package followed closely by its version, else the first line naming it.
 */
const nameNearVersion: Locator = (lines, pkg) => {
  const name = new RegExp(
    `(?:^|[\\s"'(,[]|^/|\\s/)${namePattern(pkg)}(?=$|[\\s"'@=:(),<>~!;[\\]/])`,
    nameFlags(pkg),
  );
  const version = pkg.version === '' ? undefined : versionRegex(pkg.version);
  let near: number | undefined;
  let named: number | undefined;
  for (const [index, line] of lines.entries()) {
    if (!name.test(line)) continue;
    if (version === undefined) return lineOf(index);
    if (version.test(line.replace(name, ' '))) return lineOf(index);
    named ??= lineOf(index);
    const following = lines.slice(index + 1, index + 1 + NEAR);
    if (near === undefined && following.some((next) => version.test(next) && !name.test(next)))
      near = lineOf(index);
  }
  return near ?? named;
};
