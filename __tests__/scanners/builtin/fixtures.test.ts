import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CHECKS } from '../../../src/scanners/builtin/checks/index.js';
import { fixtureDir, loadFixtures } from './fixture-runner.js';

describe('every builtin check', () => {
  it.each(ALL_CHECKS.map((check) => [check.id]))(
    '%s has annotated fixtures and a test that runs them through the fixture runner',
    (id) => {
      expect(loadFixtures(fixtureDir(id)).length).toBeGreaterThan(0);
      const test = join(import.meta.dirname, `${id}.test.ts`);
      expect(existsSync(test)).toBe(true);
      expect(readFileSync(test, 'utf8')).toContain('describeFixtures(');
    },
  );
});
