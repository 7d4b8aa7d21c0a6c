import type { LockfileParser } from '../component.js';
import { collectSafely } from './npm-collect.js';
import { readYarnBerry } from './yarn-berry.js';
import { readYarnV1 } from './yarn-v1.js';

/**
 * yarn.lock, classic (v1, its own syntax) and Berry (v2+, YAML with `__metadata`). Berry always writes
 * `__metadata` as a top-level key; classic never does (https://yarnpkg.com/advanced/lockfile).
 */
export const yarnLockfile: LockfileParser = {
  id: 'yarn',
  matches: (path) => /(?:^|\/)yarn\.lock$/.test(path),
  parse: (path, text, readSibling) =>
    collectSafely(path, (collector) => {
      if (/^__metadata:/m.test(text)) readYarnBerry(text, readSibling, collector);
      else readYarnV1(text, readSibling, collector);
    }),
};
