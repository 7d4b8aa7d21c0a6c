import { describe, expect, it } from '@jest/globals';
import { filesOfShard, parseShard } from '../../src/core/shard.js';

const FILES = Array.from({ length: 200 }, (_, i) => `src/m${String(i).padStart(3, '0')}.py`);
const size = (path: string): number => 100 + ((Number(path.slice(5, 8)) * 7919) % 5000);

describe('filesOfShard', () => {
  it('puts every file in exactly one shard, the same way every time', () => {
    const shards = [1, 2, 3, 4].map((index) => filesOfShard(FILES, size, { index, count: 4 }));
    expect(shards.flat().sort()).toEqual(FILES);
    expect(new Set(shards.flat()).size).toBe(FILES.length);
    expect(filesOfShard([...FILES].reverse(), size, { index: 2, count: 4 })).toEqual(shards[1]);
  });

  it('balances the shards by bytes, not by file count', () => {
    const files = ['big.bin', ...FILES.slice(0, 9)];
    const sizes = (path: string) => (path === 'big.bin' ? 9000 : 1000);
    const [first, second] = [1, 2].map((index) => filesOfShard(files, sizes, { index, count: 2 }));
    expect(first).toEqual(['big.bin']);
    expect(second).toHaveLength(9);
    const loads = [1, 2, 3, 4].map((index) =>
      filesOfShard(FILES, size, { index, count: 4 }).reduce((sum, path) => sum + size(path), 0),
    );
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(5100);
  });

  it('leaves a shard empty when there are fewer files than shards', () => {
    expect(filesOfShard(['a.py'], () => 10, { index: 2, count: 2 })).toEqual([]);
  });
});

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/4', '--shard')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ', 'shard')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/4', '5/4', '2', '2/0', 'a/b', '1/300', '-1/2'])('refuses %s, quoting it', (text) => {
    expect(() => parseShard(text, '--shard')).toThrow(
      `--shard must be i/n with 1 ≤ i ≤ n ≤ 256 (e.g. 2/4), got "${text}"`,
    );
  });
});
