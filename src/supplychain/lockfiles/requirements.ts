/**
 * pip requirements files (https://pip.pypa.io/en/stable/reference/requirements-file-format/).
 *
 * Only `==` / `===` pins of index packages become components: a requirements file is a lockfile only as
 * far as it pins, so a range (`name>=1`) is reported as "not pinned" at its line. Direct references
 * (`-e`, `name @ url`, bare URLs, VCS links and local paths) are valid pip syntax but name no registry
 * release, so they are skipped without a problem. `-c` constraint files are not read: they only restrict
 * versions and never add a package to what gets installed.
 */
import { posix } from 'node:path';
import { PackageURL } from 'packageurl-js';
import type { Component, ComponentHash, LockfileParser, LockfileProblem, Scope } from '../component.js';

/** PEP 503 normalisation, which is also what the purl spec asks of `pkg:pypi` names. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Undefined when packageurl-js rejects the parts: callers turn that into a problem instead of throwing. */
export function pypiPurl(
  name: string,
  version: string,
  qualifiers?: Record<string, string>,
): string | undefined {
  try {
    return new PackageURL('pypi', undefined, normalizePypiName(name), version, qualifiers).toString();
  } catch {
    return undefined;
  }
}

const DIGESTS = new Map<string, { alg: ComponentHash['alg']; hexLength: number }>([
  ['sha256', { alg: 'SHA-256', hexLength: 64 }],
  ['sha384', { alg: 'SHA-384', hexLength: 96 }],
  ['sha512', { alg: 'SHA-512', hexLength: 128 }],
  ['md5', { alg: 'MD5', hexLength: 32 }],
]);

/** `sha256:<hex>` as pip, Poetry, Pipenv and uv write it; the other algorithms pip accepts are kept too. */
export function pythonHash(spec: string): ComponentHash | undefined {
  const colon = spec.indexOf(':');
  const [name, hex] = [spec.slice(0, Math.max(colon, 0)).trim(), spec.slice(colon + 1).trim()];
  const digest = DIGESTS.get(name.toLowerCase());
  if (!digest || hex.length !== digest.hexLength || !/^[0-9a-f]+$/i.test(hex)) return undefined;
  return { alg: digest.alg, content: hex.toLowerCase() };
}

/** The file name is the only place a requirements file says which environment its pins are for. */
const DEV_WORDS = /(^|[-_.])(dev|develop|development|test|tests|testing|lint|docs?)([-_.]|$)/i;

function scopeOf(path: string): Scope {
  return DEV_WORDS.test(posix.basename(path).replace(/\.txt$/i, '')) ? 'dev' : 'required';
}

/** Joins `\` continuations (pip does this before anything else) and keeps comment-only lines for `# via`. */
function logicalLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let start = 0;
  let buffer: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    if (buffer === undefined) start = index + 1;
    const joined = (buffer ?? '') + raw;
    if (joined.endsWith('\\') && !/^\s*#/.test(joined)) {
      buffer = joined.slice(0, -1) + ' ';
      return;
    }
    buffer = undefined;
    out.push({ line: start, text: joined });
  });
  if (buffer !== undefined) out.push({ line: start, text: buffer });
  return out;
}

interface Context {
  readonly components: Component[];
  readonly direct: string[];
  readonly problems: LockfileProblem[];
  readonly visited: Set<string>;
  /** purls already listed: a package pinned in two included files is listed once, where first seen. */
  readonly seen: Set<string>;
  readonly readSibling: (path: string) => string | undefined;
}

/** pip-compile's `# via` annotation: an entry is direct when an input file (`-r x.in`) or the project (`name (pyproject.toml)`) asked for it. */
interface Pending {
  purl: string;
  via: string[] | undefined;
  collecting: boolean;
}

