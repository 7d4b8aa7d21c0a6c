import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Component, LockfileResult } from '../../../src/supplychain/component.js';
import { pnpmLockfile } from '../../../src/supplychain/lockfiles/pnpm.js';

const FIXTURES = '__fixtures__/supplychain/lockfiles';

function readFixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

function parseFixture(path: string): LockfileResult {
  return pnpmLockfile.parse(path, readFixture(path), () => undefined);
}

function parseText(text: string): LockfileResult {
  return pnpmLockfile.parse('pnpm-lock.yaml', text, () => undefined);
}

function component(result: LockfileResult, purl: string): Component {
  const found = result.components.find((candidate) => candidate.purl === purl);
  if (!found) throw new Error(`no component ${purl} in ${result.components.map((c) => c.purl).join(', ')}`);
  return found;
}

const TYPES_MS_SHA512 =
  '1ac0822190c4fe9de2f7abed12ac7eedd054197adcef37922b7c303c721a453852fbd3a15885d1ab3b3877a93549553c83dd43acd456c56506869e4a5d06f654';

describe('pnpmLockfile.matches', () => {
  it('claims pnpm-lock.yaml anywhere, and nothing else', () => {
    expect(pnpmLockfile.matches('pnpm-lock.yaml')).toBe(true);
    expect(pnpmLockfile.matches('apps/web/pnpm-lock.yaml')).toBe(true);
    expect(pnpmLockfile.matches('pnpm-workspace.yaml')).toBe(false);
    expect(pnpmLockfile.matches('pnpm-lock.yml')).toBe(false);
  });
});

describe.each([
  ['6.0', 'pnpm/v6/pnpm-lock.yaml', [46, 52, 56, 67, 74, 79, 83, 87, 92]],
  ['9.0', 'pnpm/v9/pnpm-lock.yaml', [46, 49, 52, 60, 64, 68, 71, 74, 78]],
])('lockfileVersion %s with a workspace', (_version, path, lines) => {
  const result = parseFixture(path);

  it('lists one component per name@version, peer variants and workspaces aside', () => {
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.purl, c.source.line])).toEqual([
      ['pkg:npm/%40types/debug@4.1.13', lines[0]],
      ['pkg:npm/%40types/ms@2.1.0', lines[1]],
      ['pkg:npm/debug@2.6.9', lines[2]],
      ['pkg:npm/is-number@7.0.0', lines[3]],
      ['pkg:npm/kleur@4.1.5', lines[4]],
      ['pkg:npm/ms@2.0.0', lines[5]],
      ['pkg:npm/ms@2.1.3', lines[6]],
      ['pkg:npm/react@19.3.1', lines[7]],
      ['pkg:npm/use-sync-external-store@1.7.0', lines[8]],
    ]);
    expect(result.components.every((c) => c.source.path === path && c.ecosystem === 'npm')).toBe(true);
  });

  it('scopes dev, optional and required packages, transitive ones included', () => {
    expect(Object.fromEntries(result.components.map((c) => [c.name + '@' + c.version, c.scope]))).toEqual({
      '@types/debug@4.1.13': 'dev',
      '@types/ms@2.1.0': 'dev',
      'debug@2.6.9': 'required',
      'is-number@7.0.0': 'optional',
      'kleur@4.1.5': 'required',
      'ms@2.0.0': 'required',
      'ms@2.1.3': 'required',
      'react@19.3.1': 'required',
      'use-sync-external-store@1.7.0': 'required',
    });
  });

  it('decodes resolution.integrity and links dependencies, peers included', () => {
    expect(component(result, 'pkg:npm/%40types/ms@2.1.0').hashes).toEqual([
      { alg: 'SHA-512', content: TYPES_MS_SHA512 },
    ]);
    expect(component(result, 'pkg:npm/%40types/debug@4.1.13').dependsOn).toEqual([
      'pkg:npm/%40types/ms@2.1.0',
    ]);
    expect(component(result, 'pkg:npm/debug@2.6.9').dependsOn).toEqual(['pkg:npm/ms@2.0.0']);
    expect(component(result, 'pkg:npm/use-sync-external-store@1.7.0').dependsOn).toEqual([
      'pkg:npm/react@19.3.1',
    ]);
  });

  it('takes direct dependencies from every importer and skips link: workspaces', () => {
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

describe('pnpm lockfile details', () => {
  it('v6 single project: top-level dependency sections, peer variants merged into one component', () => {
    const text = [
      "lockfileVersion: '6.0'",
      'dependencies:',
      '  a:',
      '    specifier: ^1.0.0',
      '    version: 1.0.0(react@18.0.0)',
      '  b:',
      '    specifier: ^1.0.0',
      '    version: 1.0.0(react@19.0.0)',
      'packages:',
      '  /@x/shared@1.0.0(react@18.0.0):',
      '    resolution: {integrity: sha1-BSqmekjszEMJ1/AZG35BQ0uQu3g=}',
      '    dev: false',
      '  /@x/shared@1.0.0(react@19.0.0):',
      '    resolution: {integrity: sha1-BSqmekjszEMJ1/AZG35BQ0uQu3g=}',
      '    dev: false',
      '  /a@1.0.0(react@18.0.0):',
      '    resolution: {integrity: sha1-BSqmekjszEMJ1/AZG35BQ0uQu3g=}',
      '    dependencies:',
      "      '@x/shared': 1.0.0(react@18.0.0)",
      '    dev: false',
      '',
    ].join('\n');
    const result = parseText(text);
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.purl, c.source.line])).toEqual([
      ['pkg:npm/%40x/shared@1.0.0', 10],
      ['pkg:npm/a@1.0.0', 16],
    ]);
    expect(result.direct).toEqual(['pkg:npm/a@1.0.0']);
    expect(component(result, 'pkg:npm/a@1.0.0').dependsOn).toEqual(['pkg:npm/%40x/shared@1.0.0']);
  });

  it('v9: an aliased dependency resolves to the real package; unreached packages stay required', () => {
    const text = [
      "lockfileVersion: '9.0'",
      'importers:',
      '  .:',
      '    devDependencies:',
      '      strwidth:',
      '        specifier: npm:string-width@^4',
      '        version: string-width@4.2.3',
      'packages:',
      '  string-width@4.2.3:',
      '    resolution: {integrity: sha1-BSqmekjszEMJ1/AZG35BQ0uQu3g=}',
      '  orphan@1.0.0:',
      '    resolution: {integrity: sha1-BSqmekjszEMJ1/AZG35BQ0uQu3g=}',
      'snapshots:',
      '  string-width@4.2.3: {}',
      '  orphan@1.0.0: {}',
      '',
    ].join('\n');
    const result = parseText(text);
    expect(result.direct).toEqual(['pkg:npm/string-width@4.2.3']);
    expect(component(result, 'pkg:npm/string-width@4.2.3').scope).toBe('dev');
    expect(component(result, 'pkg:npm/orphan@1.0.0').scope).toBe('required');
  });

  it('refuses pnpm 7 lockfiles and flags unknown future versions', () => {
    expect(parseText('lockfileVersion: 5.4\npackages:\n  /a/1.0.0: {}\n').problems[0]?.message).toMatch(
      /5\.4 \(pnpm 7 and older\) is not supported/,
    );
    const future = parseText(
      "lockfileVersion: '10.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: sha1-BSqmekjszEMJ1/AZG35BQ0uQu3g=}\n",
    );
    expect(future.problems[0]?.message).toBe('unknown lockfileVersion 10.0; read as 9.0');
    expect(future.components.map((c) => c.purl)).toEqual(['pkg:npm/a@1.0.0']);
    expect(parseText('name: not-a-lockfile\n').problems[0]?.message).toMatch(/no lockfileVersion/);
  });
});

