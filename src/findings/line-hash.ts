/**
 * GitHub's `primaryLocationLineHash`, computed exactly as its uploader does
 * (github/codeql-action `src/fingerprints.ts`): a polynomial hash with multiplier 37 over the 100
 * characters starting at each line, after dropping spaces and tabs and turning `\r\n` and `\r` into `\n`,
 * in unsigned 64-bit arithmetic. Matching it bit for bit keeps alert identity stable whether GitHub's
 * uploader or Vouch fingerprints a result.
 *
 * The 64-bit state is kept as two unsigned 32-bit halves in plain numbers: every intermediate product
 * stays below 2^53, so it is exact, and it is several times faster than BigInt per character.
 */

const WINDOW = 100;
const MULTIPLIER = 37;
/** The uploader appends this code unit once, after the last character of the file. */
const SENTINEL = 0xffff;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const TWO_32 = 0x1_0000_0000;

/** 37^100 mod 2^64, the weight of the character that leaves the window. */
const LEAVING_WEIGHT = (BigInt(MULTIPLIER) ** BigInt(WINDOW)) & 0xffff_ffff_ffff_ffffn;
const LEAVING_HI = Number(LEAVING_WEIGHT >> 32n);
const LEAVING_LO = Number(LEAVING_WEIGHT & 0xffff_ffffn);

interface Normalised {
  /** Kept code units, the sentinel, then zero padding so every line has a full window. */
  readonly units: Uint16Array;
  /** Index in `units` of each line's first kept code unit. */
  readonly lineStarts: readonly number[];
}

function normalise(text: string): Normalised {
  const units = new Uint16Array(text.length + 1 + WINDOW);
  const lineStarts: number[] = [];
  let length = 0;
  let atLineStart = true;
  let previousWasCR = false;
  for (let i = 0; i < text.length; i++) {
    let unit = text.charCodeAt(i);
    // As upstream: a space or tab right after `\r` also clears the pending `\r\n` pairing.
    if (unit === SPACE || unit === TAB || (previousWasCR && unit === LF)) {
      previousWasCR = false;
      continue;
    }
    previousWasCR = unit === CR;
    if (previousWasCR) unit = LF;
    if (atLineStart) lineStarts.push(length);
    atLineStart = unit === LF;
    units[length++] = unit;
  }
  if (atLineStart) lineStarts.push(length);
  units[length] = SENTINEL;
  return { units, lineStarts };
}

/** Hashes as two unsigned 32-bit halves per line, so counting and formatting avoid BigInt and strings. */
interface LineWindowHashes {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
}

function windowHashes({ units, lineStarts }: Normalised): LineWindowHashes {
  const hiOut = new Uint32Array(lineStarts.length);
  const loOut = new Uint32Array(lineStarts.length);
  const lastStart = lineStarts[lineStarts.length - 1] ?? 0;
  let line = 0;
  let emitAt = (lineStarts[0] ?? 0) + WINDOW - 1;
  let hi = 0;
  let lo = 0;
  for (let j = 0; j <= lastStart + WINDOW - 1; j++) {
    const entering = units[j] ?? 0;
    const leaving = j >= WINDOW ? (units[j - WINDOW] ?? 0) : 0;
    // h = 37·h + entering − 37^100·leaving (mod 2^64), one 32-bit half at a time.
    const low = lo * MULTIPLIER + entering;
    const subtracted = LEAVING_LO * leaving;
    const newLo = (low >>> 0) - (subtracted >>> 0);
    const carry = Math.floor(low / TWO_32) - Math.floor(subtracted / TWO_32) - (newLo < 0 ? 1 : 0);
    hi = (Math.imul(hi, MULTIPLIER) - Math.imul(LEAVING_HI, leaving) + carry) >>> 0;
    lo = newLo >>> 0;
    // The line's hash is final once the 100 units starting at its first unit have entered the window.
    if (j === emitAt) {
      hiOut[line] = hi;
      loOut[line] = lo;
      line++;
      emitAt = (lineStarts[line] ?? -WINDOW) + WINDOW - 1;
    }
  }
  return { hi: hiOut, lo: loOut };
}

/**
 * How many times each line's hash has occurred up to and including that line. An open-addressing table
 * over the two halves: a Map keyed by strings dominated the run time on files with many short lines.
 */
function occurrenceCounts({ hi, lo }: LineWindowHashes): Uint32Array {
  const capacity = 2 ** Math.ceil(Math.log2(hi.length * 2 + 1));
  const mask = capacity - 1;
  const slotHi = new Uint32Array(capacity);
  const slotLo = new Uint32Array(capacity);
  const slotCount = new Uint32Array(capacity);
  const counts = new Uint32Array(hi.length);
  for (let i = 0; i < hi.length; i++) {
    const h = hi[i] ?? 0;
    const l = lo[i] ?? 0;
    let slot = (Math.imul(h ^ l, 0x9e3779b1) >>> 0) & mask;
    while (slotCount[slot] !== 0 && (slotHi[slot] !== h || slotLo[slot] !== l)) slot = (slot + 1) & mask;
    slotHi[slot] = h;
    slotLo[slot] = l;
    const count = (slotCount[slot] ?? 0) + 1;
    slotCount[slot] = count;
    counts[i] = count;
  }
  return counts;
}

let hexTables: { readonly padded: readonly string[]; readonly bare: readonly string[] } | undefined;

/** Lowercase hex without leading zeros, from 16-bit lookups: `Number#toString(16)` is slow in V8. */
function toHex(hi: number, lo: number): string {
  hexTables ??= {
    padded: Array.from({ length: 0x10000 }, (_, i) => i.toString(16).padStart(4, '0')),
    bare: Array.from({ length: 0x10000 }, (_, i) => i.toString(16)),
  };
  const { padded, bare } = hexTables;
  const chunks = [hi >>> 16, hi & 0xffff, lo >>> 16, lo & 0xffff];
  let first = 0;
  while (first < 3 && chunks[first] === 0) first++;
  let hex = bare[chunks[first] ?? 0] ?? '';
  for (let i = first + 1; i < 4; i++) hex += padded[chunks[i] ?? 0] ?? '';
  return hex;
}

/**
 * `primaryLocationLineHash` of every line of `text`: element `i` belongs to line `i + 1`.
 * `text` must be the file decoded as UTF-8 without stripping a byte-order mark, as the uploader reads it.
 * There is always one more line than there are line breaks (an empty text has one line).
 */
export function lineHashes(text: string): string[] {
  const hashes = windowHashes(normalise(text));
  const counts = occurrenceCounts(hashes);
  const result = new Array<string>(counts.length);
  for (let i = 0; i < counts.length; i++) {
    result[i] = `${toHex(hashes.hi[i] ?? 0, hashes.lo[i] ?? 0)}:${counts[i] ?? 0}`;
  }
  return result;
}

/**
 * The hash GitHub would give a result starting at `line` (1-based); a result without a line uses line 1,
 * as the uploader does. Undefined when the line is not in the file.
 */
export function lineHashAt(hashes: readonly string[], line: number | undefined): string | undefined {
  const effective = line ?? 1;
  if (!Number.isInteger(effective) || effective < 1) return undefined;
  return hashes[effective - 1];
}
