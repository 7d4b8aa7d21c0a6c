import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { cutToLockfileShape } from './npm-yaml-shape.js';

/**
 * YAML access for pnpm-lock.yaml and Berry yarn.lock, walking the parsed syntax tree instead of converting
 * it to objects: keys keep their lines, a `__proto__` key stays a key, and aliases are never expanded (so
 * "billion laughs" costs nothing). The failsafe schema reads every scalar as a string, as both tools mean
 * them: `version: 1.10` is "1.10", not the number 1.1.
 */
export interface YamlEntry {
  readonly key: string;
  readonly line: number;
  readonly value: unknown;
}

export interface YamlFile {
  readonly root: unknown;
  readonly errors: readonly { readonly line: number; readonly message: string }[];
  entries(node: unknown): YamlEntry[];
}

export function parseYaml(text: string): YamlFile {
  const lineCounter = new LineCounter();
  const shaped = cutToLockfileShape(text);
  // The duplicate-key check is quadratic in the size of a mapping (minutes for a 10 MB lockfile); a
  // duplicate entry is harmless here, since components are merged by purl.
  const document = parseDocument(shaped.text, { schema: 'failsafe', lineCounter, uniqueKeys: false });
  const lastLine = lineCount(shaped.text);
  const parsed = document.errors.map((error) => ({
    // yaml places an unclosed flow collection at the end of the input, which can be one past the last line.
    line: Math.min(error.linePos?.[0].line ?? 1, Math.max(lastLine, 1)),
    message: error.message.split('\n')[0] ?? error.message,
  }));
  const errors = shaped.stop ? [...parsed, shaped.stop] : parsed;
  const entries = (node: unknown): YamlEntry[] => {
    if (!isMap(node)) return [];
    return node.items.flatMap((pair) => {
      const key = isScalar(pair.key) ? pair.key : undefined;
      if (typeof key?.value !== 'string') return [];
      const line = lineCounter.linePos(key.range?.[0] ?? 0).line;
      return [{ key: key.value, line, value: pair.value }];
    });
  };
  return { root: document.contents, errors, entries };
}

function lineCount(text: string): number {
  let count = text.endsWith('\n') || text === '' ? 0 : 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

export function yamlIsMap(node: unknown): boolean {
  return isMap(node);
}

export function yamlString(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** The value of `key` in a mapping node. */
export function yamlField(node: unknown, key: string): unknown {
  if (!isMap(node)) return undefined;
  return node.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.value;
}

/** String members of a mapping node, e.g. `dependencies: { ms: 2.0.0 }`. */
export function yamlStrings(node: unknown): [string, string][] {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    const value = yamlString(pair.value);
    return typeof key === 'string' && value !== undefined ? [[key, value]] : [];
  });
}

export function yamlFlag(node: unknown, key: string): boolean {
  return yamlString(yamlField(node, key)) === 'true';
}
