import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Component, LockfileResult } from '../../../src/supplychain/component.js';
import { npmLockfile } from '../../../src/supplychain/lockfiles/npm.js';

const FIXTURES = '__fixtures__/supplychain/lockfiles';

/** Paths are relative to the fixture folder, standing in for the repository root. */
function readFixture(path: string): string | undefined {
  const full = join(FIXTURES, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

function parseFixture(path: string): LockfileResult {
  return npmLockfile.parse(path, readFixture(path) ?? '', readFixture);
}

function parseText(text: string, siblings: Record<string, string> = {}): LockfileResult {
  return npmLockfile.parse('package-lock.json', text, (path) => siblings[path]);
}

function component(result: LockfileResult, purl: string): Component {
  const found = result.components.find((candidate) => candidate.purl === purl);
  if (!found) throw new Error(`no component ${purl} in ${result.components.map((c) => c.purl).join(', ')}`);
  return found;
}

/** Deterministic junk rich in JSON punctuation, so the reader has to look at it: a random 64 KiB block, repeated. */
function junk(length: number): string {
  const alphabet = 'ab{}[]":,\\ \n0-';
  let seed = 7;
  const block = Array.from({ length: 65_536 }, () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return alphabet[seed % alphabet.length];
  }).join('');
  return block.repeat(Math.ceil(length / block.length)).slice(0, length);
}

const TYPES_MS_SHA512 =
  '1ac0822190c4fe9de2f7abed12ac7eedd054197adcef37922b7c303c721a453852fbd3a15885d1ab3b3877a93549553c83dd43acd456c56506869e4a5d06f654';
const MS_2_0_0_SHA512 =
  '4e9a7ad0fe885090d3b8eabfe59f1c76c93326e8dfc2a7ce4e4af02308fb211212a679099d3e92c89e0f08f9c63281630bd75d85a979295218b40b7dee2c74e4';

describe('npmLockfile.matches', () => {
  it('claims package-lock.json and npm-shrinkwrap.json anywhere, and nothing else', () => {
    expect(npmLockfile.matches('package-lock.json')).toBe(true);
    expect(npmLockfile.matches('apps/web/npm-shrinkwrap.json')).toBe(true);
    expect(npmLockfile.matches('package.json')).toBe(false);
    expect(npmLockfile.matches('node_modules/.package-lock.json')).toBe(false);
    expect(npmLockfile.matches('my-package-lock.json')).toBe(false);
  });
});

describe.each([
  ['v2', 'npm/v2/package-lock.json'],
  ['v3', 'npm/v3/package-lock.json'],
])('lockfileVersion %s with a workspace', (_version, path) => {
  const result = parseFixture(path);

  it('lists every installed package once, without the project or its workspace', () => {
    expect(result.problems).toEqual([]);
    expect(result.components).toHaveLength(9);
    expect(result.components.map((c) => c.name)).not.toContain('@demo/app');
    expect(result.components.map((c) => c.name)).not.toContain('lock-demo');
  });

  it('encodes the npm scope as a percent-encoded purl namespace', () => {
    const types = component(result, 'pkg:npm/%40types/debug@4.1.13');
    expect(types).toMatchObject({ ecosystem: 'npm', name: '@types/debug', version: '4.1.13', scope: 'dev' });
    expect(types.dependsOn).toEqual(['pkg:npm/%40types/ms@2.1.0']);
    expect(types.source).toEqual({ path, line: 30 });
  });

  it('keeps both versions of a duplicated package, resolving the nested one for its parent', () => {
    expect(component(result, 'pkg:npm/debug@2.6.9').dependsOn).toEqual(['pkg:npm/ms@2.0.0']);
    expect(component(result, 'pkg:npm/ms@2.0.0').source.line).toBe(56);
    expect(component(result, 'pkg:npm/ms@2.1.3').source.line).toBe(81);
  });

  it('maps dev and optional flags to scopes, and everything else to required', () => {
    expect(component(result, 'pkg:npm/%40types/ms@2.1.0').scope).toBe('dev');
    expect(component(result, 'pkg:npm/is-number@7.0.0').scope).toBe('optional');
    expect(component(result, 'pkg:npm/react@19.3.1').scope).toBe('required');
  });

  it('decodes SRI integrity into hex digests', () => {
    expect(component(result, 'pkg:npm/%40types/ms@2.1.0').hashes).toEqual([
      { alg: 'SHA-512', content: TYPES_MS_SHA512 },
    ]);
    expect(component(result, 'pkg:npm/ms@2.0.0').hashes).toEqual([
      { alg: 'SHA-512', content: MS_2_0_0_SHA512 },
    ]);
  });

  it('links peer dependencies, and takes direct dependencies from the root and the workspace', () => {
    expect(component(result, 'pkg:npm/use-sync-external-store@1.7.0').dependsOn).toEqual([
      'pkg:npm/react@19.3.1',
    ]);
    expect([...result.direct].sort()).toEqual([
      'pkg:npm/%40types/debug@4.1.13',
      'pkg:npm/debug@2.6.9',
      'pkg:npm/is-number@7.0.0',
      'pkg:npm/kleur@4.1.5',
      'pkg:npm/ms@2.1.3',
      'pkg:npm/react@19.3.1',
      'pkg:npm/use-sync-external-store@1.7.0',
    ]);
  });
});

describe('npm-shrinkwrap.json (v3, written without resolved URLs)', () => {
  const result = parseFixture('npm/shrinkwrap/npm-shrinkwrap.json');

  it('reads the same tree as a package-lock', () => {
    expect(result.problems).toEqual([]);
    expect(result.components).toHaveLength(8);
    expect(component(result, 'pkg:npm/%40types/debug@4.1.13').source.line).toBe(23);
    expect(component(result, 'pkg:npm/ms@2.0.0').hashes[0]?.content).toBe(MS_2_0_0_SHA512);
    expect(result.direct).toHaveLength(6);
  });
});

describe('lockfileVersion 1', () => {
  const result = parseFixture('npm/v1/package-lock.json');

  it('walks the nested dependencies tree', () => {
    expect(result.problems).toEqual([]);
    expect(result.components).toHaveLength(8);
    expect(component(result, 'pkg:npm/ms@2.0.0')).toMatchObject({ scope: 'required', source: { line: 30 } });
    expect(component(result, 'pkg:npm/%40types/debug@4.1.13')).toMatchObject({
      scope: 'dev',
      dependsOn: ['pkg:npm/%40types/ms@2.1.0'],
      source: { path: 'npm/v1/package-lock.json', line: 7 },
    });
    expect(component(result, 'pkg:npm/is-number@7.0.0').scope).toBe('optional');
  });

  it('resolves requires through the nearest nested dependencies', () => {
    expect(component(result, 'pkg:npm/debug@2.6.9').dependsOn).toEqual(['pkg:npm/ms@2.0.0']);
    expect(component(result, 'pkg:npm/%40types/ms@2.1.0').hashes).toEqual([
      { alg: 'SHA-512', content: TYPES_MS_SHA512 },
    ]);
  });

  it('takes direct dependencies from package.json beside it', () => {
    expect(result.direct).toHaveLength(6);
    expect(result.direct).toContain('pkg:npm/ms@2.1.3');
    expect(result.direct).not.toContain('pkg:npm/ms@2.0.0');
  });

  it('without package.json, counts top-level entries nothing requires as direct', () => {
    const alone = npmLockfile.parse(
      'package-lock.json',
      readFixture('npm/v1/package-lock.json') ?? '',
      () => undefined,
    );
    expect(alone.components).toHaveLength(8);
    expect(alone.direct).toContain('pkg:npm/debug@2.6.9');
    expect(alone.direct).not.toContain('pkg:npm/%40types/ms@2.1.0');
  });

  it('names the real package of an alias and skips file: dependencies but follows their requires', () => {
    const text = JSON.stringify({
      lockfileVersion: 1,
      dependencies: {
        strwidth: { version: 'npm:string-width@4.2.3', integrity: 'sha1-BSqmekjszEMJ1/AZG35BQ0uQu3g=' },
        local: { version: 'file:../local', requires: { strwidth: '*' } },
      },
    });
    const result = parseText(text);
    expect(result.components.map((c) => c.purl)).toEqual(['pkg:npm/string-width@4.2.3']);
    expect(result.components[0]?.hashes).toEqual([
      { alg: 'SHA-1', content: '052aa67a48eccc4309d7f0191b7e41434b90bb78' },
    ]);
    expect(result.direct).toEqual(['pkg:npm/string-width@4.2.3']);
  });
});

describe('package-lock details', () => {
  it('follows Node resolution from a workspace folder and its own node_modules', () => {
    const text = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { name: 'root', workspaces: ['packages/a'] },
        'node_modules/a': { resolved: 'packages/a', link: true },
        'packages/a': { name: 'a', dependencies: { x: '^2', y: '^1' } },
        'packages/a/node_modules/x': { version: '2.0.0', dependencies: { y: '^1' } },
        'node_modules/x': { version: '1.0.0' },
        'node_modules/y': { version: '1.0.0', devOptional: true, peer: true },
      },
    });
    const result = parseText(text);
    expect(result.direct).toEqual(['pkg:npm/x@2.0.0', 'pkg:npm/y@1.0.0']);
    expect(component(result, 'pkg:npm/x@2.0.0').dependsOn).toEqual(['pkg:npm/y@1.0.0']);
    expect(component(result, 'pkg:npm/y@1.0.0').scope).toBe('optional');
  });

  it('uses the name field of an aliased install and keeps every SRI digest', () => {
    const sha1 = 'sha1-BSqmekjszEMJ1/AZG35BQ0uQu3g=';
    const text = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { alias: 'npm:@scope/real@1.0.0' } },
        'node_modules/alias': {
          name: '@scope/real',
          version: '1.0.0',
          integrity: `sha512-${'A'.repeat(86)}== ${sha1}`,
        },
      },
    });
    const result = parseText(text);
    expect(result.direct).toEqual(['pkg:npm/%40scope/real@1.0.0']);
    expect(result.components[0]?.hashes.map((hash) => hash.alg)).toEqual(['SHA-512', 'SHA-1']);
    expect(result.components[0]?.hashes[0]?.content).toBe('0'.repeat(128));
  });
});

