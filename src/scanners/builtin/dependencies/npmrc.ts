import type { ScanNote } from '../../scanner.js';

export interface ScopeRegistries {
  /** `@scope` → registry base URL, from `@scope:registry=<url>` lines. */
  readonly registries: ReadonlyMap<string, string>;
  readonly notes: readonly ScanNote[];
}

const SCOPE_REGISTRY = /^\s*(@[a-z0-9][\w.~-]*)\s*:\s*registry\s*=\s*(.+?)\s*$/i;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The URL a repository may make Vouch send requests to. The repository under test is hostile input: a
 * plain-HTTP URL could point the gate at a cloud metadata service or an internal host, so only HTTPS is
 * accepted, and plain HTTP on the loopback interface (a local registry proxy).
 */
function acceptableRegistry(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.replace(/^["']|["']$/g, ''));
  } catch {
    return undefined;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure || url.username !== '' || url.password !== '') return undefined;
  return url.href;
}

/**
 * The per-scope registries of a repository's `.npmrc` (https://docs.npmjs.com/cli/configuring-npm/npmrc).
 * Only `@scope:registry=` lines are read: never credentials, and never `${VAR}` expansion.
 */
export function parseNpmrc(path: string, text: string): ScopeRegistries {
  const registries = new Map<string, string>();
  const notes: ScanNote[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = SCOPE_REGISTRY.exec(line);
    if (match?.[1] === undefined || match[2] === undefined) continue;
    const scope = match[1].toLowerCase();
    const url = match[2].includes('${') ? undefined : acceptableRegistry(match[2]);
    if (url === undefined) {
      notes.push({
        path,
        message: `${path}: the registry of ${scope} is not an https URL without credentials, so packages of ${scope} were not looked up`,
      });
      registries.set(scope, '');
    } else registries.set(scope, url);
  }
  return { registries, notes };
}
