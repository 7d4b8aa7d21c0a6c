/**
 * Finds downloads piped into a shell in shell script text, in one linear pass: a regular expression
 * spanning "downloader … | shell" backtracks quadratically on hostile lines full of `curl`.
 */

export interface RemoteExecution {
  /** Offsets in the text: from the downloader to the end of the shell's name. */
  readonly start: number;
  readonly end: number;
  readonly tool: string;
  readonly shell: string;
}

export interface ShellWords {
  readonly downloaders: readonly string[];
  readonly shells: readonly string[];
  /** Regular expressions, global, whose group 1 is the shell and group 2 the downloader. */
  readonly substitutions: readonly RegExp[];
}

const escaped = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Everything that ends a pipeline stage; only `|` and `|&` continue the pipeline into the next stage. */
const SEPARATOR = /\|\||&&|\|&?|[;&\n()]/g;
const QUOTED = /(-c\s+)?(["'])((?:\\.|(?!\2)[^\\\n])*)\2/g;

/**
 * Blanks the inside of quoted strings, keeping offsets, so `echo "curl x | sh"` is text, not a pipeline.
 * Kept: the script of `sh -c "…"` and double-quoted strings with a command substitution, which do run.
 */
function maskQuoted(text: string): string {
  return text.replace(QUOTED, (whole, dashC: string | undefined, quote: string, inside: string) => {
    const runs = dashC !== undefined || (quote === '"' && /\$\(|`/.test(inside));
    return runs
      ? whole
      : `${whole.slice(0, whole.length - inside.length - 1)}${' '.repeat(inside.length)}${quote}`;
  });
}

interface PipeWords {
  /** Finds a downloader's name in one pipeline stage. */
  readonly downloader: RegExp;
  /** Sticky: matches right after a `|`, through sudo or env, up to the end of a shell's name. */
  readonly shellAfterPipe: RegExp;
}

function pipes(text: string, { downloader, shellAfterPipe }: PipeWords): RemoteExecution[] {
  const found: RemoteExecution[] = [];
  let stageStart = 0;
  let tool: { index: number; name: string } | undefined;
  for (const separator of text.matchAll(SEPARATOR)) {
    const inStage = downloader.exec(text.slice(stageStart, separator.index));
    if (tool === undefined && inStage?.[1] !== undefined) {
      tool = { index: stageStart + inStage.index, name: inStage[1] };
    }
    stageStart = separator.index + separator[0].length;
    if (separator[0] !== '|' && separator[0] !== '|&') {
      tool = undefined;
      continue;
    }
    shellAfterPipe.lastIndex = stageStart;
    const shell = tool && shellAfterPipe.exec(text);
    if (!tool || !shell?.[1]) continue;
    found.push({ start: tool.index, end: shellAfterPipe.lastIndex, tool: tool.name, shell: shell[1] });
    tool = undefined;
  }
  return found;
}

function substitutions(text: string, patterns: readonly RegExp[]): RemoteExecution[] {
  return patterns.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
      shell: match[1] ?? '',
      tool: match[2] ?? '',
    })),
  );
}

/** A finder of every remote execution in a script, in the order they appear. */
export function shellPipes(words: ShellWords): (text: string) => RemoteExecution[] {
  const shells = words.shells.map(escaped).join('|');
  const pipeWords: PipeWords = {
    downloader: new RegExp(`(?<![\\w./-])(${words.downloaders.map(escaped).join('|')})(?![\\w-])`),
    shellAfterPipe: new RegExp(
      `\\s*(?:sudo\\s+(?:-\\S+\\s+){0,4})?(?:env\\s+(?:\\S+=\\S*\\s+){0,8})?(?:/usr(?:/local)?)?(?:/bin/)?(${shells})(?![\\w.-])`,
      'y',
    ),
  };
  return (text) => {
    const masked = maskQuoted(text);
    return [...pipes(masked, pipeWords), ...substitutions(masked, words.substitutions)].sort(
      (a, b) => a.start - b.start,
    );
  };
}
