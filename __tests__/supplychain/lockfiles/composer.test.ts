import { describe, expect, it } from '@jest/globals';
import { component, parseWith } from './fixture.js';
import { composerLockfile } from '../../../src/supplychain/lockfiles/composer.js';

const parseFixture = parseWith(composerLockfile);

describe('composerLockfile', () => {
  it('claims composer.lock only', () => {
    expect(composerLockfile.matches('composer.lock')).toBe(true);
    expect(composerLockfile.matches('composer.json')).toBe(false);
  });

  describe('an application with a private repository and a path package', () => {
    const path = 'composer/app/composer.lock';
    const result = parseFixture(path);

    it('reads packages as required and packages-dev as dev, skipping the path package', () => {
      expect(result.problems).toEqual([]);
      expect(result.components.map((c) => [c.purl, c.scope])).toEqual([
        ['pkg:composer/acme/internal-sdk@2.3.1', 'required'],
        ['pkg:composer/monolog/monolog@3.5.0', 'required'],
        ['pkg:composer/psr/log@3.0.0', 'required'],
        ['pkg:composer/hamcrest/hamcrest-php@v2.0.1', 'dev'],
        ['pkg:composer/mockery/mockery@1.6.7', 'dev'],
      ]);
    });

    it('keeps a non-empty dist shasum as SHA-1 and ignores empty ones', () => {
      expect(component(result, 'pkg:composer/acme/internal-sdk@2.3.1')).toEqual({
        ecosystem: 'composer',
        name: 'acme/internal-sdk',
        version: '2.3.1',
        purl: 'pkg:composer/acme/internal-sdk@2.3.1',
        scope: 'required',
        hashes: [{ alg: 'SHA-1', content: '3f786850e387550fdab836ed7e6dc881de23001b' }],
        dependsOn: ['pkg:composer/monolog/monolog@3.5.0'],
        source: { path, line: 10 },
      });
      expect(component(result, 'pkg:composer/monolog/monolog@3.5.0').hashes).toEqual([]);
    });

    it('turns require into edges, through provide, and leaves platform packages out', () => {
      expect(component(result, 'pkg:composer/monolog/monolog@3.5.0')).toMatchObject({
        dependsOn: ['pkg:composer/psr/log@3.0.0'],
        source: { line: 51 },
      });
      expect(component(result, 'pkg:composer/mockery/mockery@1.6.7').dependsOn).toEqual([
        'pkg:composer/hamcrest/hamcrest-php@v2.0.1',
      ]);
    });

    it('takes direct dependencies from composer.json', () => {
      expect(result.direct).toEqual([
        'pkg:composer/acme/internal-sdk@2.3.1',
        'pkg:composer/monolog/monolog@3.5.0',
        'pkg:composer/mockery/mockery@1.6.7',
      ]);
    });
  });

  describe('malformed input', () => {
    it('reports a trailing comma at its line', () => {
      const result = parseFixture('composer/malformed/composer.lock');
      expect(result.components).toEqual([]);
      expect(result.problems).toEqual([
        expect.objectContaining({ path: 'composer/malformed/composer.lock', line: 13 }),
      ]);
    });

    it('reports entries that cannot be packages and keeps the rest', () => {
      const text = JSON.stringify(
        {
          packages: [{ name: 'a/b', version: '1.0.0' }, { name: 'no-vendor', version: '1' }, 5],
          'packages-dev': 'x',
        },
        null,
        4,
      );
      const result = composerLockfile.parse('composer.lock', text, () => '{ broken');
      expect(result.components.map((c) => c.purl)).toEqual(['pkg:composer/a/b@1.0.0']);
      expect(result.problems.map((p) => [p.path, p.line])).toEqual([
        ['composer.lock', 8],
        ['composer.lock', 8],
        ['composer.json', 1],
      ]);
    });

    it.each([
      ['binary', '\u0000\u0001'],
      ['packages as an object', '{"packages": {"a/b": {}}}'],
      [
        'require of the wrong type',
        '{"packages": [{"name": "a/b", "version": "1", "require": ["c/d"], "dist": 1}]}',
      ],
      [
        'prototype keys',
        '{"packages": [{"name": "a/b", "version": "1", "require": {"__proto__": "*", "constructor": "*"}}]}',
      ],
      ['deep nesting', `{"packages": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ])('does not throw on %s', (_label, text) => {
      expect(() => composerLockfile.parse('composer.lock', text, () => undefined)).not.toThrow();
    });
  });
});
