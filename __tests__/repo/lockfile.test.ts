import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { missingOptionalDependencies } from '../helpers/lockfile.js';

describe('package-lock.json', () => {
  const lockfile: unknown = JSON.parse(readFileSync('package-lock.json', 'utf8'));

  it('locks every platform binding of every optional dependency, so npm ci works on Linux, macOS and Windows', () => {
    expect(missingOptionalDependencies(lockfile)).toEqual([]);
  });

  it('locks the bindings for the platforms contributors and runners use', () => {
    const packages = Object.values((lockfile as { packages: Record<string, { os?: string[] }> }).packages);
    const platforms = new Set(packages.flatMap((entry) => entry.os ?? []));
    expect([...platforms]).toEqual(expect.arrayContaining(['linux', 'darwin', 'win32']));
  });

  it('names a binding that is left out, from the package that lists it', () => {
    const lockfile = {
      packages: {
        '': { devDependencies: { jest: '30' } },
        'node_modules/resolver': {
          optionalDependencies: { 'binding-linux-x64': '1', 'binding-darwin-arm64': '1' },
        },
        'node_modules/tool/node_modules/resolver': { optionalDependencies: { 'binding-win32-x64': '1' } },
        'node_modules/binding-linux-x64': { os: ['linux'] },
        'node_modules/tool/node_modules/binding-win32-x64': { os: ['win32'] },
      },
    };
    expect(missingOptionalDependencies(lockfile)).toEqual([
      { dependent: 'node_modules/resolver', missing: 'binding-darwin-arm64' },
    ]);
  });
});