function readVia(pending: Pending | undefined, comment: string): void {
  if (!pending) return;
  const via = /^#\s*via\b\s*(.*)$/.exec(comment);
  if (via) {
    pending.via = via[1] ? [via[1].trim()] : [];
    pending.collecting = !via[1];
  } else if (pending.collecting && /^#\s{2,}\S/.test(comment)) {
    pending.via?.push(comment.replace(/^#\s*/, ''));
  } else {
    pending.collecting = false;
  }
}

function settle(ctx: Context, pending: Pending | undefined): void {
  if (!pending) return;
  const fromProject = (item: string): boolean => /^-r\s/.test(item) || /\(.+\)$/.test(item);
  if (pending.via === undefined || pending.via.some(fromProject)) ctx.direct.push(pending.purl);
}

function parseFile(ctx: Context, path: string, text: string): void {
  ctx.visited.add(path);
  let pending: Pending | undefined;
  for (const { line, text: raw } of logicalLines(text)) {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#')) {
      readVia(pending, trimmed);
      continue;
    }
    const content = trimmed.replace(/(^|\s)#.*$/, '').trim();
    if (!content) continue;
    settle(ctx, pending);
    pending = undefined;
    if (content.startsWith('-')) {
      option(ctx, { path, line, content });
      continue;
    }
    const purl = requirement(ctx, { path, line, content });
    if (purl) pending = { purl, via: undefined, collecting: false };
    // `pip-compile --annotation-style=line` puts the annotation on the requirement's own line.
    const inline = /\s(#\s*via\b.*)$/.exec(trimmed)?.[1];
    if (inline) readVia(pending, inline);
  }
  settle(ctx, pending);
}

interface At {
  readonly path: string;
  readonly line: number;
  readonly content: string;
}

function option(ctx: Context, at: At): void {
  const include = /^(?:-r|--requirement)(?:\s*=\s*|\s+|(?=[^\s-]))(\S+)$/.exec(at.content);
  if (include?.[1]) followInclude(ctx, at, include[1]);
  // Every other option (-c, -e, -i, --hash on its own line, --find-links, ...) adds no pinned package.
}

function followInclude(ctx: Context, at: At, target: string): void {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    ctx.problems.push({ path: at.path, line: at.line, message: `remote include ${target} is not followed` });
    return;
  }
  const resolved = posix.normalize(posix.join(posix.dirname(at.path), target));
  if (resolved.startsWith('../') || posix.isAbsolute(resolved)) {
    ctx.problems.push({
      path: at.path,
      line: at.line,
      message: `include ${target} points outside the repository`,
    });
    return;
  }
  if (ctx.visited.has(resolved)) return;
  const included = ctx.readSibling(resolved);
  if (included === undefined) {
    ctx.problems.push({
      path: at.path,
      line: at.line,
      message: `included file ${resolved} could not be read`,
    });
    return;
  }
  parseFile(ctx, resolved, included);
}

const DIRECT_REFERENCE = /^(\.{0,2}\/|[a-z][a-z0-9+.-]*:\/\/|[a-z]+\+)|\.(whl|zip|tar\.gz|tgz|tar\.bz2)$/i;

/** Returns the purl of the component it added, so a following `# via` comment can be attached to it. */
function requirement(ctx: Context, at: At): string | undefined {
  const [spec = '', ...options] = at.content.split(/\s+(?=--)/);
  const [withoutMarker = ''] = spec.split(';');
  if (DIRECT_REFERENCE.test(withoutMarker.trim())) return undefined;
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(.*)$/.exec(
    withoutMarker.trim(),
  );
  if (!match?.[1]) {
    ctx.problems.push({
      path: at.path,
      line: at.line,
      message: `not a requirement: ${at.content.slice(0, 80)}`,
    });
    return undefined;
  }
  const [, name, rest = ''] = match;
  if (rest.startsWith('@')) return undefined;
  const pin = /^===?\s*([^\s,*]+)$/.exec(rest.trim());
  if (!pin?.[1]) {
    const message = `${name} is not pinned (${rest.trim() || 'no version'}): only == pins become SBOM components`;
    ctx.problems.push({ path: at.path, line: at.line, message });
    return undefined;
  }
  return addComponent(ctx, at, { name, version: pin[1], options });
}

function addComponent(
  ctx: Context,
  at: At,
  req: { name: string; version: string; options: string[] },
): string | undefined {
  const purl = pypiPurl(req.name, req.version);
  if (!purl) {
    ctx.problems.push({
      path: at.path,
      line: at.line,
      message: `${req.name}==${req.version} cannot be expressed as a purl`,
    });
    return undefined;
  }
  if (ctx.seen.has(purl)) return purl;
  ctx.seen.add(purl);
  const hashes = req.options
    .map((o) => /^--hash(?:\s*=\s*|\s+)(\S+)$/.exec(o.trim())?.[1])
    .map((h) => (h ? pythonHash(h) : undefined))
    .filter((h): h is ComponentHash => h !== undefined);
  ctx.components.push({
    ecosystem: 'pypi',
    name: req.name,
    version: req.version,
    purl,
    scope: scopeOf(at.path),
    hashes,
    dependsOn: [],
    source: { path: at.path, line: at.line },
  });
  return purl;
}

export const requirementsLockfile: LockfileParser = {
  id: 'requirements',
  matches(path) {
    const base = posix.basename(path).toLowerCase();
    const dir = posix.basename(posix.dirname(path)).toLowerCase();
    return (
      /^([\w.-]*[-_.])?requirements([-_.][\w.-]*)?\.txt$/.test(base) ||
      (dir === 'requirements' && base.endsWith('.txt'))
    );
  },
  parse(path, text, readSibling) {
    const ctx: Context = {
      components: [],
      direct: [],
      problems: [],
      visited: new Set(),
      seen: new Set(),
      readSibling,
    };
    try {
      parseFile(ctx, path, text);
    } catch (error: unknown) {
      ctx.problems.push({ path, message: `requirements file could not be parsed: ${String(error)}` });
    }
    return { components: ctx.components, direct: [...new Set(ctx.direct)], problems: ctx.problems };
  },
};
