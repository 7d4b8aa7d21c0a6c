import { PYPI_URL } from './pyproject.js';
import { TomlLocator } from './toml-locate.js';
import { isTable, parseToml, type Table } from './toml-values.js';
import {
  LineIndex,
  PYPI_NAME,
  type Declaration,
  type DependencySource,
  type ManifestParse,
} from './types.js';

/** Pipfile tables that are not package categories (https://pipenv.pypa.io/en/latest/pipfile.html). */
const NOT_CATEGORIES = new Set(['source', 'requires', 'scripts', 'pipenv']);
const LOCAL_KEYS = ['git', 'path', 'file', 'hg', 'svn', 'bzr'];

interface Sources {
  /** Names of the `[[source]]` entries that point at PyPI. */
  readonly pypi: ReadonlySet<string>;
  /** Pipenv installs from the first source unless a package names another one. */
  readonly defaultIsPypi: boolean;
}

function sourcesOf(root: Table): Sources {
  const entries = Array.isArray(root['source']) ? root['source'].filter(isTable) : [];
  const isPypi = (entry: Table) => typeof entry['url'] === 'string' && PYPI_URL.test(entry['url']);
  const pypi = new Set(
    entries.filter(isPypi).flatMap((entry) => (typeof entry['name'] === 'string' ? [entry['name']] : [])),
  );
  const first = entries[0];
  return { pypi, defaultIsPypi: first === undefined || isPypi(first) };
}

function sourceOf(spec: unknown, sources: Sources): DependencySource {
  if (isTable(spec) && LOCAL_KEYS.some((key) => key in spec)) return 'local';
  const index = isTable(spec) ? spec['index'] : undefined;
  if (typeof index === 'string') return sources.pypi.has(index) ? 'registry' : 'private-index';
  return sources.defaultIsPypi ? 'registry' : 'private-index';
}

/** The packages of every category of a Pipfile (`[packages]`, `[dev-packages]` and custom ones). */
export function parsePipfile(path: string, text: string): ManifestParse {
  const parsed = parseToml(path, text);
  if (parsed.kind === 'note') return { declarations: [], notes: [parsed.note] };
  const lines = new LineIndex(text);
  const locate = new TomlLocator(text);
  const sources = sourcesOf(parsed.root);
  const declarations: Declaration[] = [];
  for (const [category, packages] of Object.entries(parsed.root)) {
    if (NOT_CATEGORIES.has(category) || !isTable(packages)) continue;
    for (const [name, spec] of Object.entries(packages)) {
      if (!PYPI_NAME.test(name)) continue;
      declarations.push({
        ecosystem: 'pypi',
        name,
        registryName: name,
        source: sourceOf(spec, sources),
        path,
        region: lines.region(locate.key([category], name), name.length),
      });
    }
  }
  return { declarations, notes: [] };
}
