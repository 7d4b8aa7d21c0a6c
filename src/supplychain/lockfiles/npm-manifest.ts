import { posix } from 'node:path';
import type { Scope } from '../component.js';
import type { Collector } from './npm-collect.js';
import {
  type JsonObject,
  type JsonValue,
  jsonObject,
  jsonString,
  parseJson,
  stringEntries,
} from './npm-json.js';

export interface ManifestDependency {
  readonly name: string;
  readonly range: string;
  readonly kind: Scope;
}

export interface Manifest {
  readonly dependencies: readonly ManifestDependency[];
  /** `workspaces` patterns, from the array form or the `{ packages: [...] }` form. */
  readonly workspaces: readonly string[];
}

/**
 * A file beside the lockfile, as a repository-relative path (`dirname('yarn.lock')` is `.`). Undefined when
 * the segments, which come from the lockfile or package.json, would lead out of the repository.
 */
export function besideLockfile(lockfilePath: string, ...segments: string[]): string | undefined {
  const path = posix.join(posix.dirname(lockfilePath), ...segments);
  return path === '..' || path.startsWith('../') || posix.isAbsolute(path) ? undefined : path;
}

/**
 * The package.json at `path`, for lockfiles that do not say which dependencies are dev or direct (yarn,
 * npm v1). Undefined when absent or unreadable; unreadable is reported, absent is the caller's call.
 */
export function readManifest(
  path: string | undefined,
  readSibling: (path: string) => string | undefined,
  collector: Collector,
): Manifest | undefined {
  const text = path === undefined ? undefined : readSibling(path);
  if (path === undefined || text === undefined) return undefined;
  const parsed = parseJson(text);
  const root = jsonObject(parsed.value);
  if (parsed.error || !root) {
    const reason = parsed.error?.message ?? 'not a JSON object';
    collector.problem(
      `${path} could not be read (${reason}), so dependency scopes are unknown`,
      parsed.error?.line,
      path,
    );
    return undefined;
  }
  return { dependencies: manifestDependencies(root), workspaces: workspacePatterns(root.get('workspaces')) };
}

/** optionalDependencies take precedence over a dependencies entry of the same name, as npm and yarn do. */
function manifestDependencies(manifest: JsonObject): ManifestDependency[] {
  const optional = stringEntries(manifest.get('optionalDependencies'));
  const optionalNames = new Set(optional.map(([name]) => name));
  const required = stringEntries(manifest.get('dependencies')).filter(([name]) => !optionalNames.has(name));
  const dev = stringEntries(manifest.get('devDependencies'));
  return [
    ...required.map(([name, range]) => ({ name, range, kind: 'required' as const })),
    ...optional.map(([name, range]) => ({ name, range, kind: 'optional' as const })),
    ...dev.map(([name, range]) => ({ name, range, kind: 'dev' as const })),
  ];
}

function workspacePatterns(value: JsonValue | undefined): string[] {
  const list = Array.isArray(value) ? value : jsonObject(value)?.get('packages');
  return Array.isArray(list) ? list.flatMap((item) => jsonString(item) ?? []) : [];
}
