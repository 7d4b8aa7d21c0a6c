import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { lstat, mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ScannerError } from '../../../src/core/errors.js';
import type { EntryStat, FileSystem, Ports } from '../../../src/core/ports.js';
import { createBuiltinAdapter } from '../../../src/scanners/builtin/adapter.js';
import { defineCheck, SKIP, type Check } from '../../../src/scanners/builtin/check.js';
import { ALL_CHECKS, REPOSITORY_CHECKS } from '../../../src/scanners/builtin/checks/index.js';
import type { ScanContext, ScanOutcome } from '../../../src/scanners/scanner.js';

const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';

function kindOf(stats: {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}): EntryStat['kind'] {
  if (stats.isSymbolicLink()) return 'symlink';
  if (stats.isFile()) return 'file';
  return stats.isDirectory() ? 'directory' : 'other';
}

/** A small real file system, so the adapter is exercised against actual files and actual read errors. */
const nodeFileSystem: FileSystem = {
  readFile: (path) => readFile(path),
  readHead: async (path, bytes) => {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
  writeFile: (path, data) => writeFile(path, data),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  lstat: async (path) => {
    try {
      const stats = await lstat(path);
      return { kind: kindOf(stats), size: stats.size };
    } catch {
      return undefined;
    }
  },
  readdir: async (path) =>
    (await readdir(path, { withFileTypes: true })).map((entry) => ({
      name: entry.name,
      kind: kindOf(entry),
    })),
  makeTempDir: (prefix) => mkdtemp(join(tmpdir(), prefix)),
  remove: (path) => rm(path, { recursive: true, force: true }),
};

const ports: Ports = {
  logger: { debug: () => undefined, info: () => undefined, warning: () => undefined, error: () => undefined },
  processes: {
    run: () => Promise.reject(new Error('the builtin scanner must not spawn processes')),
  },
  http: {
    get: () => Promise.reject(new Error('these checks must not use the network')),
  },
  fs: nodeFileSystem,
  clock: { now: () => new Date(0), monotonicMs: () => 0 },
};

let root: string;

beforeEach(async () => {
  root = await nodeFileSystem.makeTempDir('vouch-builtin-');
});

afterEach(async () => {
  await nodeFileSystem.remove(root);
});

async function put(path: string, contents: string | Uint8Array): Promise<void> {
  await nodeFileSystem.mkdir(dirname(join(root, path)));
  await nodeFileSystem.writeFile(join(root, path), contents);
}

function context(files: string[]): ScanContext {
  return { root, files, workDir: join(root, '.work'), timeoutMs: 10_000, ports };
}

function completed(outcome: ScanOutcome) {
  if (outcome.kind !== 'clean' && outcome.kind !== 'findings') throw new Error(`unexpected ${outcome.kind}`);
  return outcome;
}

// Least-privilege permissions (last, to keep line numbers) so only the action reference is in question.
const workflow = (ref: string) =>
  `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${ref}\npermissions: {}\n`;

describe('createBuiltinAdapter', () => {
  it('reports unpinned actions as findings, with the rules of every registered check', async () => {
    await put('.github/workflows/ci.yml', workflow('actions/checkout@v4'));
    await put('tools/setup/action.yml', 'runs:\n  using: composite\n  steps:\n    - uses: o/r@main\n');
    await put('README.md', 'uses: actions/checkout@v4\n');

    const outcome = await createBuiltinAdapter(ALL_CHECKS, '1.2.3').scan(
      // not-there.png proves files no check applies to are never read (every text file is read for hidden Unicode).
      context(['README.md', '.github/workflows/ci.yml', 'not-there.png', 'tools/setup/action.yml']),
    );

    expect(outcome.kind).toBe('findings');
    if (outcome.kind !== 'findings') return;
    expect(outcome.tool).toEqual({ name: 'vouch-builtin', version: '1.2.3' });
    expect(outcome.rules.map((rule) => rule.id)).toEqual([
      ...ALL_CHECKS.map((check) => `builtin/${check.id}`),
      ...REPOSITORY_CHECKS.flatMap((check) => check.rules.map((rule) => rule.id)),
    ]);
    expect(outcome.notes).toEqual([]);
    expect(outcome.detections.map((d) => [d.location.path, d.location.region?.startLine, d.ruleId])).toEqual([
      ['.github/workflows/ci.yml', 6, 'builtin/actions-unpinned'],
      ['tools/setup/action.yml', 4, 'builtin/actions-unpinned'],
    ]);
  });

  it('is clean when every action is pinned, and still lists its rules', async () => {
    await put('.github/workflows/ci.yml', workflow(`actions/checkout@${SHA} # v4.2.2`));

    const outcome = completed(await createBuiltinAdapter().scan(context(['.github/workflows/ci.yml'])));

    expect(outcome.kind).toBe('clean');
    expect(outcome.tool.name).toBe('vouch-builtin');
    expect(outcome.rules.length).toBe(
      ALL_CHECKS.length + REPOSITORY_CHECKS.flatMap((check) => check.rules).length,
    );
    expect(outcome.notes).toEqual([]);
  });

  it('turns a workflow that does not parse into a note naming the file and line', async () => {
    await put('.github/workflows/bad.yml', 'jobs:\n  a:\n    steps:\n      - uses: "actions/checkout@v4\n');

    const outcome = completed(await createBuiltinAdapter().scan(context(['.github/workflows/bad.yml'])));

    expect(outcome.kind).toBe('clean');
    expect(outcome.notes).toHaveLength(1);
    expect(outcome.notes[0]?.path).toBe('.github/workflows/bad.yml');
    expect(outcome.notes[0]?.message).toMatch(/\.github\/workflows\/bad\.yml .*not valid YAML \(line \d+/);
  });

  it('notes invalid UTF-8, unreadable files and paths outside the root instead of crashing', async () => {
    await put('.github/workflows/binary.yml', Uint8Array.from([0x6f, 0x6e, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));

    const files = ['.github/workflows/binary.yml', '.github/workflows/gone.yml', '../../etc/action.yml'];
    const outcome = completed(await createBuiltinAdapter().scan(context(files)));

    expect(outcome.kind).toBe('clean');
    expect(outcome.notes.map((note) => note.path)).toEqual(files);
    expect(outcome.notes[0]?.message).toContain('not valid UTF-8');
    expect(outcome.notes[1]?.message).toContain('gone.yml was not checked');
    expect(outcome.notes[2]?.message).toContain('not a path inside the repository');
  });

  it('reads a file with a byte order mark with the right columns', async () => {
    await put('.github/workflows/bom.yml', `\uFEFF${workflow('actions/checkout@v4')}`);

    const outcome = await createBuiltinAdapter().scan(context(['.github/workflows/bom.yml']));

    expect(outcome.kind === 'findings' ? outcome.detections[0]?.location.region : undefined).toEqual({
      startLine: 6,
      startColumn: 15,
      endLine: 6,
      endColumn: 34,
    });
  });

  describe('a check that throws', () => {
    const throwing = (thrown: unknown): Check =>
      defineCheck({
        meta: { ...metaOf(ALL_CHECKS[0]), id: 'always-throws' },
        appliesTo: (path) => path.endsWith('.yml'),
        run: () => {
          throw thrown;
        },
      });

    it.each([
      ['an Error', new TypeError('boom')],
      ['a string', 'boom'],
      ['undefined', undefined],
    ])('becomes an INTERNAL error outcome naming the check and file (%s)', async (_label, thrown) => {
      await put('.github/workflows/ci.yml', workflow('actions/checkout@v4'));

      const checks = [...ALL_CHECKS, throwing(thrown)];
      const outcome = await createBuiltinAdapter(checks).scan(context(['.github/workflows/ci.yml']));

      expect(outcome.kind).toBe('error');
      if (outcome.kind !== 'error') return;
      expect(outcome.error).toBeInstanceOf(ScannerError);
      expect(outcome.error.code).toBe('INTERNAL');
      expect(outcome.error.scanner).toBe('builtin');
      expect(outcome.error.message).toContain('always-throws');
      expect(outcome.error.message).toContain('.github/workflows/ci.yml');
      expect(outcome.error.cause).toBe(thrown);
    });

    it('also when the file filter throws', async () => {
      const check = defineCheck({
        meta: { ...metaOf(ALL_CHECKS[0]), id: 'bad-filter' },
        appliesTo: () => {
          throw new Error('filter broke');
        },
        run: () => SKIP,
      });

      const outcome = await createBuiltinAdapter([check]).scan(context(['x.yml']));

      expect(outcome.kind).toBe('error');
      expect(outcome.kind === 'error' ? outcome.error.message : '').toContain('filter broke');
    });
  });
});

describe('the check registry', () => {
  it('holds checks with unique ids whose rule ids are builtin/<id>', () => {
    const ids = ALL_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of ALL_CHECKS) expect(check.rule.id).toBe(`builtin/${check.id}`);
  });
});

/** Turns a check's rule back into the metadata shape, to build test checks from valid data. */
function metaOf(check: Check | undefined): Record<string, unknown> {
  if (check === undefined) throw new Error('the registry is empty');
  const { rule } = check;
  return {
    id: check.id,
    title: rule.shortDescription,
    description: rule.fullDescription,
    help: rule.help,
    cwe: rule.cwe,
    severity: rule.severity,
    'security-severity': rule.securitySeverity,
    precision: rule.precision,
    tags: rule.tags,
    asvs: rule.asvs,
  };
}
