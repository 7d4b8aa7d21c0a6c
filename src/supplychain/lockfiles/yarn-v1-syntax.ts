/**
 * The yarn v1 lockfile syntax as yarn writes it (https://classic.yarnpkg.com/en/docs/yarn-lock): a header of
 * comma-separated descriptors ending in `:`, two-space-indented `key value` fields, and `key:` blocks whose
 * four-space-indented lines are `name range`. Strings are quoted the way JSON quotes them when they need it.
 * Read line by line, so nothing recurses and a broken line costs only its own entry or field.
 */
export interface YarnV1Entry {
  readonly descriptors: readonly string[];
  readonly line: number;
  readonly fields: Map<string, string>;
  readonly blocks: Map<string, Map<string, string>>;
}

export interface YarnV1Syntax {
  readonly entries: YarnV1Entry[];
  readonly problems: { readonly line: number; readonly message: string }[];
}

/** yarn writes a few hundred characters a line at most; long descriptor lists reach a few KiB. */
const MAX_LINE = 64 * 1024;
/** Below the collector's own cap, so the "stopped reading" line is kept. */
const MAX_PROBLEMS = 50;
const TOKEN = /"(?:[^"\\]|\\.)*"|[^\s,"]+/g;
const SEPARATORS = /^[\s,]*$/;
const FIELD = /^("(?:[^"\\]|\\.)*"|[^\s"]+?)(:?)(?:\s+(.*))?$/;

export function parseYarnV1(text: string): YarnV1Syntax {
  const syntax: YarnV1Syntax = { entries: [], problems: [] };
  let entry: YarnV1Entry | undefined;
  let block: Map<string, string> | undefined;
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (syntax.problems.length >= MAX_PROBLEMS) {
      syntax.problems.push({
        line,
        message: `stopped reading: more than ${MAX_PROBLEMS} unreadable lines, not a yarn lockfile`,
      });
      break;
    }
    if (raw.length > MAX_LINE) {
      syntax.problems.push({ line, message: `line longer than ${MAX_LINE} characters skipped` });
      continue;
    }
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const indent = raw.length - raw.trimStart().length;
    const content = raw.trim();
    if (indent === 0) {
      entry = header(content, line, syntax);
      block = undefined;
    } else if (!entry) {
      continue;
    } else if (indent === 2) {
      block = field(content, line, entry, syntax);
    } else if (indent === 4 && block) {
      blockLine(content, line, block, syntax);
    } else {
      syntax.problems.push({ line, message: `unexpected indentation of ${indent} spaces` });
    }
  }
  return syntax;
}

function header(content: string, line: number, syntax: YarnV1Syntax): YarnV1Entry | undefined {
  const descriptors = content.endsWith(':') ? tokens(content.slice(0, -1)) : undefined;
  if (!descriptors || descriptors.length === 0) {
    syntax.problems.push({
      line,
      message: `expected an entry header ending in ':', found ${JSON.stringify(content.slice(0, 80))}`,
    });
    return undefined;
  }
  const entry: YarnV1Entry = { descriptors, line, fields: new Map(), blocks: new Map() };
  syntax.entries.push(entry);
  return entry;
}

/** A `key value` field, or a `key:` line opening a block, which is returned. */
function field(
  content: string,
  line: number,
  entry: YarnV1Entry,
  syntax: YarnV1Syntax,
): Map<string, string> | undefined {
  const match = FIELD.exec(content);
  const key = match?.[1] === undefined ? undefined : unquote(match[1]);
  if (!match || key === undefined) {
    syntax.problems.push({ line, message: `unreadable field ${JSON.stringify(content.slice(0, 80))}` });
    return undefined;
  }
  const value = match[3] === undefined ? undefined : unquote(match[3]);
  if (match[3] !== undefined && value === undefined) {
    syntax.problems.push({ line, message: `field "${key}" has an unterminated or invalid quoted value` });
    return undefined;
  }
  if (match[2] === ':' && value === undefined) {
    const block = new Map<string, string>();
    entry.blocks.set(key, block);
    return block;
  }
  if (value === undefined) syntax.problems.push({ line, message: `field "${key}" has no value` });
  else entry.fields.set(key, value);
  return undefined;
}

function blockLine(content: string, line: number, block: Map<string, string>, syntax: YarnV1Syntax): void {
  const parts = tokens(content);
  const [name, range] = parts ?? [];
  if (parts?.length !== 2 || name === undefined || range === undefined) {
    syntax.problems.push({
      line,
      message: `expected 'name range', found ${JSON.stringify(content.slice(0, 80))}`,
    });
    return;
  }
  block.set(name, range);
}

/** Quoted or bare strings separated by spaces or commas; undefined if anything else sits between them. */
function tokens(text: string): string[] | undefined {
  const found: string[] = [];
  let end = 0;
  for (const match of text.matchAll(TOKEN)) {
    const value = unquote(match[0]);
    if (value === undefined || !SEPARATORS.test(text.slice(end, match.index))) return undefined;
    found.push(value);
    end = match.index + match[0].length;
  }
  return SEPARATORS.test(text.slice(end)) ? found : undefined;
}

function unquote(token: string): string | undefined {
  if (!token.startsWith('"')) return token;
  try {
    const value: unknown = JSON.parse(token);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
