import { isAlias, isMap, isScalar, isSeq, LineCounter, type Document, type Scalar } from 'yaml';

/**
 * Read-only navigation of parsed YAML for checks: every helper takes `unknown`, follows aliases and answers
 * "nothing" for a node of the wrong kind, so hostile or odd documents never throw.
 */
export function resolve(node: unknown, document: Document.Parsed): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

export interface Entry {
  readonly key: string;
  readonly keyNode: Scalar;
  readonly value: unknown;
}

/** The string-keyed entries of a mapping, values resolved; empty for anything that is not a mapping. */
export function entriesOf(node: unknown, document: Document.Parsed): Entry[] {
  const map = resolve(node, document);
  if (!isMap(map)) return [];
  return map.items.flatMap((pair) =>
    isScalar(pair.key) && typeof pair.key.value === 'string'
      ? [{ key: pair.key.value, keyNode: pair.key, value: resolve(pair.value, document) }]
      : [],
  );
}

export function entryOf(node: unknown, key: string, document: Document.Parsed): Entry | undefined {
  return entriesOf(node, document).find((entry) => entry.key === key);
}

/** The value under `key` in a mapping, following aliases. */
export function valueOf(node: unknown, key: string, document: Document.Parsed): unknown {
  return entryOf(node, key, document)?.value;
}

export function itemsOf(node: unknown, document: Document.Parsed): unknown[] {
  const seq = resolve(node, document);
  return isSeq(seq) ? seq.items.map((item) => resolve(item, document)) : [];
}

export function stringScalar(node: unknown): Scalar<string> | undefined {
  return isScalar(node) && typeof node.value === 'string' ? (node as Scalar<string>) : undefined;
}

export function stringOf(node: unknown): string | undefined {
  return stringScalar(node)?.value;
}

/** Line starts of any text, so non-YAML checks report positions exactly as `scalarRegion` does. */
export function lineCounterOf(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
  return lines;
}
