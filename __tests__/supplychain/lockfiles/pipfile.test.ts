import { describe, expect, it } from '@jest/globals';
import { component, parseWith } from './fixture.js';
import { pipfileLockfile } from '../../../src/supplychain/lockfiles/pipfile.js';

const parseFixture = parseWith(pipfileLockfile);

describe('pipfileLockfile', () => {
  it('claims Pipfile.lock only', () => {
    expect(pipfileLockfile.matches('api/Pipfile.lock')).toBe(true);
    expect(pipfileLockfile.matches('Pipfile')).toBe(false);
  });

  describe('pipenv lock output', () => {
    const path = 'pipfile/app/Pipfile.lock';
    const result = parseFixture(path);

    it('reads default as required and develop as dev', () => {
      expect(result.problems).toEqual([]);
      expect(result.components).toHaveLength(9);
      expect(result.components.filter((c) => c.scope === 'required').map((c) => c.name)).toEqual([
        'attrs',
        'click',
        'python-dateutil',
        'tzdata',
      ]);
      expect(component(result, 'pkg:pypi/pytest@9.2.0').scope).toBe('dev');
    });

    it('strips == from the version, keeps hashes and finds the entry line', () => {
      expect(component(result, 'pkg:pypi/attrs@26.1.0')).toEqual({
        ecosystem: 'pypi',
        name: 'attrs',
        version: '26.1.0',
        purl: 'pkg:pypi/attrs@26.1.0',
        scope: 'required',
        hashes: [
          { alg: 'SHA-256', content: 'c647aa4a12dfbad9333ca4e71fe62ddc36f4e63b2d260a37a8b83d2f043ac309' },
          { alg: 'SHA-256', content: 'd03ceb89cb322a8fd706d4fb91940737b6642aa36998fe130a9bc96c985eff32' },
        ],
        dependsOn: [],
        source: { path, line: 19 },
      });
      expect(component(result, 'pkg:pypi/pytest@9.2.0').source.line).toBe(87);
    });

    it('takes direct dependencies from the Pipfile, markers and all', () => {
      expect(result.direct).toEqual([
        'pkg:pypi/attrs@26.1.0',
        'pkg:pypi/click@8.5.1',
        'pkg:pypi/python-dateutil@4.0.0',
        'pkg:pypi/pytest@9.2.0',
      ]);
    });
  });

  describe('git, path and custom categories', () => {
    const result = parseFixture('pipfile/vcs-and-categories/Pipfile.lock');

    it('skips entries without a version and keeps the stronger scope of a package in two sections', () => {
      expect(result.problems).toEqual([]);
      expect(result.components.map((c) => [c.purl, c.scope])).toEqual([
        ['pkg:pypi/six@1.16.0', 'required'],
        ['pkg:pypi/toml@0.10.2', 'optional'],
      ]);
      expect(result.direct).toEqual(['pkg:pypi/six@1.16.0', 'pkg:pypi/toml@0.10.2']);
    });
  });

  describe('malformed input', () => {
    it('reports invalid JSON at its line', () => {
      const result = parseFixture('pipfile/malformed/Pipfile.lock');
      expect(result.components).toEqual([]);
      expect(result.problems).toEqual([
        expect.objectContaining({ path: 'pipfile/malformed/Pipfile.lock', line: 15 }),
      ]);
    });

    it('reports an unpinned or malformed entry and keeps the rest', () => {
      const text = JSON.stringify(
        { default: { a: { version: '==1' }, b: { version: '>=2' }, c: 'x' } },
        null,
        4,
      );
      const result = pipfileLockfile.parse('Pipfile.lock', text, () => undefined);
      expect(result.components.map((c) => c.purl)).toEqual(['pkg:pypi/a@1']);
      expect(result.problems.map((p) => p.line)).toEqual([6, 9]);
    });

    it.each([
      ['binary', '\u0000\u0001'],
      ['an array', '[1, 2]'],
      ['truncated', '{"default": {"a": {"version": "==1"'],
      ['sections of the wrong type', '{"default": [], "develop": "x", "_meta": 1}'],
      [
        'prototype keys',
        '{"__proto__": {"a": {"version": "==1"}}, "default": {"constructor": {"version": "==1"}}}',
      ],
      ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ])('does not throw on %s', (_label, text) => {
      expect(() => pipfileLockfile.parse('Pipfile.lock', text, () => undefined)).not.toThrow();
    });
  });
});
