import { describe, expect, it } from '@jest/globals';
import { createDependencyHallucinationCheck } from '../../../../src/scanners/builtin/checks/dependency-hallucination.js';
import { memoryRepo, summary } from './helpers.js';

const check = createDependencyHallucinationCheck({ offline: true });
const undeclared = async (files: Record<string, string>) =>
  summary(await check.run(memoryRepo(files))).filter((line) => line.startsWith('undeclared-import'));
const pkg = (deps: Record<string, string> = {}, devDeps: Record<string, string> = {}) =>
  JSON.stringify({ dependencies: deps, devDependencies: devDeps });

describe('undeclared imports: JavaScript', () => {
  it('judges each file by the package.json files that enclose it', async () => {
    expect(
      await undeclared({
        'package.json': pkg({ express: '4' }),
        'server.js': "require('express'); require('cors');",
        'apps/web/package.json': pkg({ react: '18' }),
        'apps/web/main.jsx': "import 'react'; import 'express'; import 'cors'; import 'vue';",
      }),
    ).toEqual([
      'undeclared-import apps/web/main.jsx:1',
      'undeclared-import apps/web/main.jsx:1',
      'undeclared-import server.js:1',
    ]);
  });

  it('leaves alone files no package.json encloses, and repositories without one', async () => {
    expect(await undeclared({ 'web/package.json': pkg(), 'scripts/x.js': "require('chalk');" })).toEqual([]);
    expect(await undeclared({ 'x.js': "require('chalk');" })).toEqual([]);
  });

  it('accepts @types packages for type-only imports, never for runtime ones', async () => {
    const files = { 'package.json': pkg({}, { '@types/express': '4', '@types/babel__core': '7' }) };
    expect(await undeclared({ ...files, 'a.ts': "import type { Request } from 'express';" })).toEqual([]);
    expect(await undeclared({ ...files, 'a.ts': "import type { X } from '@babel/core';" })).toEqual([]);
    expect(await undeclared({ ...files, 'a.ts': "import express from 'express';" })).toEqual([
      'undeclared-import a.ts:1',
    ]);
  });

  it('accepts workspace packages, path aliases into src/, and skips vendored and built code', async () => {
    expect(
      await undeclared({
        'package.json': pkg(),
        'packages/ui/package.json': JSON.stringify({ name: '@me/ui' }),
        'src/app.ts': "import '@me/ui'; import 'components/Button'; import 'lib/x';",
        'src/components/Button.tsx': '',
        'lib/x.ts': '',
        'dist/bundle.js': "require('left-pad');",
        'node_modules/a/index.js': "require('left-pad');",
        'public/jquery.min.js': "require('left-pad');",
      }),
    ).toEqual([]);
  });

  it('does not compare with a package.json that does not parse', async () => {
    expect(await undeclared({ 'package.json': '{', 'a.js': "require('chalk');" })).toEqual([]);
  });
});

describe('undeclared imports: Python', () => {
  it('judges files under a Python project by its manifests, and leaves other scripts alone', async () => {
    expect(
      await undeclared({
        'service/requirements/base.txt': 'flask\n',
        'service/app/main.py': 'import flask\nimport requests\n',
        'tools/release.py': 'import requests\n',
      }),
    ).toEqual(['undeclared-import service/app/main.py:2']);
  });

  it('does not compare a project that also has a setup.py, setup.cfg or environment.yml', async () => {
    for (const unread of ['setup.py', 'setup.cfg', 'environment.yml']) {
      expect(
        await undeclared({ 'requirements.txt': 'flask\n', [unread]: '', 'a.py': 'import requests\n' }),
      ).toEqual([]);
    }
  });

  it('does not compare a project whose manifests declare nothing (a pyproject.toml for tools only)', async () => {
    expect(
      await undeclared({ 'pyproject.toml': '[tool.black]\nline-length = 100\n', 'a.py': 'import x\n' }),
    ).toEqual([]);
  });

  it('says which distribution provides a known import, and counts the other files', async () => {
    const result = await check.run(
      memoryRepo({ 'requirements.txt': 'flask\n', 'a.py': 'import yaml\n', 'b.py': 'import yaml\n' }),
    );
    expect(result.detections.map((d) => d.message)).toEqual([
      expect.stringContaining(
        '`yaml` is imported here (and in 1 other file) but no requirements file, pyproject.toml or Pipfile of the repository declares it: undeclared import. The import `yaml` is provided by `PyYAML` or `ruamel.yaml`.',
      ),
    ]);
  });
});
