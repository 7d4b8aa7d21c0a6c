import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locatePackage } from '../../../src/scanners/osv/locate.js';

function locate(fixture: string, name: string, version: string, ecosystem = 'npm'): number | undefined {
  const content = readFileSync(join('__fixtures__', 'osv', 'lockfiles', fixture), 'utf8');
  return locatePackage(fixture, content, { name, version, ecosystem });
}

describe('locatePackage in package-lock.json', () => {
  it.each<[string, string, string, number]>([
    ['v1: a top-level entry', 'lodash', '4.17.20', 7],
    ['v1: the top-level copy of two versions', 'minimist', '1.2.5', 24],
    ['v1: the nested copy of two versions', 'minimist', '0.0.8', 18],
  ])('%s', (_label, name, version, line) => {
    expect(locate('npm-v1/package-lock.json', name, version)).toBe(line);
  });

  it.each<[string, string, string, number]>([
    ['v2: the node_modules key, not the v1 section nor the root dependencies', 'lodash', '4.17.20', 20],
    ['v2: a scoped package, not taken for its unscoped namesake', '@types/lodash', '4.14.168', 16],
    ['v2: a nested key', 'minimist', '0.0.8', 30],
  ])('%s', (_label, name, version, line) => {
    expect(locate('npm-v2/package-lock.json', name, version)).toBe(line);
  });

  it.each<[string, string, string, number]>([
    ['v3: a hoisted package', 'lodash', '4.17.20', 22],
    ['v3: the hoisted copy', 'minimist', '1.2.5', 27],
    ['v3: the nested copy', 'minimist', '0.0.8', 43],
    ['v3: a version not in the file falls back to the shallowest key', 'minimist', '9.9.9', 27],
  ])('%s', (_label, name, version, line) => {
    expect(locate('npm-v3/package-lock.json', name, version)).toBe(line);
  });

  it('does not find a package the lockfile does not hold', () => {
    expect(locate('npm-v3/package-lock.json', 'left-pad', '1.0.0')).toBeUndefined();
    expect(locate('npm-v3/package-lock.json', 'lodash.merge', '4.6.2')).toBeUndefined();
  });

  it('does not find a package in a lockfile written on one line', () => {
    const oneLine = JSON.stringify({
      lockfileVersion: 3,
      packages: { 'node_modules/lodash': { version: '1.0.0' } },
    });
    expect(
      locatePackage('package-lock.json', oneLine, { name: 'lodash', version: '1.0.0', ecosystem: 'npm' }),
    ).toBe(undefined);
  });
});

describe('locatePackage in requirements files', () => {
  it.each<[string, string, string, number | undefined]>([
    ['a pin with spaces and a continued --hash line', 'django-rest-framework', '3.9.0', 4],
    ['extras, several specifiers and a marker', 'jinja2', '2.10', 6],
    ['a name osv-scanner reports without a version', 'jinja2', '', 6],
    ['=== and a comment, names case-insensitive', 'pyyaml', '5.1', 7],
    ['the line pinning that version, not a prefix of it', 'requests', '2.19.0', 10],
    ['2.1 is not 2.19.0', 'requests', '2.1', 9],
    ['an unpinned version falls back to the first line naming it', 'requests', '3.0.0', 8],
    ['a package only in -r requirements.txt', 'flask', '2.0.0', undefined],
  ])('%s', (_label, name, version, line) => {
    expect(locate('pip/requirements-dev.txt', name, version, 'PyPI')).toBe(line);
  });

  it('handles CRLF line ends', () => {
    const text = '# pinned\r\nflask==2.0.0\r\nrequests==2.19.0\r\n';
    expect(
      locatePackage('requirements.txt', text, { name: 'requests', version: '2.19.0', ecosystem: 'PyPI' }),
    ).toBe(3);
  });
});

describe('locatePackage in other formats, best effort', () => {
  it.each<[string, string, string, string, number]>([
    ['yarn-v1/yarn.lock', 'lodash', '4.17.20', 'npm', 9],
    ['yarn-v1/yarn.lock', '@babel/code-frame', '7.12.13', 'npm', 5],
    ['yarn-berry/yarn.lock', 'lodash', '4.17.20', 'npm', 7],
    ['pnpm-v6/pnpm-lock.yaml', 'lodash', '4.17.20', 'npm', 10],
    ['pnpm-v9/pnpm-lock.yaml', 'lodash', '4.17.20', 'npm', 13],
    ['poetry/poetry.lock', 'requests', '2.19.0', 'PyPI', 9],
    ['pipenv/Pipfile.lock', 'requests', '2.19.0', 'PyPI', 9],
    ['go/go.mod', 'golang.org/x/text', '0.3.7', 'Go', 8],
    ['go/go.mod', 'github.com/gin-gonic/gin', '1.6.0', 'Go', 9],
    ['go/go.mod', 'stdlib', '1.21.5', 'Go', 5],
    ['cargo/Cargo.lock', 'smallvec', '1.6.0', 'crates.io', 5],
    ['bundler/Gemfile.lock', 'rack', '2.0.1', 'RubyGems', 4],
    ['bundler/Gemfile.lock', 'rails', '5.0.0', 'RubyGems', 5],
    ['composer/composer.lock', 'guzzlehttp/guzzle', '6.5.0', 'Packagist', 5],
    ['composer/composer.lock', 'symfony/http-kernel', 'v4.4.0', 'Packagist', 10],
  ])('%s: %s@%s', (fixture, name, version, ecosystem, line) => {
    expect(locate(fixture, name, version, ecosystem)).toBe(line);
  });

  it('does not find what is not there', () => {
    expect(locate('cargo/Cargo.lock', 'serde', '1.0.0', 'crates.io')).toBeUndefined();
    expect(locate('yarn-v1/yarn.lock', 'code-frame', '7.12.13')).toBeUndefined();
  });
});
