import { isMap, isScalar, parseDocument, type Pair } from 'yaml';
import {
  isNpmName,
  LineIndex,
  note,
  type Declaration,
  type DependencySource,
  type ManifestParse,
} from './types.js';

const SECTIONS: ReadonlySet<string> = new Set([
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
]);

/** Specifiers that do not name a registry version: local paths, workspaces, VCS, tarball URLs. */
const LOCAL_PROTOCOL =
  /^(?:file|link|workspace|portal|patch|exec|jsr|git|git\+[a-z]+|github|gitlab|bitbucket|gist|https?):/i;
const LOCAL_PATH = /^(?:\.{1,2}(?:\/|$)|~\/|\/)|\.(?:tgz|tar\.gz|tar)$/i;
/** GitHub shorthand, `owner/repo` or `owner/repo#ref`: version ranges never contain a slash. */
const GITHUB_SHORTHAND = /^[^@\s/][^\s/]*\/[^\s]+$/;

export interface PackageJsonParse extends ManifestParse {
  /** The package's own `name`, which makes it a workspace-local name for the rest of the repository. */
  readonly packageName?: string;
}

interface SpecSource {
  readonly source: DependencySource;
  readonly registryName?: string;
}

/** What a dependency's specifier says about where the package comes from. */
export function sourceOfSpec(spec: string): SpecSource {
  const trimmed = spec.trim();
  if (trimmed.toLowerCase().startsWith('npm:')) {
    const aliased = trimmed.slice(4);
    const at = aliased.indexOf('@', 1);
    return { source: 'registry', registryName: at === -1 ? aliased : aliased.slice(0, at) };
  }
  if (LOCAL_PROTOCOL.test(trimmed) || LOCAL_PATH.test(trimmed) || GITHUB_SHORTHAND.test(trimmed)) {
    return { source: 'local' };
  }
  return { source: 'registry' };
}

function keyText(pair: Pair): { name: string; offset: number; length: number } | undefined {
  const key = pair.key;
  if (!isScalar(key) || typeof key.value !== 'string' || !key.range) return undefined;
  const quoted = key.type === 'QUOTE_DOUBLE' || key.type === 'QUOTE_SINGLE';
  const offset = key.range[0] + (quoted ? 1 : 0);
  return { name: key.value, offset, length: Math.max(1, key.range[1] - offset - (quoted ? 1 : 0)) };
}

function declaration(path: string, pair: Pair, lines: LineIndex): Declaration | undefined {
  const key = keyText(pair);
  const spec = isScalar(pair.value) ? pair.value.value : undefined;
  if (key === undefined || typeof spec !== 'string' || !isNpmName(key.name)) return undefined;
  const { source, registryName = key.name } = sourceOfSpec(spec);
  const usable = source !== 'registry' || isNpmName(registryName);
  return {
    ecosystem: 'npm',
    name: key.name,
    registryName,
    source: usable ? source : 'local',
    path,
    region: lines.region(key.offset, key.length),
  };
}

function validJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The dependencies a package.json declares, each located at its name. JSON is also YAML, and the YAML
 * parser keeps source ranges, which JSON.parse does not; JSON.parse only decides validity.
 */
export function parsePackageJson(path: string, text: string): PackageJsonParse {
  const document = validJson(text) ? parseDocument(text, { uniqueKeys: false }) : undefined;
  if (document === undefined || document.errors.length > 0 || !isMap(document.contents)) {
    return { declarations: [], notes: [note(path, `${path} was not checked: it is not a JSON object`)] };
  }
  const lines = new LineIndex(text);
  const declarations: Declaration[] = [];
  let packageName: string | undefined;
  for (const top of document.contents.items) {
    const section = isScalar(top.key) ? top.key.value : undefined;
    if (section === 'name' && isScalar(top.value) && typeof top.value.value === 'string') {
      packageName = top.value.value;
    }
    if (typeof section !== 'string' || !SECTIONS.has(section) || !isMap(top.value)) continue;
    for (const pair of top.value.items) {
      const found = declaration(path, pair, lines);
      if (found !== undefined) declarations.push(found);
    }
  }
  return { declarations, notes: [], ...(packageName === undefined ? {} : { packageName }) };
}
