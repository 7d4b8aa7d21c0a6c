import { posix } from 'node:path';
import type { Location, Region } from '../../findings/finding.js';
import { toRepoPath } from '../../findings/repo-path.js';
import type { ArtifactRef, ImportedLocation, ImportedRegion, ImportedRun } from './model.js';

export type Placement =
  | { readonly kind: 'repo'; readonly location: Location }
  /** Points outside the repository, or at something that is not a local file (an http URI, a UNC host). */
  | { readonly kind: 'outside' }
  /** No physical location, or one that names no file (the repository root itself, an unreadable URI). */
  | { readonly kind: 'none' };

type Target =
  | { readonly kind: 'absolute'; readonly path: string }
  | { readonly kind: 'relative'; readonly path: string }
  | { readonly kind: 'foreign' }
  | { readonly kind: 'invalid' };

/** `originalUriBaseIds` may refer to each other; a deeper chain than this is treated as a cycle. */
const MAX_BASE_DEPTH = 8;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const WINDOWS_DRIVE = /^[A-Za-z]:\//;

/** Percent-decodes a URI path; undefined for a malformed escape or a NUL, which no file name holds. */
function decodePath(encoded: string): string | undefined {
  try {
    const decoded = decodeURIComponent(encoded).replaceAll('\\', '/');
    return decoded.includes('\0') ? undefined : decoded;
  } catch {
    return undefined;
  }
}

function fileUriPath(uri: string): Target {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { kind: 'invalid' };
  }
  // `file://server/share/…` is another machine's file, never one in this checkout.
  if (url.host !== '' && url.host !== 'localhost') return { kind: 'foreign' };
  const path = decodePath(url.pathname);
  return path === undefined ? { kind: 'invalid' } : { kind: 'absolute', path: posix.normalize(path) };
}

function resolveUri(run: ImportedRun, ref: ArtifactRef, depth: number): Target {
  const uri = ref.uri;
  if (uri === undefined || depth > MAX_BASE_DEPTH) return { kind: 'invalid' };
  const backslashed = uri.replaceAll('\\', '/');
  if (WINDOWS_DRIVE.test(backslashed)) return decodedTarget(`/${backslashed}`);
  if (SCHEME.test(uri)) return /^file:/i.test(uri) ? fileUriPath(uri) : { kind: 'foreign' };
  // A query or fragment is not part of a file's path (a literal `?` or `#` in a name is percent-encoded).
  const path = decodePath(uri.replace(/[?#].*$/s, ''));
  if (path === undefined) return { kind: 'invalid' };
  if (path.startsWith('/')) return { kind: 'absolute', path: posix.normalize(path) };
  const base = ref.uriBaseId === undefined ? undefined : run.originalUriBaseIds.get(ref.uriBaseId);
  // An unknown base id (CodeQL's %SRCROOT% often comes without a definition) is the checkout itself,
  // which is how GitHub code scanning reads it too.
  if (base?.uri === undefined) return { kind: 'relative', path };
  const resolvedBase = resolveUri(run, base, depth + 1);
  if (resolvedBase.kind === 'absolute')
    return { kind: 'absolute', path: posix.join(resolvedBase.path, path) };
  if (resolvedBase.kind === 'relative')
    return { kind: 'relative', path: posix.join(resolvedBase.path, path) };
  return resolvedBase;
}

function decodedTarget(path: string): Target {
  const decoded = decodePath(path);
  return decoded === undefined ? { kind: 'invalid' } : { kind: 'absolute', path: posix.normalize(decoded) };
}

/**
 * Absolute directories the producer declared in `originalUriBaseIds`, shortest first: the checkout on
 * the machine that wrote the SARIF, which may not be where Vouch runs (another runner, a container).
 * Only bases given as absolute URIs count; one defined relative to another is a part of it, or a way out.
 */
export function foreignRoots(run: ImportedRun): string[] {
  const roots = new Set<string>();
  for (const base of run.originalUriBaseIds.values()) {
    if (base.uriBaseId !== undefined) continue;
    const target = resolveUri(run, base, 0);
    if (target.kind === 'absolute' && target.path !== '/') roots.add(target.path);
  }
  return [...roots].sort((a, b) => a.length - b.length);
}

function inside(base: string, path: string): string | undefined {
  const relative = posix.relative(base, path);
  if (relative === '' || relative === '..' || relative.startsWith('../') || posix.isAbsolute(relative)) {
    return relative === '' ? '' : undefined;
  }
  return relative;
}

/** A repository path for an absolute one: under our root, else under the producer's declared roots. */
function repoPathOf(root: string, roots: readonly string[], path: string): string | undefined {
  const ours = inside(posix.normalize(root.replaceAll('\\', '/')), path);
  if (ours !== undefined) return ours;
  for (const foreign of roots) {
    const theirs = inside(foreign, path);
    if (theirs !== undefined) return theirs;
  }
  return undefined;
}

function positive(value: number | undefined): value is number {
  return value !== undefined && value >= 1;
}

function toRegion(region: ImportedRegion | undefined): Region | undefined {
  if (!region || !positive(region.startLine)) return undefined;
  const { startLine, startColumn, endLine, endColumn } = region;
  return {
    startLine,
    ...(positive(startColumn) ? { startColumn } : {}),
    ...(positive(endLine) && endLine >= startLine ? { endLine } : {}),
    ...(positive(endColumn) ? { endColumn } : {}),
  };
}

/** The artifact a location names, following `artifactLocation.index` into `run.artifacts`. */
function artifactOf(run: ImportedRun, ref: ArtifactRef): ArtifactRef {
  if (ref.uri !== undefined || ref.index === undefined) return ref;
  const listed = run.artifacts[ref.index];
  return listed ? { uri: listed.uri, uriBaseId: ref.uriBaseId ?? listed.uriBaseId } : ref;
}

export interface Placer {
  place(locations: readonly ImportedLocation[]): Placement;
}

/** Places results of one run in the repository at `root` (absolute). */
export function createPlacer(root: string, run: ImportedRun): Placer {
  const roots = foreignRoots(run);
  return {
    place(locations) {
      // The first location is the primary one (SARIF §3.27.12); the others are not where to fix it.
      const primary = locations[0];
      if (!primary) return { kind: 'none' };
      const target = resolveUri(run, artifactOf(run, primary.artifact), 0);
      if (target.kind === 'invalid') return { kind: 'none' };
      if (target.kind === 'foreign') return { kind: 'outside' };
      const path =
        target.kind === 'absolute' ? repoPathOf(root, roots, target.path) : toRepoPath(root, target.path);
      if (path === undefined) return { kind: 'outside' };
      if (path === '') return { kind: 'none' };
      const region = toRegion(primary.region);
      return { kind: 'repo', location: { path, ...(region ? { region } : {}) } };
    },
  };
}
