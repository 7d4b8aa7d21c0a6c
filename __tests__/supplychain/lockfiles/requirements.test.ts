import { describe, expect, it } from '@jest/globals';
import { component, parseWith } from './fixture.js';
import { requirementsLockfile } from '../../../src/supplychain/lockfiles/requirements.js';

const parseFixture = parseWith(requirementsLockfile);

describe('requirementsLockfile.matches', () => {
  it.each([
    'requirements.txt',
    'app/requirements-dev.txt',
    'dev-requirements.txt',
    'requirements_test.txt',
    'requirements/base.txt',
  ])('claims %s', (path) => {
    expect(requirementsLockfile.matches(path)).toBe(true);
  });

  it.each(['requirements.in', 'constraints.txt', 'notes.txt', 'src/requirements.py'])(
    'leaves %s alone',
    (path) => {
      expect(requirementsLockfile.matches(path)).toBe(false);
    },
  );
});

describe('pip-compile --generate-hashes output', () => {
  const result = parseFixture('requirements/pip-compile/requirements.txt');
  const dev = parseFixture('requirements/pip-compile/requirements-dev.txt');

  it('lists every pin with the hashes from its continuation lines', () => {
    expect(result.components).toHaveLength(4);
    expect(result.problems).toEqual([]);
    expect(component(result, 'pkg:pypi/attrs@26.1.0')).toEqual({
      ecosystem: 'pypi',
      name: 'attrs',
      version: '26.1.0',
      purl: 'pkg:pypi/attrs@26.1.0',
      scope: 'required',
      hashes: [
        { alg: 'SHA-256', content: 'c647aa4a12dfbad9333ca4e71fe62ddc36f4e63b2d260a37a8b83d2f043ac309' },
        { alg: 'SHA-256', content: 'd03ceb89cb322a8fd706d4fb91940737b6642aa36998fe130a9bc96c985eff32' },
      ],
      dependsOn: [],
      source: { path: 'requirements/pip-compile/requirements.txt', line: 7 },
    });
  });

  it('reads direct dependencies from the `# via -r` annotations', () => {
    expect(result.direct).toEqual([
      'pkg:pypi/attrs@26.1.0',
      'pkg:pypi/click@8.5.1',
      'pkg:pypi/python-dateutil@4.0.0',
    ]);
    expect(dev.direct).toEqual(['pkg:pypi/pytest@9.2.0']);
  });

  it('reads the one-line annotation style as well', () => {
    const text = 'a==1  # via -r requirements.in\nb==2  # via a\nc==3  # via app (pyproject.toml)\n';
    const parsed = requirementsLockfile.parse('requirements.txt', text, () => undefined);
    expect(parsed.direct).toEqual(['pkg:pypi/a@1', 'pkg:pypi/c@3']);
  });

  it('scopes a requirements-dev file as dev', () => {
    expect(dev.components).toHaveLength(5);
    expect(dev.components.every((c) => c.scope === 'dev')).toBe(true);
    expect(component(dev, 'pkg:pypi/pytest@9.2.0').source.line).toBe(23);
  });
});

