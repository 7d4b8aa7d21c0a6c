/**
 * Just enough of the Dockerfile format for checks: instructions with their continuation lines joined and
 * their heredoc bodies attached, each offset mappable back to the line and column it was written at.
 * https://docs.docker.com/reference/dockerfile/#format
 */

export interface Position {
  /** 1-based line; 1-based column in UTF-16 code units, like `scalarRegion`. */
  readonly line: number;
  readonly col: number;
}

export interface Instruction {
  /** Upper-cased, as Docker matches instructions case-insensitively. */
  readonly keyword: string;
  readonly line: number;
  /** The arguments: continuation lines joined as Docker joins them, heredoc bodies after a newline each. */
  readonly text: string;
  position(offset: number): Position;
}

interface Segment {
  /** Offset in the instruction's text where this piece of a source line starts. */
  readonly at: number;
  readonly line: number;
  readonly col: number;
}

const DOCKERFILE =
  /(?:^|\/)(?:(?:Dockerfile|Containerfile)(?:\.[^/]+)?|dockerfile|containerfile|[^/]+\.(?:[Dd]ockerfile|[Cc]ontainerfile))$/;
/** Per-Dockerfile ignore files, documents and code about Dockerfiles are named after them, but are none. */
const NOT_DOCKERFILE = /\.(?:dockerignore|md|txt|json|ya?ml|sh|ps1|bak|orig|go|py|ts|js|rs|java|rb)$/i;

/** `Dockerfile`, `Containerfile`, `Dockerfile.<variant>` and `<variant>.Dockerfile`, in any directory. */
export function isDockerfile(path: string): boolean {
  return DOCKERFILE.test(path) && !NOT_DOCKERFILE.test(path);
}

const DIRECTIVE = /^#\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/;
const KEYWORD = /^(\s*)(\S+)(\s*)/;
const HEREDOC = /(?<!<)<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

function splitLines(source: string): string[] {
  return source.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** The `# escape=` parser directive (backslash by default, a backtick on Windows). */
function escapeOf(lines: readonly string[]): string {
  for (const line of lines) {
    const directive = DIRECTIVE.exec(line);
    if (!directive) break;
    if (directive[1]?.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) {
      return directive[2];
    }
  }
  return '\\';
}

const isCommentOrBlank = (line: string): boolean => {
  const trimmed = line.trimStart();
  return trimmed === '' || trimmed.startsWith('#');
};

/** Binary search for the last segment starting at or before `offset`. */
function positionIn(segments: readonly Segment[], offset: number): Position {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((segments[middle]?.at ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  const segment = segments[low] ?? { at: 0, line: 1, col: 1 };
  return { line: segment.line, col: segment.col + offset - segment.at };
}

interface Reading {
  text: string;
  readonly segments: Segment[];
  next: number;
}

/** Joins lines ending in the escape character; comment and blank lines inside are dropped, as Docker does. */
function readContinued(lines: readonly string[], start: number, escape: string, reading: Reading): void {
  let index = start;
  let content = reading.text;
  reading.text = '';
  let col = (lines[start]?.length ?? 0) - content.length + 1;
  for (;;) {
    const trimmed = content.trimEnd();
    const continued = trimmed.endsWith(escape);
    reading.segments.push({ at: reading.text.length, line: index + 1, col });
    reading.text += continued ? trimmed.slice(0, -1) : content;
    index += 1;
    if (!continued) break;
    while (index < lines.length && isCommentOrBlank(lines[index] ?? '')) index += 1;
    if (index >= lines.length) break;
    content = lines[index] ?? '';
    col = 1;
  }
  reading.next = index;
}

/** Appends each heredoc body (`RUN <<EOF … EOF`) to the instruction, one source line per text line. */
function readHeredocs(lines: readonly string[], reading: Reading): void {
  for (const marker of [...reading.text.matchAll(HEREDOC)]) {
    const [, dash, , word] = marker;
    while (reading.next < lines.length) {
      const line = lines[reading.next] ?? '';
      reading.next += 1;
      if ((dash === '-' ? line.replace(/^\t+/, '') : line) === word) break;
      reading.text += '\n';
      reading.segments.push({ at: reading.text.length, line: reading.next, col: 1 });
      reading.text += line;
    }
  }
}

export function parseDockerfile(source: string): Instruction[] {
  const lines = splitLines(source);
  const escape = escapeOf(lines);
  const instructions: Instruction[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const keyword = KEYWORD.exec(line);
    if (isCommentOrBlank(line) || !keyword) {
      index += 1;
      continue;
    }
    const reading: Reading = { text: line.slice(keyword[0].length), segments: [], next: index };
    readContinued(lines, index, escape, reading);
    const name = (keyword[2] ?? '').toUpperCase();
    if (HEREDOC_KEYWORDS.has(name)) readHeredocs(lines, reading);
    const { text, segments } = reading;
    instructions.push({ keyword: name, line: index + 1, text, position: (at) => positionIn(segments, at) });
    index = reading.next;
  }
  return instructions;
}
