import type { DependencySource } from './types.js';

/** A PEP 508 requirement's name, where it starts in the string, and whether it is a direct URL reference. */
export interface Requirement {
  readonly name: string;
  readonly offset: number;
  readonly source: DependencySource;
}

// https://peps.python.org/pep-0508/#names ; extras, then either a version specifier or `@ url`.
const REQUIREMENT = /^(\s*)([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(@)?/;
/** What may follow a name: a version operator, extras, `@`, `;` markers, `(` (old-style) or the end. */
const AFTER_NAME = /^\s*(?:$|[[<>=!~;@(,])/;

/** Parses the head of a PEP 508 requirement; undefined when the string does not start with a name. */
export function parseRequirement(text: string): Requirement | undefined {
  const match = REQUIREMENT.exec(text);
  const name = match?.[2];
  if (match === null || name === undefined) return undefined;
  const rest = text.slice((match[1] ?? '').length + name.length);
  if (!AFTER_NAME.test(rest)) return undefined;
  return {
    name,
    offset: (match[1] ?? '').length,
    source: match[3] === undefined ? 'registry' : 'local',
  };
}
