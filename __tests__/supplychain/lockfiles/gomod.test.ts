import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { LockfileResult } from '../../../src/supplychain/component.js';
import { goModLockfile } from '../../../src/supplychain/lockfiles/gomod.js';

const ROOT = '__fixtures__/supplychain/lockfiles';

function readSibling(path: string): string | undefined {
  const file = join(ROOT, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function parseFixture(path: string): LockfileResult {
  return goModLockfile.parse(path, readSibling(path) ?? '', readSibling);
}

describe('goModLockfile', () => {
  it('claims go.mod only', () => {
    expect(goModLockfile.matches('tools/go.mod')).toBe(true);
    expect(goModLockfile.matches('go.sum')).toBe(false);
  });

  describe('go mod tidy output', () => {
    const path = 'gomod/app/go.mod';
    const result = parseFixture(path);

    it('lists required modules, applies a module replace and skips a directory replace', () => {
      expect(result.problems).toEqual([]);
      expect(result.components.map((c) => c.purl)).toEqual([
        'pkg:golang/github.com/google/uuid@v1.5.0',
        'pkg:golang/github.com/stretchr/testify@v1.12.1',
        'pkg:golang/golang.org/x/text@v0.43.0',
        'pkg:golang/gopkg.in/yaml.v3@v3.0.1',
        'pkg:golang/go.yaml.in/yaml/v3@v3.0.5',
      ]);
    });

    it('emits no h1 hashes and scopes everything required', () => {
      expect(result.components[0]).toEqual({
        ecosystem: 'golang',
        name: 'github.com/google/uuid',
        version: 'v1.5.0',
        purl: 'pkg:golang/github.com/google/uuid@v1.5.0',
        scope: 'required',
        hashes: [],
        dependsOn: [],
        source: { path, line: 9 },
      });
      expect(result.components.every((c) => c.scope === 'required' && c.hashes.length === 0)).toBe(true);
    });

    it('treats `// indirect` requirements as not direct', () => {
      expect(result.direct).toHaveLength(4);
      expect(result.direct).not.toContain('pkg:golang/go.yaml.in/yaml/v3@v3.0.5');
    });
  });

  describe('pre-1.17 module with replace and exclude blocks', () => {
    const result = parseFixture('gomod/legacy/go.mod');

    it('handles +incompatible, pseudo-versions, quoted paths and an unversioned replace', () => {
      expect(result.problems).toEqual([]);
      expect(result.components.map((c) => [c.purl, c.source.line])).toEqual([
        ['pkg:golang/github.com/Azure/go-autorest/autorest@v0.11.29', 8],
        ['pkg:golang/github.com/davecgh/go-spew@v1.1.1', 9],
        ['pkg:golang/github.com/moby/moby@v24.0.9+incompatible', 10],
        ['pkg:golang/golang.org/x/sys@v0.0.0-20220722155257-8c9f86f7a55f', 11],
        ['pkg:golang/gopkg.in/check.v1@v1.0.0-20201130134442-10cb98267c6c', 12],
      ]);
    });

    it('recognises an indirect comment with a trailing note', () => {
      expect(result.direct).toEqual([
        'pkg:golang/github.com/Azure/go-autorest/autorest@v0.11.29',
        'pkg:golang/github.com/moby/moby@v24.0.9+incompatible',
        'pkg:golang/gopkg.in/check.v1@v1.0.0-20201130134442-10cb98267c6c',
      ]);
    });
  });

  describe('malformed input', () => {
    const path = 'gomod/malformed/go.mod';
    const result = parseFixture(path);

    it('reports every bad line with its number and keeps the good requirements', () => {
      expect(result.components.map((c) => c.purl)).toEqual([
        'pkg:golang/github.com/google/uuid@v1.6.0',
        'pkg:golang/golang.org/x/net@v0.25.0',
      ]);
      expect(
        result.problems.map((p) => [p.path, p.line]).sort((a, b) => Number(a[1]) - Number(b[1])),
      ).toEqual([
        [path, 7],
        [path, 8],
        [path, 11],
        [path, 13],
        [path, 15],
      ]);
    });

    it('reports a version that is not semver instead of throwing', () => {
      const parsed = goModLockfile.parse(
        'go.mod',
        'module m\n\nrequire example.com/x v1.2\n',
        () => undefined,
      );
      expect(parsed.components).toEqual([]);
      expect(parsed.problems).toEqual([expect.objectContaining({ line: 3 })]);
    });

    it('reports a file without a module directive', () => {
      const parsed = goModLockfile.parse('go.mod', 'require example.com/x v1.2.3\n', () => undefined);
      expect(parsed.components).toHaveLength(1);
      expect(parsed.problems).toEqual([
        expect.objectContaining({ line: 1, message: 'go.mod has no module directive' }),
      ]);
    });

    it.each([
      ['binary', '\u0000\u0001\u0002'],
      ['unbalanced quotes', 'module "m\nrequire "x v1.0.0'],
      ['a lone parenthesis', ')\n(\nrequire (\n)\n)'],
      ['replace arrows only', 'module m\nreplace =>\nreplace a => => b'],
      ['a very long line', `module m\nrequire ${'a/'.repeat(100_000)} v1.0.0`],
    ])('does not throw on %s', (_label, text) => {
      expect(() => goModLockfile.parse('go.mod', text, () => undefined)).not.toThrow();
    });
  });
});
