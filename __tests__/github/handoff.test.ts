import { describe, expect, it } from '@jest/globals';
import { MAX_COMMENT_CHARS, parseHandoff } from '../../src/github/handoff.js';
import { COMMENT_MARKER } from '../../src/github/sticky-comment.js';

const GOOD = { number: 7, headSha: 'a'.repeat(40), comment: `${COMMENT_MARKER}\n## Vouch: PASS\n` };
const parse = (value: unknown) => parseHandoff('art/pull-request.json', JSON.stringify(value));

describe('parseHandoff: an artifact written by a fork is checked field by field', () => {
  it('accepts what the action writes', () => {
    expect(parse(GOOD)).toEqual(GOOD);
  });

  it.each([
    ['a number that is not one', { ...GOOD, number: '7' }, /"number" must be a pull request number/],
    ['a negative number', { ...GOOD, number: -1 }, /"number"/],
    ['a fractional number', { ...GOOD, number: 7.5 }, /"number"/],
    ['a short sha', { ...GOOD, headSha: 'abc' }, /"headSha" must be a 40-character/],
    ['a comment Vouch did not render', { ...GOOD, comment: '## PASS' }, /starts with its marker/],
    [
      'a comment over GitHub’s limit',
      { ...GOOD, comment: `${COMMENT_MARKER}${'x'.repeat(MAX_COMMENT_CHARS)}` },
      /GitHub takes at most 65536/,
    ],
    ['an array', [GOOD], /expected an object/],
  ])('refuses %s, naming the file', (_, value, message) => {
    expect(() => parse(value)).toThrow(message);
    expect(() => parse(value)).toThrow(/^art\/pull-request\.json: /);
  });

  it('says when the file is not JSON', () => {
    expect(() => parseHandoff('art/pull-request.json', '{')).toThrow(/art\/pull-request\.json: not JSON/);
  });
});