describe('hand-written requirements with includes', () => {
  const result = parseFixture('requirements/hand-written/requirements.txt');

  it('keeps pins with extras, markers and ===, and follows -r relative to the including file', () => {
    expect(result.components.map((c) => c.purl)).toEqual([
      'pkg:pypi/certifi@2024.7.4',
      'pkg:pypi/django@5.0.6',
      'pkg:pypi/requests@2.32.3',
      'pkg:pypi/zope-interface@6.4.post2',
      'pkg:pypi/typing-extensions@4.12.2',
      'pkg:pypi/urllib3@2.2.2',
    ]);
    expect(component(result, 'pkg:pypi/certifi@2024.7.4').source).toEqual({
      path: 'requirements/hand-written/requirements/base.txt',
      line: 3,
    });
    expect(component(result, 'pkg:pypi/typing-extensions@4.12.2').name).toBe('typing_extensions');
    expect(component(result, 'pkg:pypi/urllib3@2.2.2').hashes).toHaveLength(2);
  });

  it('reports unpinned lines and a missing include at their lines, and skips direct references silently', () => {
    expect(result.problems).toEqual([
      {
        path: 'requirements/hand-written/requirements.txt',
        line: 10,
        message: 'Flask is not pinned (>=3.0): only == pins become SBOM components',
      },
      {
        path: 'requirements/hand-written/requirements.txt',
        line: 11,
        message: 'numpy is not pinned (no version): only == pins become SBOM components',
      },
      {
        path: 'requirements/hand-written/requirements.txt',
        line: 17,
        message: 'included file requirements/hand-written/missing.txt could not be read',
      },
    ]);
  });

  it('treats every pin of an unannotated file as direct', () => {
    expect(result.direct).toHaveLength(6);
  });

  it('scopes each file by its own name: requirements/test.txt is dev, what it includes is not', () => {
    const test = parseFixture('requirements/hand-written/requirements/test.txt');
    expect(test.components).toHaveLength(8);
    expect(component(test, 'pkg:pypi/pytest@8.2.2').scope).toBe('dev');
    expect(component(test, 'pkg:pypi/django@5.0.6')).toMatchObject({
      scope: 'required',
      source: { path: 'requirements/hand-written/requirements.txt', line: 6 },
    });
    expect(component(test, 'pkg:pypi/flask@3.0.3').source.path).toBe(
      'requirements/hand-written/constraints.txt',
    );
  });
});

describe('malformed and hostile requirements', () => {
  it('reports each bad line and still returns the good ones', () => {
    const result = parseFixture('requirements/malformed/requirements.txt');
    expect(result.components.map((c) => c.purl)).toEqual([
      'pkg:pypi/attrs@26.1.0',
      'pkg:pypi/click@8.5.1',
      'pkg:pypi/click@8.4.0',
      'pkg:pypi/six@1.17.0',
    ]);
    expect(result.problems.map((p) => [p.path, p.line])).toEqual([
      ['requirements/malformed/requirements.txt', 2],
      ['requirements/malformed/requirements.txt', 4],
      ['requirements/malformed/requirements.txt', 6],
      ['requirements/malformed/requirements.txt', 7],
      ['requirements/malformed/requirements.txt', 8],
    ]);
  });

  it('survives include cycles, escapes from the repository and remote includes', () => {
    const files: Record<string, string> = {
      'a/requirements.txt': '-r b.txt\nx==1\n',
      'a/b.txt': '-r requirements.txt\ny==2\n',
    };
    const read = (p: string): string | undefined => files[p];
    const cycle = requirementsLockfile.parse('a/requirements.txt', files['a/requirements.txt'] ?? '', read);
    expect(cycle.components.map((c) => c.purl)).toEqual(['pkg:pypi/y@2', 'pkg:pypi/x@1']);
    const escapes = requirementsLockfile.parse(
      'requirements.txt',
      '-r ../../etc/passwd\n-r https://x.test/r.txt\n',
      read,
    );
    expect(escapes.problems.map((p) => p.line)).toEqual([1, 2]);
  });

  it.each([
    ['binary', '\u0000\u0001\uFFFD==\\\n\\'],
    ['a very long line', `${'a'.repeat(200_000)}==1`],
    ['only a continuation', '\\'],
    ['options without values', '-r\n--hash\n-e\n'],
    ['a bad hash', 'x==1 --hash=sha256:zz --hash=md5:abc'],
  ])('does not throw on %s', (_label, text) => {
    expect(() => requirementsLockfile.parse('requirements.txt', text, () => undefined)).not.toThrow();
  });

  it('keeps a pin whose hash is not a valid digest, without the hash', () => {
    const result = requirementsLockfile.parse('requirements.txt', 'x==1 --hash=sha256:zz', () => undefined);
    expect(result.components[0]?.hashes).toEqual([]);
  });
});
