/**
 * go.mod (https://go.dev/ref/mod#go-mod-file). Since Go 1.17 a tidy go.mod lists every module the build
 * needs, `// indirect` ones included, so it is the lockfile; Go has no dev scope, so all are required.
 *
 * go.sum is deliberately not read: its `h1:` value is a SHA-256 over Go's dirhash summary of the module's
 * files (https://pkg.go.dev/golang.org/x/mod/sumdb/dirhash), not the digest of any artifact. Emitted as a
 * CycloneDX SHA-256 it would claim to be the hash of the module zip and fail every verifier that checks it.
 *
 * `replace` to another module swaps in that module and version; `replace` to a directory is the
 * repository's own code and is skipped. `exclude` and `retract` only steer version selection, which the
 * `require` lines already record, so they are read and otherwise ignored.
 */
import { PackageURL } from 'packageurl-js';
import type { Component, LockfileParser, LockfileProblem, LockfileResult } from '../component.js';

interface Directive {
  readonly verb: string;
  readonly args: readonly string[];
  readonly comment: string;
  readonly line: number;
}

const VERBS = new Set([
  'module',
  'go',
  'toolchain',
  'godebug',
  'require',
  'replace',
  'exclude',
  'retract',
  'tool',
  'ignore',
]);

/** Splits a line into tokens, honouring Go's quoted and backquoted strings, and its trailing `//` comment. */
function tokenize(text: string): { tokens: string[]; comment: string } {
  const tokens: string[] = [];
  const pattern = /\/\/(.*)$|"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[1] !== undefined) return { tokens, comment: m[1].trim() };
    tokens.push(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return { tokens, comment: '' };
}

function directives(path: string, text: string, problems: LockfileProblem[]): Directive[] {
  const out: Directive[] = [];
  let block: { verb: string; line: number } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const { tokens, comment } = tokenize(raw);
    const [first, ...rest] = tokens;
    if (first === undefined) return;
    if (block) {
      if (first === ')' && rest.length === 0) block = undefined;
      else out.push({ verb: block.verb, args: tokens, comment, line });
      return;
    }
    if (!VERBS.has(first)) {
      problems.push({ path, line, message: `unknown go.mod directive "${first.slice(0, 40)}"` });
    } else if (rest.length === 1 && rest[0] === '(') {
      block = { verb: first, line };
    } else {
      out.push({ verb: first, args: rest, comment, line });
    }
  });
  if (block) problems.push({ path, line: block.line, message: `${block.verb} block is never closed` });
  return out;
}

interface Replacement {
  readonly version: string | undefined;
  /** undefined when the replacement is a directory. */
  readonly target: { readonly module: string; readonly version: string } | undefined;
}

function replacements(
  path: string,
  list: readonly Directive[],
  problems: LockfileProblem[],
): Map<string, Replacement[]> {
  const out = new Map<string, Replacement[]>();
  for (const d of list.filter((x) => x.verb === 'replace')) {
    const arrow = d.args.indexOf('=>');
    const left = d.args.slice(0, Math.max(arrow, 0));
    const right = d.args.slice(arrow + 1);
    if (arrow === -1 || left.length < 1 || left.length > 2 || right.length < 1 || right.length > 2) {
      problems.push({
        path,
        line: d.line,
        message: 'replace must read `module [version] => module version` or `=> directory`',
      });
      continue;
    }
    const [module = '', version] = left;
    const [target = '', targetVersion] = right;
    const replacement = {
      version,
      target: targetVersion === undefined ? undefined : { module: target, version: targetVersion },
    };
    out.set(module, [...(out.get(module) ?? []), replacement]);
  }
  return out;
}

/** The purl spec splits a module path at its last slash: `github.com/google` / `uuid`. */
function goPurl(module: string, version: string): string | undefined {
  const slash = module.lastIndexOf('/');
  const namespace = slash === -1 ? undefined : module.slice(0, slash);
  try {
    return new PackageURL('golang', namespace, module.slice(slash + 1), version).toString();
  } catch {
    return undefined;
  }
}

/** Where problems found while reading one lockfile go. */
interface Report {
  readonly path: string;
  readonly problems: LockfileProblem[];
}

function requirement(
  report: Report,
  d: Directive,
  replaced: Map<string, Replacement[]>,
): Component | undefined {
  const { path, problems } = report;
  const [module, version] = d.args;
  if (d.args.length !== 2 || !module || !version?.startsWith('v')) {
    problems.push({ path, line: d.line, message: 'require must read `module vX.Y.Z`' });
    return undefined;
  }
  // A version-specific replace wins over one for every version of the module.
  const candidates = replaced.get(module) ?? [];
  const replacement =
    candidates.find((r) => r.version === version) ?? candidates.find((r) => r.version === undefined);
  if (replacement && !replacement.target) return undefined;
  const name = replacement?.target?.module ?? module;
  const resolved = replacement?.target?.version ?? version;
  const purl = goPurl(name, resolved);
  if (!purl) {
    problems.push({ path, line: d.line, message: `${name}@${resolved} cannot be expressed as a purl` });
    return undefined;
  }
  return {
    ecosystem: 'golang',
    name,
    version: resolved,
    purl,
    scope: 'required',
    hashes: [],
    dependsOn: [],
    source: { path, line: d.line },
  };
}

function build(path: string, text: string, problems: LockfileProblem[]): LockfileResult {
  const list = directives(path, text, problems);
  if (!list.some((d) => d.verb === 'module'))
    problems.push({ path, line: 1, message: 'go.mod has no module directive' });
  const replaced = replacements(path, list, problems);
  const components = new Map<string, Component>();
  const direct: string[] = [];
  for (const d of list.filter((x) => x.verb === 'require')) {
    const component = requirement({ path, problems }, d, replaced);
    if (!component || components.has(component.purl)) continue;
    components.set(component.purl, component);
    // Go marks a requirement indirect with a comment that starts with the word (`// indirect; ...` too).
    if (!/^indirect\b/.test(d.comment)) direct.push(component.purl);
  }
  return { components: [...components.values()], direct, problems };
}

export const goModLockfile: LockfileParser = {
  id: 'gomod',
  matches: (path) => /(^|\/)go\.mod$/.test(path),
  parse(path, text) {
    const problems: LockfileProblem[] = [];
    try {
      return build(path, text, problems);
    } catch (error: unknown) {
      problems.push({ path, message: `go.mod could not be parsed: ${String(error)}` });
      return { components: [], direct: [], problems };
    }
  },
};
