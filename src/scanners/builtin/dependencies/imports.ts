import { isBuiltin } from 'node:module';
import type { Region } from '../../../findings/finding.js';
import { blankJsComments, blankPythonCommentsAndStrings } from './blank-comments.js';
import { isNpmName, LineIndex, type Ecosystem } from './types.js';

/** One import of a third-party package in a source file. */
export interface ImportSite {
  readonly ecosystem: Ecosystem;
  /** npm: the package name (`x`, `@s/x`); Python: the top-level module. */
  readonly module: string;
  readonly path: string;
  readonly region: Region;
  /** `import type …`: satisfied by a declared `@types/…` package too. */
  readonly typeOnly: boolean;
}

export const JS_SOURCE = /\.(?:[cm]?[jt]sx?|vue|svelte)$/i;
export const PYTHON_SOURCE = /\.py$/i;

const JS_PATTERNS: readonly RegExp[] = [
  // import x from 'y', import {a, b} from 'y', import type T from 'y', import 'y'
  /(?<![.\w$])import\s+(type\s+)?(?:[\w$*{}\s,]+?\s*from\s*)?(['"])([^'"\n]+)\2/dg,
  /(?<![.\w$])export\s+(type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(['"])([^'"\n]+)\2/dg,
  // import('y'), require('y'), require.resolve('y')
  /(?<![.\w$])(import|require|require\.resolve)\s*\(\s*(['"`])([^'"`\n$]+)\2\s*[,)]/dg,
];

/** `x/y` → `x`, `@s/x/y` → `@s/x`; undefined for relative paths, URLs, `node:` and Node's own modules. */
export function packageOfSpecifier(specifier: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(specifier) || /^[./#~]/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  if (specifier.startsWith('@') && parts.length < 2) return undefined;
  if (isBuiltin(specifier) || isBuiltin(name) || !isNpmName(name)) return undefined;
  return name;
}

/** Bare-specifier imports of a JavaScript or TypeScript file (`import`, `export … from`, `import()`, `require`). */
export function jsImports(path: string, text: string): ImportSite[] {
  const code = blankJsComments(text);
  // `import x from 'y'` inside a string (a code generator, a test) is not an import.
  const outsideStrings = blankJsComments(text, true);
  const lines = new LineIndex(text);
  const declarationFile = /\.d\.[cm]?ts$/i.test(path);
  const sites: ImportSite[] = [];
  for (const pattern of JS_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[3];
      const at = match.indices?.[3]?.[0];
      const module = specifier === undefined ? undefined : packageOfSpecifier(specifier);
      if (module === undefined || at === undefined || specifier === undefined) continue;
      if (outsideStrings[match.index] !== code[match.index]) continue;
      const typeOnly = declarationFile || match[1]?.trim() === 'type';
      sites.push({ ecosystem: 'npm', module, path, region: lines.region(at, specifier.length), typeOnly });
    }
  }
  return sites.sort((a, b) => a.region.startLine - b.region.startLine);
}

const PY_IMPORT = /^([ \t]*)import[ \t]+([^\n;]+)/dgm;
const PY_FROM = /^([ \t]*)from[ \t]+(\.*)([A-Za-z_][\w.]*)?[ \t]+import\b/gm;
const OPTIONAL_BLOCK = /^(?:try|except\b[^\n]*):[ \t]*$/;

/**
 * Whether an import on `line` (1-based), indented by `indent`, sits directly inside a `try:` or
 * `except …:` block: `try: import ujson as json / except ImportError: import json` makes it optional.
 */
function isOptional(codeLines: readonly string[], line: number, indent: number): boolean {
  if (indent === 0) return false;
  for (let index = line - 2; index >= 0; index -= 1) {
    const text = codeLines[index] ?? '';
    if (text.trim() === '') continue;
    const lead = text.length - text.trimStart().length;
    if (lead < indent) return OPTIONAL_BLOCK.test(text.trim());
  }
  return false;
}

function pythonSite(path: string, lines: LineIndex, module: string, at: number): ImportSite {
  const top = module.split('.')[0] ?? module;
  return { ecosystem: 'pypi', module: top, path, region: lines.region(at, top.length), typeOnly: false };
}

/** Absolute imports of a Python file; relative imports and optional (`try:`-guarded) imports are left out. */
export function pythonImports(path: string, text: string): ImportSite[] {
  const code = blankPythonCommentsAndStrings(text);
  const codeLines = code.split('\n');
  const lines = new LineIndex(text);
  const optional = (offset: number, indent: number) =>
    isOptional(codeLines, lines.position(offset).line, indent);
  const sites: ImportSite[] = [];
  for (const match of code.matchAll(PY_IMPORT)) {
    const indent = (match[1] ?? '').length;
    if (optional(match.index, indent)) continue;
    let at = match.indices?.[2]?.[0] ?? match.index;
    for (const part of (match[2] ?? '').split(',')) {
      const name = /^\s*([A-Za-z_][\w.]*)/.exec(part);
      if (name?.[1] !== undefined) sites.push(pythonSite(path, lines, name[1], at + part.indexOf(name[1])));
      at += part.length + 1;
    }
  }
  for (const match of code.matchAll(PY_FROM)) {
    const indent = (match[1] ?? '').length;
    const module = match[3];
    if ((match[2] ?? '') !== '' || module === undefined || optional(match.index, indent)) continue;
    sites.push(pythonSite(path, lines, module, match.index + match[0].indexOf(module, indent + 4)));
  }
  return sites.sort((a, b) => a.region.startLine - b.region.startLine);
}
