import { describe, expect, it } from '@jest/globals';
import { collectLockfiles } from '../../src/supplychain/collect.js';
import type { LockfileParser, LockfileResult } from '../../src/supplychain/component.js';

const ok: LockfileResult = { components: [], direct: ['pkg:npm/a@1.0.0'], problems: [] };

function parser(id: string, suffix: string, parse: LockfileParser['parse']): LockfileParser {
  return { id, matches: (path) => path.endsWith(suffix), parse };
}

const files: Record<string, string> = {
  'b/package-lock.json': '{}',
  'a/package-lock.json': '{}',
  'requirements.txt': 'a==1',
  'package.json': '{"name":"x"}',
};
const read = (path: string): string | undefined => files[path];

describe('collectLockfiles', () => {
  it('runs every parser that claims a file, in path order, passing it a reader for siblings', () => {
    const siblings: (string | undefined)[] = [];
    const npm = parser('npm', 'package-lock.json', (_path, _text, readSibling) => {
      siblings.push(readSibling('package.json'));
      return ok;
    });
    const collected = collectLockfiles(Object.keys(files), read, [npm, parser('pip', '.txt', () => ok)]);
    expect(collected.map(({ path, parser: id }) => [path, id])).toEqual([
      ['a/package-lock.json', 'npm'],
      ['b/package-lock.json', 'npm'],
      ['requirements.txt', 'pip'],
    ]);
    expect(collected[0]?.result).toBe(ok);
    expect(siblings).toEqual(['{"name":"x"}', '{"name":"x"}']);
  });

  it('turns a parser that throws into a problem on that file, and goes on', () => {
    const throwing = parser('broken', '.txt', () => {
      throw new Error('unexpected token');
    });
    const collected = collectLockfiles(Object.keys(files), read, [
      throwing,
      parser('npm', 'package-lock.json', () => ok),
    ]);
    expect(collected).toHaveLength(3);
    expect(collected.find(({ path }) => path === 'requirements.txt')?.result).toEqual({
      components: [],
      direct: [],
      problems: [
        {
          path: 'requirements.txt',
          message: 'the broken parser failed on requirements.txt: unexpected token',
        },
      ],
    });
  });

  it('survives a thrown non-Error, a throwing matcher and an unreadable file', () => {
    const strange: LockfileParser = {
      id: 'strange',
      matches: (path) => {
        if (path === 'package.json') throw new Error('matcher bug');
        return path === 'requirements.txt' || path === 'gone.lock';
      },
      parse: () => {
        throw 'a string'; // eslint-disable-line @typescript-eslint/only-throw-error -- what a careless parser might do
      },
    };
    const collected = collectLockfiles([...Object.keys(files), 'gone.lock'], read, [strange]);
    expect(collected.map(({ result }) => result.problems[0]?.message)).toEqual([
      'gone.lock could not be read',
      'the strange parser failed on requirements.txt: a string',
    ]);
  });
});
