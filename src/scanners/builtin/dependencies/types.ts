import type { Region } from '../../../findings/finding.js';
import type { ScanNote } from '../../scanner.js';

export type Ecosystem = 'npm' | 'pypi';

/**
 * Where a declared package comes from. Only `registry` packages are looked up on the public registry
 * (or a scope's registry); `local` covers paths, workspaces, VCS and URL specifiers, `private-index`
 * packages installed from an index other than the one Vouch checks.
 */
export type DependencySource = 'registry' | 'local' | 'private-index';

/** One dependency as a manifest declares it. */
export interface Declaration {
  readonly ecosystem: Ecosystem;
  /** The name as written (npm: the key, which is also what code imports; PyPI: the distribution name). */
  readonly name: string;
  /** The package fetched from the registry: differs from `name` for npm aliases (`"x": "npm:y@1"`). */
  readonly registryName: string;
  readonly source: DependencySource;
  readonly path: string;
  /** Covers the name as written in the manifest. */
  readonly region: Region;
}

export interface ManifestParse {
  readonly declarations: readonly Declaration[];
  readonly notes: readonly ScanNote[];
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Maps offsets of one text to 1-based lines and columns (UTF-16 code units, SARIF's default). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      this.starts.push(index + 1);
    }
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }

  /** The region of `length` characters starting at `offset`, on one line. */
  region(offset: number, length: number): Region {
    const { line, column } = this.position(offset);
    return { startLine: line, startColumn: column, endLine: line, endColumn: column + length };
  }
}

/** PEP 503 normalization: PyPI treats `Foo.Bar`, `foo_bar` and `foo-bar` as one project. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** PEP 508 names: letters, digits and `-_.`, starting and ending with a letter or digit. */
export const PYPI_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** npm names, including legacy ones with capitals (e.g. `JSONStream`); at most 214 characters. */
const NPM_NAME = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9~][\w.~-]*$/i;

export function isNpmName(name: string): boolean {
  return name.length <= 214 && NPM_NAME.test(name);
}

export function note(path: string, message: string): ScanNote {
  return { path, message };
}
