/**
 * smol-toml returns values without source positions, so declarations are found again in the text. The
 * search is scoped to the table's body and falls back to coarser places (the table's header, the start of
 * the file): a wrong column is acceptable, a crash or a missed declaration is not.
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function keyPattern(key: string): string {
  return `(?:${escape(key)}|"${escape(key)}"|'${escape(key)}')`;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

export class TomlLocator {
  constructor(private readonly text: string) {}

  /** Where `[a.b.c]` (or `[[a.b.c]]`) is written, and where its body ends. */
  private table(path: readonly string[]): (Span & { readonly header: number }) | undefined {
    const dotted = path.map(keyPattern).join('[ \\t]*\\.[ \\t]*');
    const header = new RegExp(`^[ \\t]*\\[\\[?[ \\t]*${dotted}[ \\t]*\\]\\]?[^\\n]*$`, 'm').exec(this.text);
    if (header === null) return undefined;
    const start = header.index + header[0].length;
    const next = /^[ \t]*\[/m.exec(this.text.slice(start));
    return { header: header.index, start, end: next === null ? this.text.length : start + next.index };
  }

  private keyIn(span: Span, key: string): number | undefined {
    const pattern = new RegExp(`^([ \\t]*["']?)${escape(key)}["']?[ \\t]*=`, 'gm');
    pattern.lastIndex = span.start;
    const match = pattern.exec(this.text);
    if (match === null || match.index >= span.end) return undefined;
    return match.index + (match[1] ?? '').length;
  }

  /** The offset of `key` in table `path`, or of its own `[path.key]` header; else of the table. */
  key(path: readonly string[], key: string): number {
    const table = this.table(path);
    const inBody = table === undefined ? undefined : this.keyIn(table, key);
    if (inBody !== undefined) return inBody;
    const own = this.table([...path, key]);
    if (own !== undefined) {
      const headerText = this.text.slice(own.header, own.start);
      return own.header + Math.max(0, headerText.lastIndexOf(key));
    }
    return table?.header ?? 0;
  }

  /**
   * The offset of the string `value` (its first character inside the quotes) written under `key` in table
   * `path`, at or after `from`; for arrays of requirements.
   */
  stringValue(path: readonly string[], key: string, value: string, from = 0): number | undefined {
    const table = this.table(path) ?? { start: 0, end: this.text.length };
    const keyAt = this.keyIn(table, key) ?? table.start;
    const start = Math.max(keyAt, from);
    for (const quote of ['"', "'"]) {
      const found = this.text.indexOf(`${quote}${value}${quote}`, start);
      if (found !== -1 && found < table.end) return found + 1;
    }
    return undefined;
  }
}
