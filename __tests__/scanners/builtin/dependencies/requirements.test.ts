import { describe, expect, it } from '@jest/globals';
import { parseRequirement } from '../../../../src/scanners/builtin/dependencies/pep508.js';
import {
  readRequirements,
  REQUIREMENTS_FILE,
} from '../../../../src/scanners/builtin/dependencies/requirements-includes.js';
import { parseRequirements } from '../../../../src/scanners/builtin/dependencies/requirements.js';
import type { Declaration } from '../../../../src/scanners/builtin/dependencies/types.js';

const brief = (d: Declaration) =>
  `${d.name} ${d.source} ${d.path}:${d.region.startLine}:${d.region.startColumn}-${d.region.endColumn}`;

describe('parseRequirements', () => {
  it('finds names with their lines and columns and skips options, URLs, paths and comments', () => {
    const text = [
      '# a comment: requests==1',
      'Django>=4.2,<5  # the web framework',
      '  requests[socks,security] == 2.32.3 ; python_version >= "3.8"',
      '--index-url https://pypi.org/simple',
      '-c constraints.txt',
      '-e .',
      '-e git+https://github.com/o/tool.git@v1#egg=tool-lib',
      'https://example.com/pkg-1.0.tar.gz',
      './local/path',
      '../sibling',
      'pkg-1.0-py3-none-any.whl',
      'mylib @ https://example.com/mylib-1.0.zip',
      'numpy==1.26.4 \\',
      '    --hash=sha256:abcdef',
      'pytest',
      '',
      '--pre',
      'attrs>=23;python_version>"3"',
      'zope.interface~=6.0',
      'ruamel.yaml',
    ].join('\r\n');

    const parsed = parseRequirements('requirements.txt', text);

    expect(parsed.declarations.map(brief)).toEqual([
      'Django registry requirements.txt:2:1-7',
      'requests registry requirements.txt:3:3-11',
      'tool-lib local requirements.txt:7:45-53',
      'mylib local requirements.txt:12:1-6',
      'numpy registry requirements.txt:13:1-6',
      'pytest registry requirements.txt:15:1-7',
      'attrs registry requirements.txt:18:1-6',
      'zope.interface registry requirements.txt:19:1-15',
      'ruamel.yaml registry requirements.txt:20:1-12',
    ]);
    expect(parsed.usesOtherIndex).toBe(false);
  });

  it('collects -r includes in every spelling, with their lines', () => {
    const text =
      '-r base.txt\n--requirement=dev/extra.txt\n-rcommon.txt\n  --requirement  ../up.txt  # why\n';
    expect(parseRequirements('req/requirements.txt', text).includes).toEqual([
      { target: 'base.txt', line: 1 },
      { target: 'dev/extra.txt', line: 2 },
      { target: 'common.txt', line: 3 },
      { target: '../up.txt', line: 4 },
    ]);
  });

  it.each([
    ['--index-url https://pkgs.example.com/simple'],
    ['-i https://pkgs.example.com/simple'],
    ['--extra-index-url=https://pkgs.example.com/simple'],
    ['--find-links ./wheels'],
    ['--no-index'],
  ])('notices another index: %s', (line) => {
    expect(parseRequirements('r.txt', `${line}\nprivate-lib\n`).usesOtherIndex).toBe(true);
  });

  it('does not take PyPI itself for another index', () => {
    expect(parseRequirements('r.txt', '--extra-index-url=https://pypi.org/simple\nx\n').usesOtherIndex).toBe(
      false,
    );
  });
});

describe('readRequirements', () => {
  const read = (files: Record<string, string>) =>
    readRequirements(Object.keys(files), (path) => Promise.resolve(files[path]));

  it('reads requirements*.txt and requirements/ files, follows -r inside the repository once each', async () => {
    const result = await read({
      'requirements.txt': '-r requirements/base.txt\n-r requirements/base.txt\n-r ../outside.txt\nflask\n',
      'requirements/base.txt': '-r common.in\nrequests\n',
      'requirements/common.in': 'six\n-r ../requirements.txt\n',
      'docs/extra.txt': 'sphinx\n',
    });

    expect(result.declarations.map((d) => `${d.name} ${d.path}:${d.region.startLine}`).sort()).toEqual([
      'flask requirements.txt:4',
      'requests requirements/base.txt:2',
      'six requirements/common.in:1',
    ]);
    expect(result.notes.map((note) => note.message)).toEqual([
      'requirements.txt:3: `-r ../outside.txt` was not followed: it is not a file in the repository',
    ]);
  });

  it('marks packages installed through another index, including in files that index includes', async () => {
    const result = await read({
      'requirements.txt': '--index-url https://pkgs.example.com/simple\n-r shared.txt\ninternal-lib\n',
      'shared.txt': 'shared-lib\n',
      'requirements-dev.txt': 'pytest\n',
    });
    const sources = Object.fromEntries(result.declarations.map((d) => [d.name, d.source]));
    expect(sources).toEqual({
      'internal-lib': 'private-index',
      'shared-lib': 'private-index',
      pytest: 'registry',
    });
  });

  it('notes an included file that cannot be read', async () => {
    const result = await readRequirements(['requirements.txt', 'b.txt'], (path) =>
      Promise.resolve(path === 'requirements.txt' ? '-r b.txt\n' : undefined),
    );
    expect(result.notes.map((note) => note.path)).toEqual(['b.txt']);
  });

  it('recognises requirements file names', () => {
    const names = ['requirements.txt', 'a/requirements-dev.txt', 'requirements/prod.txt', 'requirements.in'];
    expect(names.filter((name) => REQUIREMENTS_FILE.test(name))).toEqual(names);
    expect(
      ['notes.txt', 'my-requirements.txt', 'requirements.txt.bak'].some((n) => REQUIREMENTS_FILE.test(n)),
    ).toBe(false);
  });
});

describe('parseRequirement (PEP 508)', () => {
  it.each([
    ['requests', 'requests', 'registry'],
    ['  Flask [async] >= 2', 'Flask', 'registry'],
    ['pip @ https://example.com/pip.whl', 'pip', 'local'],
    ['foo(>=1.0)', 'foo', 'registry'],
    ['a.b_c-d', 'a.b_c-d', 'registry'],
  ])('%s', (text, name, source) => {
    expect(parseRequirement(text)).toMatchObject({ name, source });
  });

  it.each(['https://x/y.whl', '.', '-e x', 'git+https://x', 'name$', ''])('rejects %s', (text) => {
    expect(parseRequirement(text)).toBeUndefined();
  });
});
