/**
 * Source text with comments (and, for Python, string contents) replaced by spaces. Offsets and line
 * breaks are preserved, so positions found in the result are positions in the original. This is a
 * scanner, not a parser: it only has to keep `import` in a comment or a docstring from counting.
 */

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/**
 * JavaScript/TypeScript: `//` and `/* *\/` comments become spaces. String and template literals are kept,
 * or, with `strings`, keep only their quotes.
 */
export function blankJsComments(text: string, strings = false): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const next = text[index + 1];
    let end: number;
    if (char === '/' && next === '/') {
      end = text.indexOf('\n', index);
      end = end === -1 ? text.length : end;
      out += blank(text.slice(index, end));
    } else if (char === '/' && next === '*') {
      end = text.indexOf('*/', index + 2);
      end = end === -1 ? text.length : end + 2;
      out += blank(text.slice(index, end));
    } else if (char === '"' || char === "'" || char === '`') {
      end = stringEnd(text, index, char);
      const literal = text.slice(index, end);
      out += strings ? char + blank(literal.slice(1, -1)) + literal.slice(-1) : literal;
    } else {
      end = nextSpecial(text, index + 1, /[/"'`]/g);
      out += text.slice(index, end);
    }
    index = end;
  }
  return out;
}

/** The next offset at or after `from` where `pattern` (global) matches, or the end of the text. */
function nextSpecial(text: string, from: number, pattern: RegExp): number {
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? text.length;
}

/** The offset after the string starting at `start`; a quote string also ends at a line break. */
function stringEnd(text: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === quote) return index + 1;
    else if (char === '\n' && quote !== '`') return index;
    else index += 1;
  }
  return text.length;
}

/** Python: `#` comments and the contents of every string literal (docstrings included) become spaces. */
export function blankPythonCommentsAndStrings(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    let end: number;
    if (char === '#') {
      end = text.indexOf('\n', index);
      end = end === -1 ? text.length : end;
      out += blank(text.slice(index, end));
    } else if (char === '"' || char === "'") {
      const triple = text.startsWith(char.repeat(3), index);
      end = pythonStringEnd(text, index, triple ? char.repeat(3) : char);
      out += blank(text.slice(index, end));
    } else {
      end = nextSpecial(text, index + 1, /[#"']/g);
      out += text.slice(index, end);
    }
    index = end;
  }
  return out;
}

function pythonStringEnd(text: string, start: number, quote: string): number {
  let index = start + quote.length;
  while (index < text.length) {
    if (text[index] === '\\') index += 2;
    else if (text.startsWith(quote, index)) return index + quote.length;
    else if (text[index] === '\n' && quote.length === 1) return index;
    else index += 1;
  }
  return text.length;
}
