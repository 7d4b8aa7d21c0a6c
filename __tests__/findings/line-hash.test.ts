import { describe, expect, it } from '@jest/globals';
import { lineHashAt, lineHashes } from '../../src/findings/line-hash.js';

// Test vectors from shared FACTS.md (GitHub's uploader, github/codeql-action src/fingerprints.test.ts).
const VECTORS: readonly (readonly [string, readonly string[]])[] = [
  ['', ['c129715d7a2bc9a3:1']],
  [
    ' a\nb\n  \t\tc\n d',
    ['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1'],
  ],
  [
    ' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n',
    [
      'e9496ae3ebfced30:1',
      'fb7c023a8b9ccb3f:1',
      'ce8ba1a563dcdaca:1',
      'e20e36e16fcb0cc8:1',
      'b3edc88f2938467e:1',
      'c8e28b0b4002a3a0:1',
      'c129715d7a2bc9a3:1',
    ],
  ],
];

/** Straightforward BigInt port of the uploader's streaming algorithm, to cross-check the fast version. */
function referenceHashes(text: string): string[] {
  const mask = 2n ** 64n - 1n;
  const leavingWeight = (37n ** 100n) & mask;
  const window = new Array<number>(100).fill(0);
  const lineAt = new Array<number>(100).fill(-1);
  const seen = new Map<string, number>();
  const out: string[] = [];
  let hash = 0n;
  let index = 0;
  let atLineStart = true;
  let previousWasCR = false;
  const emit = (): void => {
    const hex = hash.toString(16);
    const count = (seen.get(hex) ?? 0) + 1;
    seen.set(hex, count);
    out.push(`${hex}:${count}`);
    lineAt[index] = -1;
  };
  const update = (unit: number): void => {
    const leaving = window[index] ?? 0;
    window[index] = unit;
    hash = (37n * hash + BigInt(unit) - leavingWeight * BigInt(leaving)) & mask;
    index = (index + 1) % 100;
  };
  const feed = (raw: number): void => {
    if (raw === 0x20 || raw === 0x09 || (previousWasCR && raw === 0x0a)) {
      previousWasCR = false;
      return;
    }
    previousWasCR = raw === 0x0d;
    const unit = previousWasCR ? 0x0a : raw;
    if (lineAt[index] !== -1) emit();
    if (atLineStart) lineAt[index] = out.length;
    atLineStart = unit === 0x0a;
    update(unit);
  };
  for (let i = 0; i < text.length; i++) feed(text.charCodeAt(i));
  feed(0xffff);
  for (let i = 0; i < 100; i++) {
    if (lineAt[index] !== -1) emit();
    update(0);
  }
  return out;
}

describe('lineHashes', () => {
  it.each(VECTORS)('matches GitHub for %j', (text, expected) => {
    expect(lineHashes(text)).toEqual(expected);
  });

  it.each(VECTORS)('gives the same hashes with \\r line ends for %j', (text, expected) => {
    expect(lineHashes(text.replaceAll('\n', '\r'))).toEqual(expected);
  });

  it.each(VECTORS)('gives the same hashes with \\r\\n line ends for %j', (text, expected) => {
    expect(lineHashes(text.replaceAll('\n', '\r\n'))).toEqual(expected);
  });

  it('numbers occurrences of identical windows in file order', () => {
    // Each line's window covers the 100 kept units from its start, so two lines whose next 100 units
    // are identical share a hash.
    const text = `${'b'.repeat(120)}\n`.repeat(3);
    const hashes = lineHashes(text);
    expect(hashes[0]).toMatch(/:1$/);
    expect(hashes[1]).toEqual(hashes[0]?.replace(/:1$/, ':2'));
    expect(hashes[2]).toEqual(hashes[0]?.replace(/:1$/, ':3'));
  });

  it('hashes lines longer than the window only by their first 100 kept units', () => {
    const a = lineHashes(`${'z'.repeat(100)}tail-one\n`)[0];
    const b = lineHashes(`${'z'.repeat(100)}different\nmore`)[0];
    expect(a).toEqual(b);
  });

  it('treats a space or tab between \\r and \\n as the uploader does (two line breaks)', () => {
    expect(lineHashes('a\r \nb')).toHaveLength(3);
    expect(lineHashes('a\r \nb')).toEqual(referenceHashes('a\r \nb'));
  });

  it('agrees with a BigInt reference on mixed content, astral characters and the 0xFFFF code unit', () => {
    const alphabet = ['a', 'Z', ' ', '\t', '\r', '\n', '\r\n', '{', 'é', '😀', '\uffff', '\u0000'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let sample = 0; sample < 200; sample++) {
      const length = next() % 400;
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length] ?? '';
      expect(lineHashes(text)).toEqual(referenceHashes(text));
    }
  });

  it('handles a multi-megabyte file with many short lines', () => {
    const text = 'let a = 1;\n'.repeat(200_000);
    const hashes = lineHashes(text);
    expect(hashes).toHaveLength(200_001);
    expect(hashes.slice(-3)).toEqual(referenceHashes('let a = 1;\n'.repeat(20)).slice(-3));
  });
});

describe('lineHashAt', () => {
  const hashes = lineHashes('one\ntwo\nthree');

  it('returns the hash of a 1-based line', () => {
    expect(lineHashAt(hashes, 2)).toEqual(hashes[1]);
  });

  it('uses line 1 for a result without a line, as the uploader does for whole-file results', () => {
    expect(lineHashAt(hashes, undefined)).toEqual(hashes[0]);
  });

  it('returns undefined outside the file or for a non-integer line', () => {
    expect(lineHashAt(hashes, 0)).toBeUndefined();
    expect(lineHashAt(hashes, 4)).toBeUndefined();
    expect(lineHashAt(hashes, 1.5)).toBeUndefined();
  });
});
