import { describe, expect, it } from '@jest/globals';
import { component, parseWith } from './fixture.js';
import { gemfileLockfile } from '../../../src/supplychain/lockfiles/gemfile.js';

const parseFixture = parseWith(gemfileLockfile);

const FEATURE_FLAGS =
  'pkg:gem/feature_flags@0.4.0?vcs_url=git%2Bhttps%3A%2F%2Fgithub.com%2Fexample%2Ffeature_flags.git%400c1f5d9e2b7a4c3d8e6f1a2b3c4d5e6f7a8b9c0d';

describe('gemfileLockfile', () => {
  it('claims Gemfile.lock and gems.locked only', () => {
    expect(gemfileLockfile.matches('Gemfile.lock')).toBe(true);
    expect(gemfileLockfile.matches('web/gems.locked')).toBe(true);
    expect(gemfileLockfile.matches('Gemfile')).toBe(false);
  });

  describe('Bundler 2.5 with GIT, PATH, platforms and CHECKSUMS', () => {
    const path = 'gemfile/bundler-2.5/Gemfile.lock';
    const result = parseFixture(path);

    it('lists GIT and GEM specs, one per platform, and skips the PATH gem', () => {
      expect(result.problems).toEqual([]);
      expect(result.components).toHaveLength(9);
      expect(result.components.some((c) => c.name === 'shop')).toBe(false);
      expect(component(result, 'pkg:gem/nokogiri@1.16.2?platform=x86_64-linux')).toEqual({
        ecosystem: 'gem',
        name: 'nokogiri',
        version: '1.16.2',
        purl: 'pkg:gem/nokogiri@1.16.2?platform=x86_64-linux',
        scope: 'required',
        hashes: [
          { alg: 'SHA-256', content: '4c9bd6e1d3b1c0e5a2f8d7c6b5a4938271605f4e3d2c1b0a9f8e7d6c5b4a3928' },
        ],
        dependsOn: ['pkg:gem/racc@1.7.3'],
        source: { path, line: 25 },
      });
    });

    it('keeps the git revision and edges of a GIT gem, which has no checksum', () => {
      expect(component(result, FEATURE_FLAGS)).toMatchObject({
        hashes: [],
        dependsOn: ['pkg:gem/rack@3.0.9'],
        source: { line: 6 },
      });
      expect(component(result, 'pkg:gem/nokogiri@1.16.2').dependsOn).toEqual([
        'pkg:gem/mini_portile2@2.8.5',
        'pkg:gem/racc@1.7.3',
      ]);
    });

    it('takes DEPENDENCIES, every platform variant and the PATH gem dependencies as direct', () => {
      expect([...result.direct].sort()).toEqual(
        [
          FEATURE_FLAGS,
          'pkg:gem/minitest@5.22.2',
          'pkg:gem/nokogiri@1.16.2',
          'pkg:gem/nokogiri@1.16.2?platform=arm64-darwin',
          'pkg:gem/nokogiri@1.16.2?platform=x86_64-linux',
          'pkg:gem/rack@3.0.9',
          'pkg:gem/rake@13.1.0',
        ].sort(),
      );
    });
  });

  describe('Bundler 1', () => {
    const result = parseFixture('gemfile/bundler-1/Gemfile.lock');

    it('reads specs, edges and the single direct dependency without checksums', () => {
      expect(result.problems).toEqual([]);
      expect(result.components).toHaveLength(5);
      expect(component(result, 'pkg:gem/sinatra@2.0.5')).toMatchObject({
        hashes: [],
        dependsOn: [
          'pkg:gem/mustermann@1.0.3',
          'pkg:gem/rack@2.0.7',
          'pkg:gem/rack-protection@2.0.5',
          'pkg:gem/tilt@2.0.9',
        ],
        source: { line: 8 },
      });
      expect(result.direct).toEqual(['pkg:gem/sinatra@2.0.5']);
    });
  });

  describe('malformed input', () => {
    const path = 'gemfile/malformed/Gemfile.lock';

    it('reports bad lines and keeps the good specs and checksums', () => {
      const result = parseFixture(path);
      expect(result.components.map((c) => c.purl)).toEqual(['pkg:gem/rack@3.0.9', 'pkg:gem/rake@13.1.0']);
      expect(component(result, 'pkg:gem/rack@3.0.9').hashes).toHaveLength(1);
      expect(result.problems.map((p) => [p.path, p.line])).toEqual([
        [path, 1],
        [path, 6],
        [path, 15],
      ]);
    });

    it('reports a file that is not a Gemfile.lock at all', () => {
      const result = gemfileLockfile.parse(
        'Gemfile.lock',
        'source "https://rubygems.org"\ngem "rails"\n',
        () => undefined,
      );
      expect(result.components).toEqual([]);
      expect(result.problems).toEqual([expect.objectContaining({ line: 1 })]);
    });

    it.each([
      ['binary', '\u0000\u0001'],
      ['a dependency before any spec', 'GEM\n  specs:\n      rack (>= 1)\n'],
      ['nested parentheses', 'GEM\n  specs:\n    a ((1))\n    b (1) (2)\n'],
      [
        'prototype names',
        'GEM\n  specs:\n    __proto__ (1.0)\n      constructor\nDEPENDENCIES\n  __proto__\n',
      ],
    ])('does not throw on %s', (_label, text) => {
      expect(() => gemfileLockfile.parse('Gemfile.lock', text, () => undefined)).not.toThrow();
    });
  });
});