describe('malformed package-lock.json', () => {
  it('reports where a truncated file breaks off and keeps the entries before it', () => {
    const result = parseFixture('npm/malformed/truncated/package-lock.json');
    expect(result.problems).toEqual([
      {
        path: 'npm/malformed/truncated/package-lock.json',
        line: 75,
        message: 'not valid JSON: unterminated string',
      },
    ]);
    expect(result.components.map((c) => c.purl)).toEqual([
      'pkg:npm/%40types/debug@4.1.13',
      'pkg:npm/%40types/ms@2.1.0',
      'pkg:npm/debug@2.6.9',
      'pkg:npm/ms@2.0.0',
      'pkg:npm/is-number@7.0.0',
    ]);
  });

  it('reports each garbage entry at its line and reads the rest', () => {
    const result = parseFixture('npm/malformed/garbage-entry/package-lock.json');
    expect(result.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [62, 'packages["node_modules/left-pad"] is not an object'],
      [63, 'packages["node_modules/is-odd"] has no version'],
      [76, 'packages["node_modules/kleur"] has an unreadable integrity value'],
    ]);
    expect(result.components).toHaveLength(9);
    expect(component(result, 'pkg:npm/kleur@4.1.5').hashes).toEqual([]);
  });

  it('says so when the JSON is not a lockfile', () => {
    expect(parseText('[1, 2]').problems).toEqual([
      { path: 'package-lock.json', line: 1, message: 'not a JSON object' },
    ]);
    expect(parseText('{"name": "x"}').problems[0]?.message).toMatch(/not an npm lockfile/);
    expect(
      parseText('{\n  "lockfileVersion": 1,\n  "dependencies": {\n    "a": {}\n  }\n}').problems,
    ).toEqual([{ path: 'package-lock.json', line: 4, message: 'dependencies["a"] has no version' }]);
  });
});

