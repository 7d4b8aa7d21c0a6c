import type { Scalar } from 'yaml';
import meta from '../../../data/checks/workflow-injection.json' with { type: 'json' };
import { dataStrings } from './check-data.js';

// `${{ }}` expressions in workflow text, and which of them expand values outside contributors control
// (the list is workflow-injection's data: one list for every check that asks).

const UNTRUSTED: readonly string[][] = dataStrings(meta, 'untrusted-contexts').map((path) =>
  path.toLowerCase().split('.'),
);
const CONTEXT_PATH = /(?<![\w.-])github(?:\.(?:[a-z_][\w-]*|\*))*/g;

/** Context names are case-insensitive; `a['b']` is `a.b`, `a[0]` is `a.*`; string literals are not names. */
function normalize(expression: string): string {
  return expression
    .toLowerCase()
    .replace(/\[\s*'([^']*)'\s*\]/g, '.$1')
    .replace(/\[\s*(?:\d+|\*)\s*\]/g, '.*')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/\s*\.\s*/g, '.');
}

/** A path names an untrusted value, or an object holding one (`toJSON(github.event)`). */
function untrustedPattern(path: readonly string[]): readonly string[] | undefined {
  return UNTRUSTED.find(
    (pattern) =>
      path.length <= pattern.length &&
      path.every((segment, at) => segment === '*' || pattern[at] === '*' || segment === pattern[at]),
  );
}

/** How a message names each untrusted value an expression expands. */
export function untrustedValues(expression: string): string[] {
  const named = new Set<string>();
  for (const match of normalize(expression).matchAll(CONTEXT_PATH)) {
    const path = match[0].split('.');
    const pattern = untrustedPattern(path);
    if (pattern === undefined) continue;
    named.add(
      path.length === pattern.length
        ? `\`${match[0]}\``
        : `\`${match[0]}\` (which holds \`${pattern.join('.')}\`)`,
    );
  }
  return [...named];
}

export interface Expression {
  /** Offsets in the file's text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The `${{ … }}` expressions as written in the scalar's source, so positions are exact in block scalars too. */
export function expressionsIn(text: string, scalar: Scalar): Expression[] {
  if (!scalar.range) return [];
  const [from, to] = scalar.range;
  const source = text.slice(from, to);
  const found: Expression[] = [];
  let open = source.indexOf('${{');
  while (open >= 0) {
    const close = source.indexOf('}}', open + 3);
    if (close < 0) break;
    found.push({ start: from + open, end: from + close + 2, text: source.slice(open, close + 2) });
    open = source.indexOf('${{', close + 2);
  }
  return found;
}
