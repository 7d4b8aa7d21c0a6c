import { normalizePypiName, type Ecosystem } from './types.js';

export type SquatKind = 'edit' | 'transposition' | 'separator' | 'homoglyph' | 'scope';

export interface Squat {
  /** The popular package the name imitates. */
  readonly target: string;
  readonly kind: SquatKind;
}

/** A popular name this long may be one edit away from a squat; from the second length on, two. */
const ONE_EDIT_MIN_LENGTH = 5;
const TWO_EDITS_MIN_LENGTH = 10;
const SKELETON_MIN_LENGTH = 4;

/**
 * Characters people (and models) confuse when reading or retyping a name. npm names are lower case, so
 * only PyPI (which folds case, making `jeIlyfish` the project `jeilyfish`) also confuses `i` with `l`.
 */
const HOMOGLYPHS: Readonly<Record<Ecosystem, readonly (readonly [RegExp, string])[]>> = {
  npm: [
    [/rn/g, 'm'],
    [/vv/g, 'w'],
    [/1/g, 'l'],
    [/0/g, 'o'],
  ],
  pypi: [
    [/rn/g, 'm'],
    [/vv/g, 'w'],
    [/[1i]/g, 'l'],
    [/0/g, 'o'],
  ],
};

/** The popular names of one ecosystem, indexed for the comparisons below. */
export interface PopularIndex {
  readonly ecosystem: Ecosystem;
  /** Most popular first. */
  readonly names: readonly string[];
  readonly known: ReadonlySet<string>;
  /** Scopes of popular npm packages (`@babel`, `@types`, …). */
  readonly scopes: ReadonlySet<string>;
  readonly bySkeleton: ReadonlyMap<string, string>;
  /** Unscoped names by length, most popular first: two edits change the length by at most two. */
  readonly byLength: ReadonlyMap<number, readonly string[]>;
}

export function canonicalName(name: string, ecosystem: Ecosystem): string {
  return ecosystem === 'pypi' ? normalizePypiName(name) : name.toLowerCase();
}

function withoutSeparators(name: string): string {
  return name.replace(/[-_./@]/g, '');
}

function skeleton(name: string, ecosystem: Ecosystem): string {
  return HOMOGLYPHS[ecosystem].reduce(
    (text, [pattern, replacement]) => text.replace(pattern, replacement),
    withoutSeparators(name),
  );
}

export function popularIndex(ecosystem: Ecosystem, names: readonly string[]): PopularIndex {
  const canonical = names.map((name) => canonicalName(name, ecosystem));
  const bySkeleton = new Map<string, string>();
  for (const name of canonical) {
    const shape = skeleton(name, ecosystem);
    if (!bySkeleton.has(shape)) bySkeleton.set(shape, name);
  }
  const scopes = new Set(
    canonical.flatMap((name) => (name.startsWith('@') ? [name.split('/')[0] ?? ''] : [])),
  );
  const byLength = new Map<number, string[]>();
  for (const name of canonical.filter((candidate) => !candidate.startsWith('@'))) {
    byLength.set(name.length, [...(byLength.get(name.length) ?? []), name]);
  }
  return { ecosystem, names: canonical, known: new Set(canonical), scopes, bySkeleton, byLength };
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions). With a `limit`, only the
 * diagonal band that can stay within it is computed, and any answer above the limit means "too far".
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = Number.isFinite(limit) ? limit : Math.max(a.length, b.length);
  const far = a.length + b.length + 1;
  let before = new Int32Array(b.length + 1).fill(far);
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => (j <= width ? j : far));
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    current.fill(far);
    if (i <= width) current[0] = i;
    let rowMinimum = current[0] ?? far;
    for (let j = Math.max(1, i - width); j <= Math.min(b.length, i + width); j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? far) + 1,
        (current[j - 1] ?? far) + 1,
        (previous[j - 1] ?? far) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? far) + 1);
      }
      current[j] = value;
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? far;
}

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ: number[] = [];
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) differ.push(index);
  const [first, second] = differ;
  return (
    differ.length === 2 &&
    first !== undefined &&
    second === first + 1 &&
    a[first] === b[second] &&
    a[second] === b[first]
  );
}