describe('hostile package-lock.json', () => {
  it('refuses nesting past a fixed depth instead of overflowing the stack', () => {
    for (const text of [
      '['.repeat(1_000_000),
      '{"a":'.repeat(200_000),
      `{"lockfileVersion":1,"dependencies":${'{"a":{"version":"1.0.0","dependencies":'.repeat(300)}`,
    ]) {
      const result = parseText(text);
      expect(result.problems[0]?.message).toMatch(/nested deeper than 512 levels/);
    }
  });

  it('treats __proto__ and constructor as ordinary package names', () => {
    const text =
      '{"lockfileVersion":3,"packages":{"":{"dependencies":{"__proto__":"1"}},' +
      '"node_modules/__proto__":{"version":"1.0.0","dependencies":{"constructor":"2"}},"node_modules/constructor":{"version":"2.0.0"}}}';
    const result = parseText(text);
    expect(result.components.map((c) => c.purl)).toEqual([
      'pkg:npm/__proto__@1.0.0',
      'pkg:npm/constructor@2.0.0',
    ]);
    expect(result.direct).toEqual(['pkg:npm/__proto__@1.0.0']);
    expect(component(result, 'pkg:npm/__proto__@1.0.0').dependsOn).toEqual(['pkg:npm/constructor@2.0.0']);
    expect(Object.prototype).not.toHaveProperty('version');
  });

  it('reads a valid lockfile followed by 10 MB of junk, and reports where the junk starts', () => {
    const valid = readFixture('npm/v3/package-lock.json') ?? '';
    const result = parseText(valid + junk(10_000_000));
    expect(result.components).toHaveLength(9);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toBe('not valid JSON: unexpected text after the JSON value');
  });

  it('turns 10 MB of junk inside the packages map into one problem', () => {
    const result = parseText(
      `{"lockfileVersion":3,"packages":{"node_modules/a":{"version":"1.0.0"},${junk(10_000_000)}`,
    );
    expect(result.components.map((c) => c.purl)).toEqual(['pkg:npm/a@1.0.0']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(1);
  });
});
