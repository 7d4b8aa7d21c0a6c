import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Component, LockfileParser, LockfileResult } from '../../../src/supplychain/component.js';

export const ROOT = '__fixtures__/supplychain/lockfiles';

/** Reads fixture files the way the SBOM collector hands repository files to a parser. */
export function readSibling(path: string): string | undefined {
  const file = join(ROOT, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Parses a fixture (path relative to ROOT) with the given parser. */
export function parseWith(parser: LockfileParser): (path: string) => LockfileResult {
  return (path) => parser.parse(path, readSibling(path) ?? '', readSibling);
}

export function component(result: LockfileResult, purl: string): Component {
  const found = result.components.find((c) => c.purl === purl);
  if (!found) throw new Error(`no component ${purl} in ${result.components.map((c) => c.purl).join(', ')}`);
  return found;
}
