import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Component, LockfileResult } from '../../../src/supplychain/component.js';
import { yarnLockfile } from '../../../src/supplychain/lockfiles/yarn.js';

const FIXTURES = '__fixtures__/supplychain/lockfiles';

/** Paths are relative to the fixture folder, standing in for the repository root. */
function readFixture(path: string): string | undefined {
  const full = join(FIXTURES, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

function parseFixture(path: string, readSibling = readFixture): LockfileResult {
  return yarnLockfile.parse(path, readFixture(path) ?? '', readSibling);
}

function parseText(text: string, siblings: Record<string, string> = {}): LockfileResult {
  return yarnLockfile.parse('yarn.lock', text, (path) => siblings[path]);
}

function component(result: LockfileResult, purl: string): Component {
  const found = result.components.find((candidate) => candidate.purl === purl);
  if (!found) throw new Error(`no component ${purl} in ${result.components.map((c) => c.purl).join(', ')}`);
  return found;
}

function scopes(result: LockfileResult): Record<string, string> {
  return Object.fromEntries(result.components.map((c) => [c.purl, c.scope]));
}

const EXPECTED_SCOPES = {
  'pkg:npm/%40types/debug@4.1.13': 'dev',
  'pkg:npm/%40types/ms@2.1.0': 'dev',
  'pkg:npm/debug@2.6.9': 'required',
  'pkg:npm/is-number@7.0.0': 'optional',
  'pkg:npm/kleur@4.1.5': 'required',
  'pkg:npm/ms@2.0.0': 'required',
  'pkg:npm/ms@2.1.3': 'required',
  'pkg:npm/react@19.3.1': 'required',
  'pkg:npm/use-sync-external-store@1.7.0': 'required',
};

const TYPES_MS_SHA512 =
  '1ac0822190c4fe9de2f7abed12ac7eedd054197adcef37922b7c303c721a453852fbd3a15885d1ab3b3877a93549553c83dd43acd456c56506869e4a5d06f654';

describe('yarnLockfile.matches', () => {
  it('claims yarn.lock anywhere, and nothing else', () => {
    expect(yarnLockfile.matches('yarn.lock')).toBe(true);
    expect(yarnLockfile.matches('apps/web/yarn.lock')).toBe(true);
    expect(yarnLockfile.matches('yarn.lock.bak')).toBe(false);
    expect(yarnLockfile.matches('.yarnrc.yml')).toBe(false);
  });
});

describe('yarn v1 lockfile with a literal workspace', () => {
  const result = parseFixture('yarn/v1/yarn.lock');

  it('lists one component per resolved entry, merging multi-descriptor headers', () => {
    expect(result.problems).toEqual([]);
    expect(result.components).toHaveLength(9);
    expect(component(result, 'pkg:npm/ms@2.1.3').source).toEqual({ path: 'yarn/v1/yarn.lock', line: 39 });
    expect(component(result, 'pkg:npm/%40types/ms@2.1.0').source.line).toBe(12);
  });

  it('keeps the integrity digest and the registry shasum from the resolved URL', () => {
    expect(component(result, 'pkg:npm/%40types/ms@2.1.0').hashes).toEqual([
      { alg: 'SHA-512', content: TYPES_MS_SHA512 },
      { alg: 'SHA-1', content: '052aa67a48eccc4309d7f0191b7e41434b90bb78' },
    ]);
  });

  it('resolves dependencies through their name@range descriptors', () => {
    expect(component(result, 'pkg:npm/debug@2.6.9').dependsOn).toEqual(['pkg:npm/ms@2.0.0']);
    expect(component(result, 'pkg:npm/%40types/debug@4.1.13').dependsOn).toEqual([
      'pkg:npm/%40types/ms@2.1.0',
    ]);
  });

  it('classifies scopes from package.json and lets transitive packages inherit them', () => {
    expect(scopes(result)).toEqual(EXPECTED_SCOPES);
  });

  it('takes direct dependencies from package.json and the workspace it names', () => {
    expect([...result.direct].sort()).toEqual([
      'pkg:npm/%40types/debug@4.1.13',
      'pkg:npm/%40types/ms@2.1.0',
      'pkg:npm/debug@2.6.9',
      'pkg:npm/is-number@7.0.0',
      'pkg:npm/kleur@4.1.5',
      'pkg:npm/ms@2.1.3',
      'pkg:npm/react@19.3.1',
      'pkg:npm/use-sync-external-store@1.7.0',
    ]);
  });

  it('without package.json, reports it once and counts dev packages as required', () => {
    const alone = parseFixture('yarn/v1/yarn.lock', () => undefined);
    expect(alone.components).toHaveLength(9);
    expect(alone.components.every((c) => c.scope === 'required')).toBe(true);
    expect(alone.problems).toEqual([
      {
        path: 'yarn/v1/yarn.lock',
        message:
          'no readable yarn/v1/package.json: direct dependencies are guessed and dev ones count as required',
      },
    ]);
    expect(alone.direct).toContain('pkg:npm/debug@2.6.9');
    expect(alone.direct).not.toContain('pkg:npm/ms@2.0.0');
  });

  it('says that globbed workspaces cannot be expanded', () => {
    const result = parseText('a@^1:\n  version "1.0.0"\n', {
      'package.json': '{"workspaces": ["packages/*"], "dependencies": {"a": "^1"}}',
    });
    expect(result.direct).toEqual(['pkg:npm/a@1.0.0']);
    expect(result.problems[0]?.message).toMatch(/^workspaces packages\/\* are globs/);
  });

  it('names the real package of an alias and weakens optionalDependencies', () => {
    const text = [
      'root@^1:',
      '  version "1.0.0"',
      '  optionalDependencies:',
      '    strwidth "npm:string-width@^4"',
      '',
      '"strwidth@npm:string-width@^4":',
      '  version "4.2.3"',
      '  integrity sha1-BSqmekjszEMJ1/AZG35BQ0uQu3g=',
      '',
    ].join('\n');
    const result = parseText(text, { 'package.json': '{"dependencies": {"root": "^1"}}' });
    expect(component(result, 'pkg:npm/string-width@4.2.3')).toMatchObject({
      scope: 'optional',
      source: { line: 6 },
    });
    expect(component(result, 'pkg:npm/root@1.0.0').dependsOn).toEqual(['pkg:npm/string-width@4.2.3']);
  });
});

describe('yarn berry lockfile', () => {
  const result = parseFixture('yarn/berry/yarn.lock');

  it('lists packages, skipping the soft-linked workspaces', () => {
    expect(result.problems).toEqual([]);
    expect(result.components).toHaveLength(9);
    expect(result.components.map((c) => c.name)).not.toContain('lock-demo');
    expect(result.components.map((c) => c.name)).not.toContain('@demo/app');
  });

  it('encodes scoped names and points at each entry key', () => {
    expect(component(result, 'pkg:npm/%40types/debug@4.1.13')).toMatchObject({
      name: '@types/debug',
      source: { path: 'yarn/berry/yarn.lock', line: 17 },
      dependsOn: ['pkg:npm/%40types/ms@2.1.0'],
    });
    expect(component(result, 'pkg:npm/ms@2.1.3').source.line).toBe(79);
    expect(component(result, 'pkg:npm/ms@2.0.0').source.line).toBe(72);
  });

  it('does not pass off the cache checksum as a package hash', () => {
    expect(result.components.every((c) => c.hashes.length === 0)).toBe(true);
  });

  it('resolves dependencies and a peer with a single candidate', () => {
    expect(component(result, 'pkg:npm/debug@2.6.9').dependsOn).toEqual(['pkg:npm/ms@2.0.0']);
    expect(component(result, 'pkg:npm/use-sync-external-store@1.7.0').dependsOn).toEqual([
      'pkg:npm/react@19.3.1',
    ]);
  });

  it('scopes from the workspaces package.json files, with dependenciesMeta optional', () => {
    expect(scopes(result)).toEqual(EXPECTED_SCOPES);
    expect(result.direct).toHaveLength(7);
    expect(result.direct).toContain('pkg:npm/kleur@4.1.5');
  });

  it('without package.json, still knows optional and direct ones but not dev', () => {
    const alone = parseFixture('yarn/berry/yarn.lock', () => undefined);
    expect(alone.components).toHaveLength(9);
    expect(component(alone, 'pkg:npm/%40types/debug@4.1.13').scope).toBe('required');
    expect(component(alone, 'pkg:npm/is-number@7.0.0').scope).toBe('optional');
    expect(alone.direct).toHaveLength(7);
    expect(alone.problems.map((problem) => problem.message)).toEqual([
      'no readable yarn/berry/packages/app/package.json, yarn/berry/package.json: dev dependencies of those workspaces are treated as required',
    ]);
  });
});

describe('files read beside yarn.lock', () => {
  it('never asks for a path outside the repository, whatever the lockfile names', () => {
    const asked: string[] = [];
    const text = [
      '__metadata:',
      '  version: 8',
      '',
      '"evil@workspace:../../../home/user":',
      '  version: 0.0.0-use.local',
      '  resolution: "evil@workspace:../../../home/user"',
      '  languageName: unknown',
      '  linkType: soft',
      '',
    ].join('\n');
    const result = yarnLockfile.parse('apps/web/yarn.lock', text, (path) => {
      asked.push(path);
      return undefined;
    });
    expect(asked).toEqual([]);
    expect(result.problems[0]?.message).toMatch(/^no readable \.\.\/\.\.\/\.\.\/home\/user\/package\.json/);
  });
});

describe('malformed yarn.lock', () => {
  it('v1: reports a broken header, a missing version and a truncated value, and reads the rest', () => {
    const result = parseFixture('yarn/malformed/v1/yarn.lock');
    expect(result.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [24, `expected an entry header ending in ':', found "left-pad@^1.3.0"`],
      [49, 'field "integrity" has an unterminated or invalid quoted value'],
      [27, 'entry "is-odd@^3.0.1" has no version'],
    ]);
    expect(result.components).toHaveLength(7);
    expect(component(result, 'pkg:npm/ms@2.1.3').hashes.map((hash) => hash.alg)).toEqual(['SHA-1']);
  });

  it('berry: reports a garbage entry, an entry without version and the truncation', () => {
    const result = parseFixture('yarn/malformed/berry/yarn.lock');
    expect(result.problems.map((problem) => problem.line)).toEqual([95, 42, 44]);
    expect(result.problems[0]?.message).toMatch(/Missing closing "quote/);
    expect(result.problems[1]?.message).toBe('entry "left-pad@npm:^1.3.0" is not a mapping');
    expect(result.components).toHaveLength(8);
    expect(component(result, 'pkg:npm/react@19.3.1').source.line).toBe(93);
  });
});

describe('hostile yarn.lock', () => {
  const junk = (length: number): string => {
    const alphabet = 'ab{}[]":,@ \n-#&*|';
    let seed = 11;
    const block = Array.from({ length: 65_536 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return alphabet[seed % alphabet.length];
    }).join('');
    return block.repeat(Math.ceil(length / block.length)).slice(0, length);
  };

  it('stops a v1 read of 10 MB of junk after a bounded number of problems', () => {
    const result = parseText(junk(10_000_000));
    expect(result.components).toEqual([]);
    expect(result.problems.length).toBeLessThanOrEqual(101);
    expect(result.problems.some((problem) => problem.message.startsWith('stopped reading'))).toBe(true);
  });

  it('stops a berry read where junk begins, keeping the entries before it', () => {
    const valid = readFixture('yarn/berry/yarn.lock') ?? '';
    const result = parseText(valid + junk(10_000_000));
    expect(result.components).toHaveLength(9);
    expect(result.problems.some((problem) => problem.message.startsWith('stopped reading'))).toBe(true);
  });

  it('skips a 10 MB line and deep YAML nesting', () => {
    expect(parseText(`${'a '.repeat(5_000_000)}:\n`).problems[0]?.message).toMatch(/line longer than/);
    const deep = parseText(`__metadata:\n  version: 8\nx: ${'['.repeat(100_000)}\n`);
    expect(deep.problems[0]?.message).toMatch(/too deeply nested/);
  });

  it('treats __proto__ as an ordinary package name in both syntaxes', () => {
    const v1 = parseText(
      '__proto__@1:\n  version "1.0.0"\n  dependencies:\n    constructor "1"\n\nconstructor@1:\n  version "1.0.0"\n',
      {
        'package.json': '{"dependencies": {"__proto__": "1"}}',
      },
    );
    expect(v1.components.map((c) => c.purl)).toEqual([
      'pkg:npm/__proto__@1.0.0',
      'pkg:npm/constructor@1.0.0',
    ]);
    expect(v1.direct).toEqual(['pkg:npm/__proto__@1.0.0']);
    const berry = parseText(
      '__metadata:\n  version: 8\n\n"__proto__@npm:1":\n  version: 1.0.0\n  resolution: "__proto__@npm:1.0.0"\n  languageName: node\n  linkType: hard\n',
    );
    expect(berry.components.map((c) => c.purl)).toEqual(['pkg:npm/__proto__@1.0.0']);
    expect(Object.prototype).not.toHaveProperty('version');
  });

  it('never expands YAML aliases', () => {
    const laughs =
      '__metadata:\n  version: 8\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n';
    const result = parseText(laughs);
    expect(result.components).toEqual([]);
    expect(result.problems.map((problem) => problem.line)).toEqual([3, 4, 5]);
  });
});
