/**
 * pnpm and yarn write a small YAML subset: one `key: value` or `- item` per line, two-space indentation,
 * flow collections that open and close on the same line, no anchors, aliases, tags or block scalars. The
 * yaml library is slow on input far outside that (about 5 s and 500 MB per MB of random junk), so lines are
 * checked first and the text is cut where it stops looking like a lockfile.
 */
export interface YamlCut {
  /** The part worth handing to the YAML parser. */
  readonly text: string;
  /** 1-based line where reading stopped, with the reason; undefined when the whole text is kept. */
  readonly stop?: { readonly line: number; readonly message: string };
}

/** Real lines are under a few hundred characters; long berry descriptor lists reach a few KiB. */
const MAX_LINE = 64 * 1024;
const MAX_FLOW_DEPTH = 8;
/** pnpm nests five levels (10 spaces) at most, Berry three; deep indentation is nesting too. */
const MAX_INDENT = 40;
/** A few odd lines are the YAML parser's business; this many means the file is not a lockfile. */
const MAX_FOREIGN_LINES = 100;
const KEY_LINE = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#{}[\],&*!|>%@`].*?):(?:[ \t]+(?![&*!|>]).*)?$/;
/** A quote starts a quoted scalar only where a scalar starts; inside `it's` it is a plain character. */
const QUOTE_OPENS = new Set([' ', '\t', '{', '[', ',', ':']);
const ITEM_LINE = /^-(?:[ \t]+(?![&*!|>]).*)?$/;

export function cutToLockfileShape(text: string): YamlCut {
  let firstForeign: number | undefined;
  let foreign = 0;
  let start = 0;
  for (let line = 1; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const verdict = judge(text, start, end);
    if (verdict === 'dangerous')
      return cut(text, start, line, 'a line too long or too deeply nested for a lockfile');
    if (verdict === 'foreign') {
      firstForeign ??= start;
      if (++foreign > MAX_FOREIGN_LINES)
        return cut(
          text,
          firstForeign,
          lineAt(text, firstForeign),
          'too many lines unlike a lockfile from here',
        );
    }
    start = end + 1;
  }
  return { text };
}

function judge(text: string, start: number, end: number): 'ok' | 'foreign' | 'dangerous' {
  if (end - start > MAX_LINE) return 'dangerous';
  const line = text.slice(start, end);
  const content = line.trim();
  if (content === '' || content.startsWith('#')) return 'ok';
  if (line.length - line.trimStart().length > MAX_INDENT) return 'dangerous';
  const flow = flowNesting(content);
  if (flow.deepest > MAX_FLOW_DEPTH) return 'dangerous';
  return flow.balanced && (KEY_LINE.test(content) || ITEM_LINE.test(content)) ? 'ok' : 'foreign';
}

/** Deepest `{`/`[` nesting outside quotes, and whether every bracket and quote closes on the line. */
function flowNesting(content: string): { deepest: number; balanced: boolean } {
  let depth = 0;
  let deepest = 0;
  let quote: string | undefined;
  for (let index = 0; index < content.length; index++) {
    const char = content[index];
    if (quote !== undefined) {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = undefined;
    } else if ((char === '"' || char === "'") && QUOTE_OPENS.has(content[index - 1] ?? ' ')) {
      quote = char;
    } else if (char === '{' || char === '[') {
      deepest = Math.max(deepest, ++depth);
    } else if ((char === '}' || char === ']') && --depth < 0) {
      return { deepest, balanced: false };
    }
  }
  return { deepest, balanced: depth === 0 && quote === undefined };
}

function cut(text: string, offset: number, line: number, message: string): YamlCut {
  return { text: text.slice(0, offset), stop: { line, message: `stopped reading: ${message}` } };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1))
    line++;
  return line;
}
