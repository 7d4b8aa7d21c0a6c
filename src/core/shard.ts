import { ConfigError } from './errors.js';

/** One of `count` parts of a repository's files, `index` counted from 1 (`shard: 2/4`). */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

export const MAX_SHARDS = 256;

/** `i/n` with 1 ≤ i ≤ n ≤ 256; anything else is a ConfigError that quotes what was given. */
export function parseShard(text: string, where: string): ShardSpec {
  const match = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count || count > MAX_SHARDS) {
    throw new ConfigError(
      'INVALID_ARGUMENT',
      `${where} must be i/n with 1 ≤ i ≤ n ≤ ${MAX_SHARDS} (e.g. 2/4), got "${text}"`,
    );
  }
  return { index, count };
}

/**
 * The files of one shard: every file goes to exactly one shard, largest first to the shard with the
 * fewest bytes so far (ties: the lower index), so shards carry about the same bytes. It depends only on
 * the file list and sizes, so every job of a matrix that discovered the same tree gets the same split.
 */
export function filesOfShard(
  files: readonly string[],
  sizeOf: (path: string) => number,
  shard: ShardSpec,
): string[] {
  const loads = Array.from({ length: shard.count }, () => 0);
  const ordered = [...files].sort((a, b) => sizeOf(b) - sizeOf(a) || (a < b ? -1 : a > b ? 1 : 0));
  const mine: string[] = [];
  for (const path of ordered) {
    let lightest = 0;
    for (let candidate = 1; candidate < loads.length; candidate += 1)
      if ((loads[candidate] ?? 0) < (loads[lightest] ?? 0)) lightest = candidate;
    loads[lightest] = (loads[lightest] ?? 0) + Math.max(1, sizeOf(path));
    if (lightest === shard.index - 1) mine.push(path);
  }
  return mine.sort();
}