describe('malformed pnpm-lock.yaml', () => {
  const result = parseFixture('pnpm/malformed/pnpm-lock.yaml');

  it('reports the truncation, the garbage entries and the damaged digest at their lines', () => {
    expect(result.problems.map((problem) => problem.line)).toEqual([77, 60, 62, 76]);
    expect(result.problems[0]?.message).toMatch(/Flow map/);
    expect(result.problems[1]?.message).toBe('packages["left-pad@1.3.0"] is not a mapping');
    expect(result.problems[2]?.message).toBe('packages key "not-a-package-key" is not name@version');
  });

  it('keeps the packages it could read', () => {
    expect(result.components).toHaveLength(7);
    expect(component(result, 'pkg:npm/ms@2.1.3')).toMatchObject({ hashes: [], source: { line: 76 } });
    expect(result.direct).toContain('pkg:npm/kleur@4.1.5');
  });
});

describe('hostile pnpm-lock.yaml', () => {
  const junk = (length: number): string => {
    const alphabet = 'ab{}[]":,@ \n-#&*|\'';
    let seed = 3;
    const block = Array.from({ length: 65_536 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return alphabet[seed % alphabet.length];
    }).join('');
    return block.repeat(Math.ceil(length / block.length)).slice(0, length);
  };

  it('stops at 10 MB of junk after a valid lockfile and keeps what came before', () => {
    const result = parseText(readFixture('pnpm/v9/pnpm-lock.yaml') + junk(10_000_000));
    expect(result.components).toHaveLength(9);
    expect(result.problems.some((problem) => problem.message.startsWith('stopped reading'))).toBe(true);
  });

  it('survives deep flow nesting and deep indentation', () => {
    const flow = parseText(`lockfileVersion: '9.0'\npackages: ${'{a: '.repeat(100_000)}\n`);
    expect(flow.problems).toEqual([
      {
        path: 'pnpm-lock.yaml',
        line: 2,
        message: 'stopped reading: a line too long or too deeply nested for a lockfile',
      },
    ]);
    const indented = Array.from({ length: 5_000 }, (_, depth) => `${' '.repeat(depth * 2)}k${depth}:`).join(
      '\n',
    );
    const deep = parseText(`lockfileVersion: '9.0'\npackages:\n${indented}\n`);
    expect(deep.problems).toEqual([
      {
        path: 'pnpm-lock.yaml',
        line: 24,
        message: 'stopped reading: a line too long or too deeply nested for a lockfile',
      },
    ]);
  });

  it('treats __proto__ as an ordinary package name', () => {
    const text = [
      "lockfileVersion: '9.0'",
      'importers:',
      '  .:',
      '    dependencies:',
      '      __proto__: {specifier: ^1, version: 1.0.0}',
      'packages:',
      '  __proto__@1.0.0:',
      '    resolution: {integrity: sha1-BSqmekjszEMJ1/AZG35BQ0uQu3g=}',
      'snapshots:',
      '  __proto__@1.0.0: {}',
      '',
    ].join('\n');
    const result = parseText(text);
    expect(result.components.map((c) => c.purl)).toEqual(['pkg:npm/__proto__@1.0.0']);
    expect(result.direct).toEqual(['pkg:npm/__proto__@1.0.0']);
    expect(Object.prototype).not.toHaveProperty('version');
  });
});
