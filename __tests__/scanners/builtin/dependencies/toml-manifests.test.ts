import { describe, expect, it } from '@jest/globals';
import { parseNpmrc } from '../../../../src/scanners/builtin/dependencies/npmrc.js';
import { parsePipfile } from '../../../../src/scanners/builtin/dependencies/pipfile.js';
import { parsePyproject } from '../../../../src/scanners/builtin/dependencies/pyproject.js';
import type { ManifestParse } from '../../../../src/scanners/builtin/dependencies/types.js';

const lines = (parsed: ManifestParse) =>
  parsed.declarations.map(
    (d) => `${d.name} ${d.source} ${d.region.startLine}:${d.region.startColumn}-${d.region.endColumn}`,
  );

describe('parsePyproject', () => {
  it('reads PEP 621 dependencies, optional dependencies, PEP 735 groups and build requirements', () => {
    const text = [
      '[build-system]', // 1
      'requires = ["hatchling>=1.20"]',
      '',
      '[project]',
      'name = "demo"',
      'dependencies = [',
      '  "httpx>=0.27",',
      '  \'PyYAML ; python_version > "3.8"\',',
      '  "local-thing @ file:///src/local",',
      ']',
      '',
      '[project.optional-dependencies]',
      'test = ["pytest", "pytest-cov"]',
      '',
      '[dependency-groups]',
      'lint = ["ruff", {include-group = "test"}]',
    ].join('\n');

    expect(lines(parsePyproject('pyproject.toml', text))).toEqual([
      'httpx registry 7:4-9',
      'PyYAML registry 8:4-10',
      'local-thing local 9:4-15',
      'hatchling registry 2:14-23',
      'pytest registry 13:10-16',
      'pytest-cov registry 13:20-30',
      'ruff registry 16:10-14',
    ]);
  });

  it('reads Poetry dependencies, the legacy dev table and groups, skipping python', () => {
    const text = [
      '[tool.poetry.dependencies]', // 1
      'python = "^3.11"',
      'fastapi = "^0.110"',
      'mylib = { path = "../mylib", develop = true }',
      'tool = { git = "https://github.com/o/tool.git" }',
      '"quoted-name" = { version = "^1", extras = ["x"] }',
      'internal = { version = "^2", source = "corp" }',
      '',
      '[tool.poetry.dev-dependencies]',
      'black = "*"',
      '',
      '[tool.poetry.group.test.dependencies]',
      'pytest = "^8"',
      '',
      '[tool.poetry.dependencies.requests]',
      'version = "^2.31"',
    ].join('\n');

    expect(lines(parsePyproject('pyproject.toml', text))).toEqual([
      'fastapi registry 3:1-8',
      'mylib local 4:1-6',
      'tool local 5:1-5',
      'quoted-name registry 6:2-13',
      'internal private-index 7:1-9',
      'requests registry 15:27-35',
      'black registry 10:1-6',
      'pytest registry 13:1-7',
    ]);
  });

  it('treats every package as private when a Poetry or uv source replaces PyPI', () => {
    const poetry =
      '[tool.poetry.dependencies]\na = "1"\n\n[[tool.poetry.source]]\nname = "corp"\nurl = "https://pkgs.example.com/simple"\npriority = "primary"\n';
    const supplemental = poetry.replace('primary', 'supplemental');
    const uv =
      '[project]\ndependencies = ["a", "b"]\n\n[[tool.uv.index]]\nurl = "https://pkgs.example.com/simple"\ndefault = true\n';
    const uvSources =
      '[project]\ndependencies = ["a", "b", "c"]\n[tool.uv.sources]\na = { workspace = true }\nb = { index = "corp" }\n';

    const sources = (text: string) =>
      parsePyproject('pyproject.toml', text).declarations.map((d) => d.source);
    expect(sources(poetry)).toEqual(['private-index']);
    expect(sources(supplemental)).toEqual(['registry']);
    expect(sources(uv)).toEqual(['private-index', 'private-index']);
    expect(sources(uvSources)).toEqual(['local', 'private-index', 'registry']);
  });

  it('notes TOML that does not parse, with its line', () => {
    const parsed = parsePyproject('sub/pyproject.toml', '[project]\ndependencies = ["a",\n[broken\n');
    expect(parsed.declarations).toEqual([]);
    expect(parsed.notes[0]?.message).toMatch(
      /^sub\/pyproject\.toml was not checked: it is not valid TOML \(line \d+, column \d+\)$/,
    );
  });

  it('ignores values of unexpected types', () => {
    const text =
      '[project]\ndependencies = "requests"\noptional-dependencies = 3\n[tool.poetry]\ndependencies = ["x"]\n';
    expect(parsePyproject('pyproject.toml', text)).toEqual({ declarations: [], notes: [] });
  });
});

describe('parsePipfile', () => {
  it('reads every package category with positions, and where each package comes from', () => {
    const text = [
      '[[source]]', // 1
      'url = "https://pypi.org/simple"',
      'verify_ssl = true',
      'name = "pypi"',
      '',
      '[[source]]',
      'url = "https://pkgs.example.com/simple"',
      'name = "corp"',
      '',
      '[packages]', // 10
      'requests = "*"',
      'corp-lib = { version = "*", index = "corp" }',
      'local = { path = ".", editable = true }',
      'pinned = { version = "==1.0", index = "pypi" }',
      '',
      '[dev-packages]',
      'pytest = ">=8"',
      '',
      '[docs]',
      'sphinx = "*"',
      '',
      '[requires]',
      'python_version = "3.12"',
      '',
      '[scripts]',
      'start = "python app.py"',
    ].join('\n');

    expect(lines(parsePipfile('Pipfile', text))).toEqual([
      'requests registry 11:1-9',
      'corp-lib private-index 12:1-9',
      'local local 13:1-6',
      'pinned registry 14:1-7',
      'pytest registry 17:1-7',
      'sphinx registry 20:1-7',
    ]);
  });

  it('installs from the first source by default', () => {
    const text =
      '[[source]]\nurl = "https://pkgs.example.com/simple"\nname = "corp"\n\n[packages]\na = "*"\n';
    expect(parsePipfile('Pipfile', text).declarations.map((d) => d.source)).toEqual(['private-index']);
  });
});

describe('parseNpmrc', () => {
  it('reads scope registries, refusing plain HTTP, credentials in URLs and variables', () => {
    const text = [
      'registry=https://registry.npmjs.org/',
      '@corp:registry=https://npm.pkg.github.com/',
      '@Local:registry = http://127.0.0.1:4873/',
      '@meta:registry=http://169.254.169.254/latest/',
      '@creds:registry=https://user:pass@npm.example.com/',
      '@vars:registry=${REGISTRY}',
      '//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}',
    ].join('\n');

    const parsed = parseNpmrc('.npmrc', text);

    expect(Object.fromEntries(parsed.registries)).toEqual({
      '@corp': 'https://npm.pkg.github.com/',
      '@local': 'http://127.0.0.1:4873/',
      '@meta': '',
      '@creds': '',
      '@vars': '',
    });
    expect(parsed.notes.map((note) => note.message)).toEqual([
      expect.stringContaining('the registry of @meta is not an https URL'),
      expect.stringContaining('@creds'),
      expect.stringContaining('@vars'),
    ]);
  });
});
