/** Finding invisible and reordering characters in text, without flagging their legitimate uses. */

export type HiddenKind = 'bidi' | 'zero-width' | 'invisible-text';

export interface HiddenRange {
  readonly kind: HiddenKind;
  readonly from: number;
  readonly to: number;
  /** One name per code point, or one name for the whole range (`group`). */
  readonly names?: readonly string[];
  readonly group?: string;
}

export interface Hit {
  /** Offset in UTF-16 code units. */
  readonly index: number;
  readonly codePoint: number;
  readonly range: HiddenRange;
}

const KINDS: readonly HiddenKind[] = ['bidi', 'zero-width', 'invisible-text'];
const BOM = 0xfeff;
const ZWJ = 0x200d;
/** Supplementary variation selectors: after an ideograph they select a glyph variant (an IVS). */
const VARIATION_SELECTORS = 0xe0100;
/** An emoji flag for a subdivision (England, Scotland, Wales): black flag, 2-7 tag letters or digits, cancel tag. */
const FLAG_SEQUENCE = '\\u{1F3F4}[\\u{E0030}-\\u{E0039}\\u{E0061}-\\u{E007A}]{2,7}\\u{E007F}';
const EMOJI_BEFORE_JOINER = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}]$/u;
const EMOJI = /^\p{Extended_Pictographic}$/u;
/** Letters and marks of scripts beyond Latin, where joiners and zero-width spaces are ordinary spelling. */
const JOINING_LETTER = /^[\p{L}\p{M}]$/u;
const IDEOGRAPH = /^\p{Ideographic}$/u;

function hex(text: string, where: string): number {
  if (!/^[0-9A-F]{4,6}$/.test(text))
    throw new Error(`${where}: "${text}" is not an upper-case hex code point`);
  return Number.parseInt(text, 16);
}

/** Reads the `hidden-characters` list of a check's data; throws on broken data, like `ruleFromMeta`. */
export function hiddenRanges(value: unknown, where: string): HiddenRange[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error(`${where} must be a list`);
  return value.map((item: unknown) => {
    const entry = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const kind = KINDS.find((known) => known === entry['kind']);
    const { from, to, names, group } = entry;
    if (kind === undefined || typeof from !== 'string' || typeof to !== 'string') {
      throw new Error(`${where} entries need a kind (${KINDS.join(', ')}), from and to`);
    }
    const range = { kind, from: hex(from, where), to: hex(to, where) };
    if (typeof group === 'string') return { ...range, group };
    const size = range.to - range.from + 1;
    if (!Array.isArray(names) || names.length !== size || !names.every((name) => typeof name === 'string')) {
      throw new Error(`${where}: ${from}-${to} needs a group or one name per code point`);
    }
    return { ...range, names };
  });
}

const codePointHex = (codePoint: number): string =>
  `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

export function describeHidden(codePoint: number, range: HiddenRange): string {
  if (range.group !== undefined)
    return `${codePointHex(range.from)}–${codePointHex(range.to)} ${range.group}`;
  return `${codePointHex(codePoint)} ${range.names?.[codePoint - range.from] ?? ''}`.trim();
}

function codePointBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return index < 1 ? '' : String.fromCodePoint(text.codePointAt(start) ?? 0);
}

function codePointAfter(text: string, index: number, width: number): string {
  const next = text.codePointAt(index + width);
  return next === undefined ? '' : String.fromCodePoint(next);
}

/** Joiners inside emoji sequences and zero-width characters between letters of non-Latin scripts. */
function isOrdinary(text: string, hit: Hit, width: number): boolean {
  if (hit.codePoint === BOM) return hit.index === 0;
  const before = codePointBefore(text, hit.index);
  if (hit.range.kind === 'invisible-text')
    return hit.codePoint >= VARIATION_SELECTORS && IDEOGRAPH.test(before);
  if (hit.range.kind !== 'zero-width') return false;
  const after = codePointAfter(text, hit.index, width);
  if (hit.codePoint === ZWJ && EMOJI_BEFORE_JOINER.test(before) && EMOJI.test(after)) return true;
  const scriptLetter = (char: string) => JOINING_LETTER.test(char) && (char.codePointAt(0) ?? 0) >= 0x370;
  return scriptLetter(before) && scriptLetter(after);
}

export function hiddenScanner(ranges: readonly HiddenRange[]): (text: string) => Hit[] {
  const hexEscape = (codePoint: number) => `\\u{${codePoint.toString(16)}}`;
  const characterClass = ranges.map((range) => `${hexEscape(range.from)}-${hexEscape(range.to)}`).join('');
  const pattern = new RegExp(`(${FLAG_SEQUENCE})|[${characterClass}]`, 'gu');
  return (text) => {
    const hits: Hit[] = [];
    for (const match of text.matchAll(pattern)) {
      if (match[1] !== undefined) continue;
      const codePoint = match[0].codePointAt(0) ?? 0;
      const range = ranges.find((candidate) => codePoint >= candidate.from && codePoint <= candidate.to);
      if (range === undefined) continue;
      const hit = { index: match.index, codePoint, range };
      if (!isOrdinary(text, hit, match[0].length)) hits.push(hit);
    }
    return hits;
  };
}
