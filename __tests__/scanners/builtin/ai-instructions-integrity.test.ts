import { describe, expect, it } from '@jest/globals';
import { aiInstructionsIntegrity } from '../../../src/scanners/builtin/checks/ai-instructions-integrity.js';
import { hiddenRanges } from '../../../src/scanners/builtin/hidden-unicode.js';
import { describeFixtures } from './fixture-runner.js';

const run = (text: string, path = 'notes.txt') => aiInstructionsIntegrity.run({ path, text });
const HIDDEN: readonly (readonly [number, number])[] = [
  [0x202a, 0x202e],
  [0x2066, 0x2069],
  [0x200b, 0x200d],
  [0x2060, 0x2060],
  [0xfeff, 0xfeff],
  [0xe0000, 0xe007f],
  [0xe0100, 0xe01ef],
];
const isHidden = (char: string | undefined): boolean => {
  const codePoint = char?.codePointAt(0) ?? -1;
  return HIDDEN.some(([from, to]) => codePoint >= from && codePoint <= to);
};

describeFixtures(aiInstructionsIntegrity, {
  minChecked: 6,
  minFlagged: 10,
  region: (covered, detection) => {
    // The region starts and ends on a hidden character, and the message never repeats the line's text.
    const chars = Array.from(covered);
    expect(isHidden(chars[0])).toBe(true);
    expect(isHidden(chars.at(-1))).toBe(true);
    expect(detection.message).toMatch(
      /^Hidden Unicode: \d+ hidden characters? on this line \(U\+[0-9A-F]{4,5}/,
    );
    expect(Array.from(detection.message).some(isHidden)).toBe(false);
    expect(detection.evidence).toBeUndefined();
  },
});

describe('ai-instructions-integrity messages and positions', () => {
  it('names each character by code point with a count, one finding per line', () => {
    const { detections } = run('ok\nx\u202Ey\u202E\u2066z\n');
    expect(detections).toHaveLength(1);
    expect(detections[0]?.message).toContain(
      '3 hidden characters on this line (U+202E RIGHT-TO-LEFT OVERRIDE ×2, U+2066 LEFT-TO-RIGHT ISOLATE ×1)',
    );
    expect(detections[0]?.message).toContain('Trojan Source');
    expect(detections[0]?.location.region).toEqual({
      startLine: 2,
      startColumn: 2,
      endLine: 2,
      endColumn: 6,
    });
  });

  it('counts columns in UTF-16 code units and covers a whole astral tag character', () => {
    const text = `😀 a\u{E0041}\u{E0042}\n`;
    const region = run(text).detections[0]?.location.region;
    expect(region).toEqual({ startLine: 1, startColumn: 5, endLine: 1, endColumn: 9 });
    expect(run(text).detections[0]?.message).toContain('U+E0000–U+E007F TAG characters ×2');
  });

  it('says so when the file is an AI assistant instruction file', () => {
    expect(run('a\u200Bb\n', 'AGENTS.md').detections[0]?.message).toContain('AI assistant instruction file');
    expect(run('a\u200Bb\n', 'README.md').detections[0]?.message).not.toContain('instruction file');
  });

  it('accepts ordinary uses of joiners and tags', () => {
    for (const text of [
      '\uFEFFstarts with a byte order mark\n',
      '👩\u200D💻 and 👩🏽\u200D💻 and ❤️\u200D🔥\n',
      'नमस्\u200Dते\n',
      '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}\n',
      '\u845B\u{E0100}\n',
    ]) {
      expect(run(text).detections).toEqual([]);
    }
  });

  it('is fast and bounded on a huge line full of hidden characters', () => {
    const { detections } = run(`${'a\u200B'.repeat(200_000)}\n`);
    expect(detections).toHaveLength(1);
    expect(detections[0]?.message).toContain('200000 hidden characters');
  });
});

describe('ai-instructions-integrity scope and data', () => {
  it.each([
    ['README.md', true],
    ['src/a.ts', true],
    ['Makefile', true],
    ['.env', true],
    ['img/logo.PNG', false],
    ['dist/app.min.js', false],
    ['dist/app.js.map', false],
  ])('applies to %s: %s', (path, expected) => {
    expect(aiInstructionsIntegrity.appliesTo(path)).toBe(expected);
  });

  it('rejects broken character data', () => {
    expect(() => hiddenRanges([{ kind: 'bidi', from: '202a', to: '202A', names: ['x'] }], 'd')).toThrow(
      /hex/,
    );
    expect(() => hiddenRanges([{ kind: 'bidi', from: '202A', to: '202B', names: ['x'] }], 'd')).toThrow(
      /one name/,
    );
    expect(() => hiddenRanges([{ kind: 'other', from: '202A', to: '202A' }], 'd')).toThrow(/kind/);
    expect(() => hiddenRanges([], 'd')).toThrow(/list/);
  });

  it('is high severity with CWE-1007', () => {
    expect(aiInstructionsIntegrity.rule).toMatchObject({ severity: 'high', cwe: ['CWE-1007', 'CWE-451'] });
  });
});
