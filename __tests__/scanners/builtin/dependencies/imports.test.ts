import { describe, expect, it } from '@jest/globals';
import {
  jsImports,
  packageOfSpecifier,
  pythonImports,
  type ImportSite,
} from '../../../../src/scanners/builtin/dependencies/imports.js';
import {
  jsLocalNames,
  localModuleNames,
  pythonImportSatisfied,
  typesPackage,
} from '../../../../src/scanners/builtin/dependencies/undeclared.js';
import { PYTHON_SOURCE } from '../../../../src/scanners/builtin/dependencies/imports.js';

const brief = (site: ImportSite) =>
  `${site.module}${site.typeOnly ? ' (type)' : ''} ${site.region.startLine}:${site.region.startColumn}`;

describe('packageOfSpecifier', () => {
  it.each([
    ['lodash', 'lodash'],
    ['lodash/fp/map', 'lodash'],
    ['@scope/pkg', '@scope/pkg'],
    ['@scope/pkg/deep/path.js', '@scope/pkg'],
    ['bootstrap/dist/css/bootstrap.min.css', 'bootstrap'],
  ])('%s → %s', (specifier, name) => {
    expect(packageOfSpecifier(specifier)).toBe(name);
  });

  it.each([
    './local',
    '../up',
    '/abs/path',
    '#internal',
    '~/alias',
    '@/components/x',
    '@scope',
    'node:fs',
    'fs',
    'fs/promises',
    'child_process',
    'https://esm.sh/react',
    'npm:express@4',
    'virtual:pwa-register',
  ])('%s is not a package', (specifier) => {
    expect(packageOfSpecifier(specifier)).toBeUndefined();
  });
});

describe('jsImports', () => {
  it('finds every import form, skipping comments and strings', () => {
    const text = [
      "import express from 'express';", // 1
      'import { a,',
      '  b } from "@scope/lib/sub";',
      "import type { Config } from 'some-types-only';",
      "import 'side-effect';", // 5
      "export * from 're-exported';",
      "export { x } from './local';",
      "const lazy = await import('lazy-pkg');",
      "const cjs = require('cjs-pkg');",
      "const resolved = require.resolve('resolved-pkg');", // 10
      "// const commented = require('in-a-comment');",
      "/* import x from 'in-a-block' */",
      'const text = "import fake from \'in-a-string\'";',
      "obj.require('not-a-require');",
      'const dynamic = require(name);', // 15
      'const tpl = require(`template-pkg`);',
      "import fs from 'node:fs';",
    ].join('\n');

    expect(jsImports('src/app.ts', text).map(brief)).toEqual([
      'express 1:22',
      '@scope/lib 3:13',
      'some-types-only (type) 4:30',
      'side-effect 5:9',
      're-exported 6:16',
      'lazy-pkg 8:28',
      'cjs-pkg 9:22',
      'resolved-pkg 10:35',
      'template-pkg 16:22',
    ]);
  });

  it('treats every import of a declaration file as type-only', () => {
    expect(jsImports('types/env.d.ts', "import { X } from 'x';\n").map(brief)).toEqual(['x (type) 1:20']);
  });
});

describe('pythonImports', () => {
  it('finds absolute imports, skipping relative, optional, commented and quoted ones', () => {
    const text = [
      'import os, sys', // 1
      'import yaml as y, numpy.linalg',
      'from bs4 import BeautifulSoup',
      'from . import sibling',
      'from .pkg.mod import thing', // 5
      'from app.models import User',
      '# import commented',
      '"""',
      'import in_docstring',
      '"""', // 10
      'try:',
      '    import ujson as json',
      'except ImportError:',
      '    import simplejson as json',
      'def f():', // 15
      '    import requests',
      "x = 'import quoted'",
      'from __future__ import annotations',
    ].join('\n');

    expect(pythonImports('app/main.py', text).map(brief)).toEqual([
      'os 1:8',
      'sys 1:12',
      'yaml 2:8',
      'numpy 2:19',
      'bs4 3:6',
      'app 6:6',
      'requests 16:12',
      '__future__ 18:6',
    ]);
  });
});

describe('pythonImportSatisfied', () => {
  const declared = new Set([
    'pyyaml',
    'scikit-learn',
    'python-dotenv',
    'google-cloud-storage',
    'requests',
    'pyjwt',
  ]);
  const local = new Set(['app', 'utils']);

  it.each([
    'os',
    'json',
    'tomllib',
    'distutils',
    'urllib2',
    'yaml',
    'sklearn',
    'dotenv',
    'google',
    'requests',
    'jwt',
    'app',
    'utils',
    'Requests',
  ])('%s is satisfied', (module) => {
    expect(pythonImportSatisfied(module, declared, local)).toBe(true);
  });

  it.each(['cv2', 'PIL', 'bs4', 'pandas', 'flask'])('%s is not', (module) => {
    expect(pythonImportSatisfied(module, declared, local)).toBe(false);
  });
});

describe('local names', () => {
  it('Python: every directory and module stem', () => {
    const names = localModuleNames(['src/pkg/mod.py', 'tools/run.py', 'README.md'], PYTHON_SOURCE);
    expect([...names].sort()).toEqual(['mod', 'pkg', 'run', 'src', 'tools']);
  });

  it('JavaScript: entries directly in each package directory and in its src/', () => {
    const files = ['src/utils/a.ts', 'src/config.ts', 'lib/x.js', 'web/src/hooks/use.ts', 'web/types.d.ts'];
    expect([...jsLocalNames(files, ['', 'web'])].sort()).toEqual(
      ['config', 'lib', 'src', 'types', 'utils', 'web', 'hooks'].sort(),
    );
  });

  it('names DefinitelyTyped packages', () => {
    expect(typesPackage('express')).toBe('@types/express');
    expect(typesPackage('@babel/core')).toBe('@types/babel__core');
  });
});
