import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Component, LockfileResult } from '../../../src/supplychain/component.js';
import { poetryLockfile } from '../../../src/supplychain/lockfiles/poetry.js';

const ROOT = '__fixtures__/supplychain/lockfiles';

function readSibling(path: string): string | undefined {
  const file = join(ROOT, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function parseFixture(path: string, read = readSibling): LockfileResult {
  return poetryLockfile.parse(path, readSibling(path) ?? '', read);
}

function component(result: LockfileResult, purl: string): Component {
  const found = result.components.find((c) => c.purl === purl);
  if (!found) throw new Error(`no component ${purl} in ${result.components.map((c) => c.purl).join(', ')}`);
  return found;
}

const scopes = (result: LockfileResult): Record<string, string> =>
  Object.fromEntries(result.components.map((c) => [c.name, c.scope]));

/** The same project locked by Poetry 1.4 (category), 1.8 (neither) and 2.5 (groups). */
const EXPECTED_SCOPES = {
  attrs: 'required',
  click: 'required',
  colorama: 'dev',
  iniconfig: 'dev',
  packaging: 'dev',
  pluggy: 'dev',
  pygments: 'dev',
  pytest: 'dev',
  'python-dateutil': 'required',
  tomli: 'optional',
  tzdata: 'required',
};

describe('poetryLockfile', () => {
  it('claims poetry.lock only', () => {
    expect(poetryLockfile.matches('svc/poetry.lock')).toBe(true);
    expect(poetryLockfile.matches('pyproject.toml')).toBe(false);
  });

  describe.each([
    ['v2.1-groups', 3],
    ['v2.0-category', 3],
    ['v2.0-no-category', 3],
  ])('%s', (version, attrsLine) => {
    const path = `poetry/${version}/poetry.lock`;
    const result = parseFixture(path);

    it('reads all 11 packages with scopes from groups, category or pyproject', () => {
      expect(result.problems).toEqual([]);
      expect(result.components).toHaveLength(11);
      expect(scopes(result)).toEqual(EXPECTED_SCOPES);
    });

    it('keeps file hashes, edges and lines', () => {
      expect(component(result, 'pkg:pypi/attrs@26.1.0')).toMatchObject({
        hashes: [
          { alg: 'SHA-256', content: 'c647aa4a12dfbad9333ca4e71fe62ddc36f4e63b2d260a37a8b83d2f043ac309' },
          { alg: 'SHA-256', content: 'd03ceb89cb322a8fd706d4fb91940737b6642aa36998fe130a9bc96c985eff32' },
        ],
        source: { path, line: attrsLine },
      });
      expect(component(result, 'pkg:pypi/pytest@9.2.0').dependsOn).toEqual([
        'pkg:pypi/colorama@0.4.6',
        'pkg:pypi/iniconfig@2.3.1',
        'pkg:pypi/packaging@26.3',
        'pkg:pypi/pluggy@1.7.0',
        'pkg:pypi/pygments@2.21.0',
      ]);
      expect(component(result, 'pkg:pypi/python-dateutil@4.0.0').dependsOn).toEqual([
        'pkg:pypi/tzdata@2026.6',
      ]);
    });

    it('takes direct dependencies from pyproject.toml', () => {
      expect([...result.direct].sort()).toEqual([
        'pkg:pypi/attrs@26.1.0',
        'pkg:pypi/click@8.5.1',
        'pkg:pypi/pytest@9.2.0',
        'pkg:pypi/python-dateutil@4.0.0',
        'pkg:pypi/tomli@2.5.0',
      ]);
    });
  });

  it('walks scope from pyproject only when the lock has no category or groups', () => {
    const withoutPyproject = parseFixture('poetry/v2.0-no-category/poetry.lock', () => undefined);
    expect(withoutPyproject.direct).toEqual([]);
    expect(scopes(withoutPyproject).pytest).toBe('required');
    expect(scopes(withoutPyproject).tomli).toBe('optional');
    const grouped = parseFixture('poetry/v2.1-groups/poetry.lock', () => undefined);
    expect(scopes(grouped)).toEqual(EXPECTED_SCOPES);
  });

  describe('lock-version 1.1', () => {
    const result = parseFixture('poetry/v1.1-metadata-files/poetry.lock');

    it('reads hashes from [metadata.files] and skips directory sources', () => {
      expect(result.components).toHaveLength(5);
      expect(result.components.some((c) => c.name === 'local-tools')).toBe(false);
      expect(component(result, 'pkg:pypi/six@1.16.0')).toMatchObject({
        scope: 'required',
        hashes: [
          { alg: 'SHA-256', content: '8abb2f1d86890a2dfb989f9a77cfcfd3e47c2a354b01111771326f8aa26e0254' },
          { alg: 'SHA-256', content: '1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c926' },
        ],
        source: { line: 54 },
      });
      expect(component(result, 'pkg:pypi/toml@0.10.2').scope).toBe('optional');
      expect(component(result, 'pkg:pypi/iniconfig@1.1.1').scope).toBe('dev');
    });

    it('keeps a git source with its resolved commit as vcs_url', () => {
      const purl =
        'pkg:pypi/demo-lib@0.3.0?vcs_url=git%2Bhttps%3A%2F%2Fgithub.com%2Fexample%2Fdemo-lib.git%409f1c2d0b5e7a4c3b8d6e2f1a0b9c8d7e6f5a4b3c';
      expect(component(result, purl)).toMatchObject({ hashes: [], dependsOn: ['pkg:pypi/six@1.16.0'] });
      expect(result.direct).toContain(purl);
    });
  });

  describe('malformed input', () => {
    it('reports a merge conflict at its line', () => {
      const result = parseFixture('poetry/malformed/poetry.lock');
      expect(result.components).toEqual([]);
      expect(result.problems).toEqual([
        expect.objectContaining({ path: 'poetry/malformed/poetry.lock', line: 12 }),
      ]);
    });

    it('keeps readable packages when one entry has the wrong shape', () => {
      const text =
        '[[package]]\nname = "a"\nversion = "1"\n\n[[package]]\nname = 7\n\n[[package]]\nname = "b"\nversion = "2"\n';
      const result = poetryLockfile.parse('poetry.lock', text, () => undefined);
      expect(result.components.map((c) => c.purl)).toEqual(['pkg:pypi/a@1', 'pkg:pypi/b@2']);
      expect(result.problems).toEqual([
        { path: 'poetry.lock', line: 5, message: '[[package]] without a string name and version' },
      ]);
    });

    it('reports a broken pyproject.toml beside a good lock', () => {
      const read = (p: string): string | undefined => (p === 'pyproject.toml' ? '[project\n' : undefined);
      const result = poetryLockfile.parse('poetry.lock', '[[package]]\nname = "a"\nversion = "1"\n', read);
      expect(result.components).toHaveLength(1);
      expect(result.problems).toEqual([expect.objectContaining({ path: 'pyproject.toml', line: 1 })]);
    });

    it.each([
      ['binary', '\u0000\u0001\u0002'],
      ['package as a string', 'package = "x"'],
      ['dependencies as a list', '[[package]]\nname = "a"\nversion = "1"\ndependencies = [1]\nfiles = "x"'],
      ['prototype keys', '[[package]]\nname = "__proto__"\nversion = "1"\n[metadata.files]\nconstructor = 1'],
      ['deep nesting', `x = ${'['.repeat(5000)}${']'.repeat(5000)}`],
    ])('does not throw on %s', (_label, text) => {
      expect(() => poetryLockfile.parse('poetry.lock', text, () => undefined)).not.toThrow();
    });
  });
});
