import { parse, TomlError } from 'smol-toml';
import type { ScanNote } from '../../scanner.js';

export type Table = Readonly<Record<string, unknown>>;

export function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The table at a dotted path, or undefined when any step is missing or not a table. */
export function tableAt(root: Table, path: readonly string[]): Table | undefined {
  let current: unknown = root;
  for (const step of path) {
    if (!isTable(current)) return undefined;
    current = current[step];
  }
  return isTable(current) ? current : undefined;
}

export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export type TomlParse =
  { readonly kind: 'parsed'; readonly root: Table } | { readonly kind: 'note'; readonly note: ScanNote };

/** Parses a TOML manifest; a file that does not parse becomes a note naming the line, never a crash. */
export function parseToml(path: string, text: string): TomlParse {
  try {
    return { kind: 'parsed', root: parse(text) };
  } catch (thrown: unknown) {
    const where = thrown instanceof TomlError ? ` (line ${thrown.line}, column ${thrown.column})` : '';
    return { kind: 'note', note: { path, message: `${path} was not checked: it is not valid TOML${where}` } };
  }
}
