import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ScannerError } from '../../../../src/core/errors.js';
import type { FileSystem, HttpClient, Ports } from '../../../../src/core/ports.js';
import { createBuiltinAdapter } from '../../../../src/scanners/builtin/adapter.js';
import { ALL_CHECKS, REPOSITORY_CHECKS } from '../../../../src/scanners/builtin/checks/index.js';
import { DEPENDENCY_RULES } from '../../../../src/scanners/builtin/checks/dependency-hallucination.js';
import type { RepositoryCheck, RepositoryView } from '../../../../src/scanners/builtin/repository-check.js';
import type { ScanContext } from '../../../../src/scanners/scanner.js';
import { fixedClock, noNetwork } from './helpers.js';

const unused = () => Promise.reject(new Error('not used by the builtin scanner'));
const fs: FileSystem = {
  readFile: (path) => readFile(path),
  readHead: unused,
  writeFile: unused,
  mkdir: unused,
  lstat: unused,
  readdir: unused,
  makeTempDir: unused,
  remove: unused,
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'vouch-repo-check-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(path: string, contents: string | Uint8Array): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), contents);
}

function context(files: string[], http: HttpClient = noNetwork): ScanContext {
  const silent = () => undefined;
  const ports: Ports = {
    logger: { debug: silent, info: silent, warning: silent, error: silent },
    processes: { run: unused },
    fs,
    clock: fixedClock,
    http,
  };
  return { root, files, workDir: join(root, '.work'), timeoutMs: 10_000, ports };
}

const rule = DEPENDENCY_RULES.undeclared;
const recording = (seen: RepositoryView[]): RepositoryCheck => ({
  id: 'records-the-view',
  rules: [rule],
  run: async (repo) => {
    seen.push(repo);
    const text = await repo.readText('src/a.js');
    return {
      detections: [
        { ruleId: rule.id, message: `read ${text?.length ?? -1}`, location: { path: 'src/a.js' } },
      ],
      notes: [{ message: 'a repository note' }],
    };
  },
});

describe('createBuiltinAdapter with repository checks', () => {
  it('registers the dependency check by default, with its four rules', () => {
    expect(REPOSITORY_CHECKS.map((check) => check.id)).toEqual(['dependency-hallucination']);
    expect(REPOSITORY_CHECKS[0]?.rules.map((r) => r.id)).toEqual([
      'builtin/dependency-hallucination',
      'builtin/dependency-new-package',
      'builtin/dependency-typosquat',
      'builtin/dependency-undeclared-import',
    ]);
  });

  it('merges their rules, detections and notes with the per-file pass', async () => {
    await put('src/a.js', 'abc\n');
    await put('bad.bin', Uint8Array.from([0xff, 0xfe]));
    const seen: RepositoryView[] = [];

    const outcome = await createBuiltinAdapter(ALL_CHECKS, '1.0.0', {
      repositoryChecks: [recording(seen)],
    }).scan(context(['src/a.js', 'bad.bin', '../outside.js']));

    expect(outcome.kind).toBe('findings');
    if (outcome.kind !== 'findings') return;
    expect(outcome.rules.map((r) => r.id)).toEqual([...ALL_CHECKS.map((c) => c.rule.id), rule.id]);
    expect(outcome.detections.map((d) => d.message)).toContain('read 4');
    expect(outcome.notes.map((n) => n.message)).toContain('a repository note');
    expect(seen[0]?.files).toEqual(['src/a.js', 'bad.bin', '../outside.js']);
    expect(await seen[0]?.readText('bad.bin')).toBeUndefined();
    expect(await seen[0]?.readText('../outside.js')).toBeUndefined();
    expect(await seen[0]?.readText('missing.js')).toBeUndefined();
  });

  it.each([
    ['an Error', new TypeError('kaboom')],
    ['a string', 'kaboom'],
  ])(
    'turns a repository check that throws (%s) into an INTERNAL error outcome',
    async (_label, thrown: unknown) => {
      const throwing: RepositoryCheck = {
        id: 'throws-always',
        rules: [rule],
        run: async () => {
          await Promise.resolve();
          throw thrown;
        },
      };

      const outcome = await createBuiltinAdapter(ALL_CHECKS, undefined, {
        repositoryChecks: [throwing],
      }).scan(context([]));

      expect(outcome.kind).toBe('error');
      if (outcome.kind !== 'error') return;
      expect(outcome.error).toBeInstanceOf(ScannerError);
      expect(outcome.error.code).toBe('INTERNAL');
      expect(outcome.error.message).toMatch(
        /^builtin check "throws-always" failed: .*kaboom.*This is a bug in Vouch/,
      );
      expect(outcome.error.cause).toBe(thrown);
    },
  );

  it('runs the repository checks concurrently with the per-file pass', async () => {
    const log: string[] = [];
    const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
    const slow: RepositoryCheck = {
      id: 'slow',
      rules: [rule],
      run: async () => {
        log.push('repository check started');
        await pause();
        return { detections: [], notes: [] };
      },
    };
    const slowFs: FileSystem = {
      ...fs,
      readFile: async (path) => {
        await pause();
        log.push('per-file pass read a file');
        return readFile(path);
      },
    };
    await put('.github/workflows/ci.yml', 'on: push\n');
    const scanning = context(['.github/workflows/ci.yml']);

    const outcome = await createBuiltinAdapter(ALL_CHECKS, undefined, { repositoryChecks: [slow] }).scan({
      ...scanning,
      ports: { ...scanning.ports, fs: slowFs },
    });

    expect(outcome.kind).not.toBe('error');
    expect(log).toEqual(['repository check started', 'per-file pass read a file']);
  });

  it('runs the real dependency check end to end through the adapter, offline parts included', async () => {
    await put('package.json', JSON.stringify({ name: 'x', dependencies: { lodahs: '1' } }, null, 2));
    await put('index.js', "require('chalk');\n");

    const outcome = await createBuiltinAdapter([], undefined, {}).scan(context(['package.json', 'index.js']));

    expect(outcome.kind).toBe('findings');
    if (outcome.kind !== 'findings') return;
    expect(
      outcome.detections.map((d) => `${d.ruleId} ${d.location.path}:${d.location.region?.startLine}`),
    ).toEqual([
      'builtin/dependency-typosquat package.json:4',
      'builtin/dependency-undeclared-import index.js:1',
    ]);
    // The test's HTTP port throws: the check notes the registry as unreachable rather than failing.
    expect(outcome.notes.map((n) => n.message)).toEqual([
      expect.stringContaining('could not be reached for 1 of 1'),
    ]);
  });
});
