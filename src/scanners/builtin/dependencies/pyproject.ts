import { parseRequirement } from './pep508.js';
import { TomlLocator } from './toml-locate.js';
import { isTable, parseToml, stringsOf, tableAt, type Table } from './toml-values.js';
import {
  LineIndex,
  normalizePypiName,
  PYPI_NAME,
  type Declaration,
  type DependencySource,
  type ManifestParse,
} from './types.js';

export const PYPI_URL = /^https?:\/\/(?:pypi\.org|pypi\.python\.org|files\.pythonhosted\.org)(?:[/:]|$)/i;
/** Keys of a Poetry or uv dependency table that mean "not from a package index". */
const LOCAL_KEYS = ['git', 'path', 'url', 'file', 'workspace'];
/** Sources that leave PyPI the default: https://python-poetry.org/docs/repositories/#package-sources */
const NON_DEFAULT_PRIORITIES = ['supplemental', 'explicit', 'secondary'];

interface Context {
  readonly path: string;
  readonly lines: LineIndex;
  readonly locate: TomlLocator;
}

function declare(context: Context, name: string, offset: number, source: DependencySource): Declaration {
  return {
    ecosystem: 'pypi',
    name,
    registryName: name,
    source,
    path: context.path,
    region: context.lines.region(offset, name.length),
  };
}

/** PEP 508 strings in an array under `key` of `table`, located one after the other. */
function requirementArray(context: Context, table: readonly string[], key: string, value: unknown) {
  const found: Declaration[] = [];
  let cursor = 0;
  for (const text of stringsOf(value)) {
    const requirement = parseRequirement(text);
    if (requirement === undefined) continue;
    const at = context.locate.stringValue(table, key, text, cursor);
    if (at !== undefined) cursor = at + text.length;
    const offset = at === undefined ? context.locate.key(table, key) : at + requirement.offset;
    found.push(declare(context, requirement.name, offset, requirement.source));
  }
  return found;
}

/** PEP 621 `[project]`, PEP 735 `[dependency-groups]`, PDM's dev groups and the build requirements. */
function standardDeclarations(root: Table, context: Context): Declaration[] {
  const found = requirementArray(
    context,
    ['project'],
    'dependencies',
    tableAt(root, ['project'])?.['dependencies'],
  );
  found.push(
    ...requirementArray(context, ['build-system'], 'requires', tableAt(root, ['build-system'])?.['requires']),
  );
  const groups = [
    ['project', 'optional-dependencies'],
    ['dependency-groups'],
    ['tool', 'pdm', 'dev-dependencies'],
  ];
  for (const path of groups) {
    for (const [group, list] of Object.entries(tableAt(root, path) ?? {})) {
      found.push(...requirementArray(context, path, group, list));
    }
  }
  return found;
}

function sourceOfTable(spec: unknown): DependencySource {
  const tables = (Array.isArray(spec) ? spec : [spec]).filter(isTable);
  if (tables.some((table) => LOCAL_KEYS.some((key) => key in table))) return 'local';
  const index = tables.map((table) => table['source'] ?? table['index']).find((value) => value !== undefined);
  return index === undefined || index === 'pypi' ? 'registry' : 'private-index';
}

function isPrivateDefault(source: unknown): boolean {
  if (!isTable(source)) return false;
  const url = source['url'];
  if (typeof url === 'string' && PYPI_URL.test(url)) return false;
  if (source['default'] === true) return true;
  const priority = source['priority'];
  if (typeof priority === 'string') return !NON_DEFAULT_PRIORITIES.includes(priority);
  return source['secondary'] !== true;
}

/** `[tool.poetry.dependencies]`, the legacy dev table and every `[tool.poetry.group.<g>.dependencies]`. */
function poetryDeclarations(root: Table, context: Context): Declaration[] {
  const sources = tableAt(root, ['tool', 'poetry'])?.['source'];
  const privateDefault = Array.isArray(sources) && sources.some(isPrivateDefault);
  const tables = [
    ['tool', 'poetry', 'dependencies'],
    ['tool', 'poetry', 'dev-dependencies'],
  ];
  for (const group of Object.keys(tableAt(root, ['tool', 'poetry', 'group']) ?? {})) {
    tables.push(['tool', 'poetry', 'group', group, 'dependencies']);
  }
  return tables.flatMap((path) =>
    Object.entries(tableAt(root, path) ?? {})
      .filter(([name]) => name.toLowerCase() !== 'python' && PYPI_NAME.test(name))
      .map(([name, spec]) => {
        const source = typeof spec === 'string' ? 'registry' : sourceOfTable(spec);
        const offset = context.locate.key(path, name);
        return declare(
          context,
          name,
          offset,
          source === 'registry' && privateDefault ? 'private-index' : source,
        );
      }),
  );
}

/** uv's per-package sources and a default index other than PyPI override where packages come from. */
function applyUvSources(root: Table, declarations: Declaration[]): Declaration[] {
  const sources = new Map(
    Object.entries(tableAt(root, ['tool', 'uv', 'sources']) ?? {}).map(([name, spec]) => [
      normalizePypiName(name),
      sourceOfTable(spec),
    ]),
  );
  const indexes = tableAt(root, ['tool', 'uv'])?.['index'];
  const privateDefault =
    Array.isArray(indexes) &&
    indexes.some((index) => isTable(index) && index['default'] === true && isPrivateDefault(index));
  return declarations.map((declaration) => {
    if (declaration.source !== 'registry') return declaration;
    const override = sources.get(normalizePypiName(declaration.name));
    const source = override ?? (privateDefault ? 'private-index' : 'registry');
    return source === 'registry' ? declaration : { ...declaration, source };
  });
}

/** The dependencies a pyproject.toml declares, in the PEP 621, PEP 735, Poetry, PDM and uv layouts. */
export function parsePyproject(path: string, text: string): ManifestParse {
  const parsed = parseToml(path, text);
  if (parsed.kind === 'note') return { declarations: [], notes: [parsed.note] };
  const context: Context = { path, lines: new LineIndex(text), locate: new TomlLocator(text) };
  const standard = applyUvSources(parsed.root, standardDeclarations(parsed.root, context));
  return { declarations: [...standard, ...poetryDeclarations(parsed.root, context)], notes: [] };
}
