/**
 * JSON for package-lock.json and package.json, read with the line of every object key.
 *
 * JSON.parse gives neither lines nor the part of a truncated file before the break, and the lockfile is
 * hostile input: this parser is iterative (no recursion for deep nesting to exhaust), caps the depth, keeps
 * objects in Maps (a `__proto__` key is just a key) and, on a syntax error, returns what it had built.
 */

export class JsonObject {
  readonly values = new Map<string, JsonValue>();
  /** 1-based line of each key. */
  readonly lines = new Map<string, number>();
  /** False when the text broke off before the closing brace: members may be missing. */
  complete = false;

  get(key: string): JsonValue | undefined {
    return this.values.get(key);
  }
}

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

export interface JsonParse {
  readonly value: JsonValue | undefined;
  readonly error?: { readonly line: number; readonly message: string };
}

/** Far deeper than any lockfile (npm v1 trees nest two levels per package); deeper input is refused. */
const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

interface Frame {
  readonly container: JsonObject | JsonValue[];
  /** The key whose value is being read, for objects. */
  key: string | undefined;
  /** `open`: just after the bracket; `next`: after a comma; `done`: after a member. */
  state: 'open' | 'next' | 'done';
}

class Parser {
  private pos = 0;
  private line = 1;
  private readonly stack: Frame[] = [];
  private root: JsonValue | undefined;

  constructor(private readonly text: string) {}

  run(): JsonParse {
    try {
      this.document();
      return { value: this.root };
    } catch (error: unknown) {
      if (error instanceof JsonSyntaxError)
        return { value: this.root, error: { line: error.line, message: error.message } };
      throw error;
    }
  }

  private document(): void {
    this.whitespace();
    this.value();
    for (let frame = this.stack.at(-1); frame; frame = this.stack.at(-1)) {
      this.whitespace();
      if (frame.container instanceof JsonObject) this.objectStep(frame, frame.container);
      else this.arrayStep(frame);
    }
    this.whitespace();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
  }

  private objectStep(frame: Frame, object: JsonObject): void {
    const char = this.text[this.pos];
    if (frame.state === 'done' || (frame.state === 'open' && char === '}')) {
      this.afterMember(frame, '}');
      if (char === '}') object.complete = true;
      return;
    }
    if (char !== '"') this.fail('expected a property name in double quotes');
    const line = this.line;
    const key = this.string();
    this.whitespace();
    if (this.text[this.pos] !== ':') this.fail(`expected ':' after property name "${key}"`);
    this.pos++;
    this.whitespace();
    object.lines.set(key, line);
    frame.key = key;
    this.value();
  }

  private arrayStep(frame: Frame): void {
    if (frame.state === 'done' || (frame.state === 'open' && this.text[this.pos] === ']')) {
      this.afterMember(frame, ']');
      return;
    }
    this.value();
  }

  /** After a member: a comma asks for another, the closing bracket pops the frame. */
  private afterMember(frame: Frame, close: string): void {
    const char = this.text[this.pos];
    if (char === close) {
      this.pos++;
      this.stack.pop();
    } else if (char === ',' && frame.state === 'done') {
      this.pos++;
      frame.state = 'next';
    } else {
      this.fail(char === undefined ? 'unexpected end of JSON' : `expected ',' or '${close}'`);
    }
  }

  private value(): void {
    const char = this.text[this.pos];
    if (char === '{' || char === '[') {
      if (this.stack.length >= MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
      this.pos++;
      const container = char === '{' ? new JsonObject() : [];
      this.place(container);
      this.stack.push({ container, key: undefined, state: 'open' });
      return;
    }
    this.place(this.scalar(char));
  }

  private scalar(char: string | undefined): JsonValue {
    if (char === '"') return this.string();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (!number) this.fail(char === undefined ? 'unexpected end of JSON' : 'expected a JSON value');
    this.pos += number[0].length;
    return Number(number[0]);
  }

  private place(value: JsonValue): void {
    const parent = this.stack.at(-1);
    if (!parent) this.root = value;
    else if (parent.container instanceof JsonObject) parent.container.values.set(parent.key ?? '', value);
    else parent.container.push(value);
    if (parent) parent.state = 'done';
  }

  private string(): string {
    const start = this.pos;
    let end = this.text.indexOf('"', start + 1);
    while (end !== -1 && this.escaped(end)) end = this.text.indexOf('"', end + 1);
    if (end === -1) this.fail('unterminated string');
    const raw = this.text.slice(start + 1, end);
    this.pos = end + 1;
    if (!raw.includes('\\') && !hasControlCharacter(raw)) return raw;
    try {
      return JSON.parse(this.text.slice(start, end + 1)) as string;
    } catch {
      return this.fail('invalid string escape or control character');
    }
  }

  /** Is the quote at `index` preceded by an odd number of backslashes? */
  private escaped(index: number): boolean {
    let count = 0;
    while (this.text[index - 1 - count] === '\\') count++;
    return count % 2 === 1;
  }

  private whitespace(): void {
    for (;;) {
      const char = this.text[this.pos];
      if (char === '\n') this.line++;
      else if (char !== ' ' && char !== '\t' && char !== '\r') return;
      this.pos++;
    }
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message, this.line);
  }
}

/** JSON strings may not hold raw control characters; a raw newline means the string broke off. */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) < 0x20) return true;
  return false;
}

export function parseJson(text: string): JsonParse {
  // A byte-order mark is not JSON but editors write one; npm itself strips it.
  return new Parser(text.startsWith('\uFEFF') ? text.slice(1) : text).run();
}

export function jsonObject(value: JsonValue | undefined): JsonObject | undefined {
  return value instanceof JsonObject ? value : undefined;
}

export function jsonString(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The string members of an object, e.g. a `dependencies` map of name → range. */
export function stringEntries(value: JsonValue | undefined): [string, string][] {
  const object = jsonObject(value);
  if (!object) return [];
  return [...object.values].flatMap(([key, member]) => (typeof member === 'string' ? [[key, member]] : []));
}
