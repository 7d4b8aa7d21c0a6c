import { describe, expect, it } from '@jest/globals';
import { component, parseWith } from './fixture.js';
import { uvLockfile } from '../../../src/supplychain/lockfiles/uv.js';

const parseFixture = parseWith(uvLockfile);

const DEMO_SDK =
  'pkg:pypi/demo-sdk@1.2.0?vcs_url=git%2Bhttps%3A%2F%2Fgithub.com%2Fexample%2Fdemo-sdk%404b825dc642cb6eb9a060e54bf8d69288fbee4904';
const RUFF_SHIM =
  'pkg:pypi/ruff-shim@0.4.0?download_url=https%3A%2F%2Fexample.com%2Fdist%2Fruff_shim-0.4.0-py3-none-any.whl';

describe('uvLockfile', () => {
  it('claims uv.lock only', () => {
    expect(uvLockfile.matches('uv.lock')).toBe(true);
    expect(uvLockfile.matches('poetry.lock')).toBe(false);
  });

  describe('uv lock of an application', () => {
    const path = 'uv/app/uv.lock';
    const result = parseFixture(path);

    it('skips the editable project and scopes from its dependencies, extras and dev group', () => {
      expect(result.problems).toEqual([]);
      expect(result.components).toHaveLength(11);
      expect(result.components.some((c) => c.name === 'demo-app')).toBe(false);
      expect(Object.fromEntries(result.components.map((c) => [c.name, c.scope]))).toEqual({
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
      });
    });

    it('keeps sdist and wheel hashes, edges and lines', () => {
      expect(component(result, 'pkg:pypi/attrs@26.1.0')).toEqual({
        ecosystem: 'pypi',
        name: 'attrs',
        version: '26.1.0',
        purl: 'pkg:pypi/attrs@26.1.0',
        scope: 'required',
        hashes: [
          { alg: 'SHA-256', content: 'd03ceb89cb322a8fd706d4fb91940737b6642aa36998fe130a9bc96c985eff32' },
          { alg: 'SHA-256', content: 'c647aa4a12dfbad9333ca4e71fe62ddc36f4e63b2d260a37a8b83d2f043ac309' },
        ],
        dependsOn: [],
        source: { path, line: 5 },
      });
      expect(component(result, 'pkg:pypi/tomli@2.5.0').hashes).toHaveLength(65);
      expect(component(result, 'pkg:pypi/pytest@9.2.0')).toMatchObject({
        dependsOn: [
          'pkg:pypi/colorama@0.4.6',
          'pkg:pypi/iniconfig@2.3.1',
          'pkg:pypi/packaging@26.3',
          'pkg:pypi/pluggy@1.7.0',
          'pkg:pypi/pygments@2.21.0',
        ],
        source: { line: 100 },
      });
    });

    it('reads direct dependencies from the project package', () => {
      expect(result.direct).toEqual([
        'pkg:pypi/attrs@26.1.0',
        'pkg:pypi/click@8.5.1',
        'pkg:pypi/python-dateutil@4.0.0',
        'pkg:pypi/tomli@2.5.0',
        'pkg:pypi/pytest@9.2.0',
      ]);
    });
  });

  describe('workspace with git, url and path sources', () => {
    const result = parseFixture('uv/workspace/uv.lock');

    it('skips virtual and editable members and path sources, keeps git and url ones with qualifiers', () => {
      expect(result.problems).toEqual([]);
      expect(result.components.map((c) => c.purl)).toEqual([
        DEMO_SDK,
        'pkg:pypi/idna@3.6',
        'pkg:pypi/idna@3.7',
        'pkg:pypi/pysocks@1.7.1',
        RUFF_SHIM,
      ]);
    });

    it('resolves same-name dependencies by version and follows enabled extras', () => {
      expect(result.direct).toEqual([DEMO_SDK, 'pkg:pypi/idna@3.6', 'pkg:pypi/idna@3.7', RUFF_SHIM]);
      expect(component(result, DEMO_SDK).dependsOn).toEqual(['pkg:pypi/pysocks@1.7.1']);
      expect(component(result, 'pkg:pypi/pysocks@1.7.1').scope).toBe('required');
      expect(component(result, RUFF_SHIM).scope).toBe('dev');
    });
  });

  it('gives a package reached from both the dev group and the main dependencies the required scope', () => {
    const text = [
      'version = 1',
      '[[package]]',
      'name = "root"',
      'version = "0.1.0"',
      'source = { virtual = "." }',
      'dependencies = [{ name = "shared" }]',
      '[package.dev-dependencies]',
      'dev = [{ name = "tool" }]',
      '[[package]]',
      'name = "shared"',
      'version = "1.0"',
      'source = { registry = "https://pypi.org/simple" }',
      '[[package]]',
      'name = "tool"',
      'version = "2.0"',
      'source = { registry = "https://pypi.org/simple" }',
      'dependencies = [{ name = "shared" }]',
    ].join('\n');
    const result = uvLockfile.parse('uv.lock', text, () => undefined);
    expect(result.components.map((c) => [c.name, c.scope, c.source.line])).toEqual([
      ['shared', 'required', 9],
      ['tool', 'dev', 13],
    ]);
  });

  describe('malformed input', () => {
    it('reports an unterminated inline table at its line', () => {
      const result = parseFixture('uv/malformed/uv.lock');
      expect(result.components).toEqual([]);
      expect(result.problems).toEqual([expect.objectContaining({ path: 'uv/malformed/uv.lock', line: 14 })]);
    });

    it('reports a registry package without a version and an unknown lock version', () => {
      const text =
        'version = 2\n\n[[package]]\nname = "a"\nsource = { registry = "https://pypi.org/simple" }\n';
      const result = uvLockfile.parse('uv.lock', text, () => undefined);
      expect(result.components).toEqual([]);
      expect(result.problems.map((p) => p.line)).toEqual([1, 3]);
    });

    it.each([
      ['binary', '\u0000\u0001'],
      ['package as a table', 'version = 1\n[package]\nname = "a"'],
      [
        'dependencies of the wrong type',
        'version = 1\n[[package]]\nname = "a"\nversion = "1"\ndependencies = "b"\nwheels = [1]',
      ],
      [
        'a self-loop',
        'version = 1\n[[package]]\nname = "a"\nversion = "1"\nsource = { registry = "r" }\ndependencies = [{ name = "a" }]',
      ],
    ])('does not throw on %s', (_label, text) => {
      expect(() => uvLockfile.parse('uv.lock', text, () => undefined)).not.toThrow();
    });
  });
});