/**
 * The segments (between `-`, `_`, `.`, `/`) of `target` that `name` changes. `lodash.get` and `lodash.set`
 * differ only in a three-letter word, which makes them different packages, not a typo of one another.
 */
export function changedSegments(name: string, target: string): string {
  let prefix = 0;
  while (prefix < Math.min(name.length, target.length) && name[prefix] === target[prefix]) prefix += 1;
  let suffix = 0;
  const most = Math.min(name.length, target.length) - prefix;
  while (suffix < most && name[name.length - 1 - suffix] === target[target.length - 1 - suffix]) suffix += 1;
  const separators = /[-_./]/;
  let start = prefix;
  while (start > 0 && !separators.test(target[start - 1] ?? '')) start -= 1;
  let end = target.length - suffix;
  while (end < target.length && !separators.test(target[end] ?? '')) end += 1;
  return target.slice(start, Math.max(start, end));
}

/** Edits allowed away from a popular name (or the part of it that changed), by its length. */
function allowedEdits(target: string): number {
  if (target.length >= TWO_EDITS_MIN_LENGTH) return 2;
  return target.length >= ONE_EDIT_MIN_LENGTH ? 1 : 0;
}

function bySkeleton(name: string, index: PopularIndex): Squat | undefined {
  const shape = skeleton(name, index.ecosystem);
  const target = shape.length >= SKELETON_MIN_LENGTH ? index.bySkeleton.get(shape) : undefined;
  if (target === undefined || target === name) return undefined;
  const bothScoped = name.startsWith('@') && target.startsWith('@');
  const sameBase = name.split('/')[1] === target.split('/')[1];
  if (name.startsWith('@') !== target.startsWith('@') || (bothScoped && sameBase))
    return { target, kind: 'scope' };
  if (withoutSeparators(name) === withoutSeparators(target)) return { target, kind: 'separator' };
  // One look-alike letter in a short name is a different word more often than a disguise.
  return target.length >= ONE_EDIT_MIN_LENGTH ? { target, kind: 'homoglyph' } : undefined;
}

/** `@scope/x` imitating `@other/x` (a scope one edit away), or the popular unscoped `x` as `@x/x`. */
function byScope(name: string, index: PopularIndex): Squat | undefined {
  const [scope = '', base = ''] = name.split('/');
  if (!name.startsWith('@') || base === '') return undefined;
  for (const target of index.names) {
    const [targetScope = '', targetBase = ''] = target.split('/');
    if (
      target.startsWith('@') &&
      targetBase === base &&
      scope !== targetScope &&
      allowedEdits(targetScope.slice(1)) > 0 &&
      editDistance(scope, targetScope, 1) <= 1
    ) {
      return { target, kind: 'scope' };
    }
  }
  const bare = scope.slice(1);
  return index.known.has(base) && bare === base ? { target: base, kind: 'scope' } : undefined;
}

/** Unscoped names against unscoped names: the closest popular name within the allowed edits. */
function byEdits(name: string, index: PopularIndex): Squat | undefined {
  if (name.startsWith('@')) return undefined;
  let best: { target: string; distance: number } | undefined;
  for (let length = name.length - 2; length <= name.length + 2; length += 1) {
    for (const target of index.byLength.get(length) ?? []) {
      const allowed = allowedEdits(changedSegments(name, target));
      if (allowed === 0) continue;
      const distance = editDistance(name, target, allowed);
      if (distance <= allowed && (best === undefined || distance < best.distance))
        best = { target, distance };
    }
  }
  if (best === undefined) return undefined;
  return { target: best.target, kind: isTransposition(name, best.target) ? 'transposition' : 'edit' };
}

/**
 * Whether `name` looks like a mistyped or deliberately confusable variant of a popular package. A name
 * that is itself popular never is; short names are left alone, since one edit turns `ms` into dozens of
 * unrelated real packages.
 */
export function likelyTyposquat(name: string, index: PopularIndex): Squat | undefined {
  const canonical = canonicalName(name, index.ecosystem);
  if (index.known.has(canonical)) return undefined;
  // Only a scope's owner can publish under it, so a name under a popular scope cannot be a squat.
  if (index.scopes.has(canonical.split('/')[0] ?? '')) return undefined;
  return bySkeleton(canonical, index) ?? byScope(canonical, index) ?? byEdits(canonical, index);
}
