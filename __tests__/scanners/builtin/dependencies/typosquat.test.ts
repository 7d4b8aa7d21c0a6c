import { describe, expect, it } from '@jest/globals';
import npmList from '../../../../data/popular-packages/npm.json' with { type: 'json' };
import pypiList from '../../../../data/popular-packages/pypi.json' with { type: 'json' };
import { POPULAR } from '../../../../src/scanners/builtin/dependencies/popular.js';
import {
  changedSegments,
  editDistance,
  likelyTyposquat,
  popularIndex,
} from '../../../../src/scanners/builtin/dependencies/typosquat.js';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['kitten', 'sitting', Number.POSITIVE_INFINITY, 3],
    ['lodash', 'lodahs', 1, 1],
    ['ca', 'ac', Number.POSITIVE_INFINITY, 1],
    ['', 'abc', Number.POSITIVE_INFINITY, 3],
    ['express', 'expres', 1, 1],
    ['same', 'same', 0, 0],
  ])('%s → %s', (a, b, limit, distance) => {
    expect(editDistance(a, b, limit)).toBe(distance);
  });

  it('answers "more than the limit" without computing the rest', () => {
    expect(editDistance('abcdefgh', 'stuvwxyz', 2)).toBeGreaterThan(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('likelyTyposquat against the shipped npm list', () => {
  it.each([
    ['lodahs', 'lodash', 'transposition'],
    ['expres', 'express', 'edit'],
    ['expresss', 'express', 'edit'],
    ['reakt', 'react', 'edit'],
    ['crossenv', 'cross-env', 'separator'],
    ['cross_env', 'cross-env', 'separator'],
    ['lodash_es', 'lodash-es', 'separator'],
    ['l0dash', 'lodash', 'homoglyph'],
    ['1odash', 'lodash', 'homoglyph'],
    ['rnongoose', 'mongoose', 'homoglyph'],
    ['@type/node', '@types/node', 'scope'],
    ['@typescript_eslint/parser', '@typescript-eslint/parser', 'scope'],
    ['types-node', '@types/node', 'scope'],
    ['@lodash/lodash', 'lodash', 'scope'],
    ['eslint-plugin-reacts', 'eslint-plugin-react', 'edit'],
    ['webpack-dev-servre', 'webpack-dev-server', 'transposition'],
    ['electorn', 'electron', 'transposition'],
    ['jsonwebtokne', 'jsonwebtoken', 'transposition'],
  ])('%s imitates %s (%s)', (name, target, kind) => {
    expect(likelyTyposquat(name, POPULAR.npm)).toEqual({ target, kind });
  });

  it.each([
    ['a popular name itself', 'lodash'],
    ['another popular name one edit away', 'preact'],
    ['a short name (one edit makes dozens of real packages)', 'mss'],
    ['a look-alike letter in a short name', 'cha1'],
    ['a word in a package family', 'lodash.has'],
    ['a different word in a family', 'react-dnd'],
    ['a package under a popular scope, which only its owner can publish', '@types/lodahs'],
    ['an unrelated name', 'my-company-logger'],
    ['an unknown scope with an unpopular base', '@acme/utils'],
    ['an unknown scope with a popular base', '@ionic/react'],
    ['case alone (npm names are lower case)', 'Express'],
  ])('leaves alone %s: %s', (_label, name) => {
    expect(likelyTyposquat(name, POPULAR.npm)).toBeUndefined();
  });
});

describe('likelyTyposquat against the shipped PyPI list', () => {
  it.each([
    ['reqeusts', 'requests', 'transposition'],
    ['request', 'requests', 'edit'],
    ['urllib', 'urllib3', 'edit'],
    ['colourama', 'colorama', 'edit'],
    ['python-dateutils', 'python-dateutil', 'edit'],
    ['pythondateutil', 'python-dateutil', 'separator'],
    ['djangorestframwork', 'djangorestframework', 'edit'],
    ['beautifulsoup', 'beautifulsoup4', 'edit'],
    ['jeIlyfish', 'jellyfish', 'homoglyph'],
  ])('%s imitates %s (%s)', (name, target, kind) => {
    expect(likelyTyposquat(name, POPULAR.pypi)).toEqual({ target, kind });
  });

  it.each([
    ['Requests'],
    ['python_dateutil'],
    ['PyYAML'],
    ['scapy'],
    ['scipy'],
    ['six'],
    ['my-internal-tool'],
  ])('leaves alone %s (PEP 503 treats case and separators as the same name)', (name) => {
    expect(likelyTyposquat(name, POPULAR.pypi)).toBeUndefined();
  });
});

describe('the popular lists', () => {
  it.each([
    ['npm', npmList.names, /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/],
    ['pypi', pypiList.names, /^[a-z0-9][a-z0-9._-]*[a-z0-9]$/],
  ])('%s: hold several hundred valid, distinct names', (_ecosystem, names, valid) => {
    expect(names.length).toBeGreaterThan(500);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => !valid.test(name))).toEqual([]);
  });

  it('never flag one another: each is known', () => {
    for (const name of npmList.names) expect(likelyTyposquat(name, POPULAR.npm)).toBeUndefined();
    for (const name of pypiList.names) expect(likelyTyposquat(name, POPULAR.pypi)).toBeUndefined();
  });

  it('index scopes and normalize PyPI names', () => {
    const index = popularIndex('pypi', ['Foo_Bar']);
    expect(index.known.has('foo-bar')).toBe(true);
    expect(POPULAR.npm.scopes.has('@types')).toBe(true);
  });

  it('measure the changed part of a name by whole segments', () => {
    expect(changedSegments('lodash.has', 'lodash.get')).toBe('get');
    expect(changedSegments('expres', 'express')).toBe('express');
    expect(changedSegments('eslint-plugin-reacts', 'eslint-plugin-react')).toBe('react');
  });
});
