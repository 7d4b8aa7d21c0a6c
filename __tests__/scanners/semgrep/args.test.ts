import { describe, expect, it } from '@jest/globals';
import {
  chunkTargets,
  MAX_TARGET_BYTES_PER_RUN,
  ruleFilesFor,
  semgrepArgs,
  semgrepTargets,
} from '../../../src/scanners/semgrep/args.js';

describe('semgrepArgs', () => {
  const args = semgrepArgs({
    rulesDir: '/v/data/rules/semgrep',
    maxFileBytes: 3_000_000,
    jobs: 2,
    targets: ['app.py', '-rf.py'],
  });
  const valueOf = (flag: string): string | undefined => args[args.indexOf(flag) + 1];

  it("runs Vouch's rules only with the OCaml CLI, JSON on stdout, without phoning home", () => {
    expect(args.slice(0, 2)).toEqual(['scan', '--experimental']);
    expect(args).toContain('--json');
    expect(valueOf('--config')).toBe('/v/data/rules/semgrep');
    expect(args.filter((arg) => arg === '--config')).toHaveLength(1);
    expect(args).toEqual(expect.arrayContaining(['--metrics=off', '--disable-version-check', '--oss-only']));
    expect(args).not.toContain('--error');
  });

  it('ignores inline nosemgrep comments and reports bare rule ids', () => {
    expect(args).toContain('--disable-nosem');
    expect(args).toContain('--no-rewrite-rule-ids');
  });

  it('passes the size limit in bytes, a per-file timeout and the job count', () => {
    expect(valueOf('--max-target-bytes')).toBe('3000000');
    expect(Number(valueOf('--timeout'))).toBeGreaterThan(0);
    expect(valueOf('--jobs')).toBe('2');
  });

  it('puts the targets last, after `--`, so a file named like a flag stays a file', () => {
    expect(args.slice(-3)).toEqual(['--', 'app.py', '-rf.py']);
  });
});

describe('semgrepTargets', () => {
  const files = [
    'app.py',
    'types.pyi',
    'web/page.js',
    'web/page.tsx',
    'server/main.go',
    'README.md',
    'bin/deploy',
    '.envrc',
    'docs/archive.tar.gz',
    'LEGACY.PY',
  ];

  it('keeps files with an ending of a rule language, and extensionless scripts', () => {
    expect(semgrepTargets(files, new Set(['python']))).toEqual([
      'app.py',
      'types.pyi',
      'bin/deploy',
      '.envrc',
      'LEGACY.PY',
    ]);
    expect(semgrepTargets(files, new Set(['javascript', 'typescript', 'go']))).toEqual([
      'web/page.js',
      'web/page.tsx',
      'server/main.go',
      'bin/deploy',
      '.envrc',
    ]);
  });

  it('keeps every file for a language it has no table entry for, or unknown languages', () => {
    expect(semgrepTargets(files, new Set(['python', 'generic']))).toEqual(files);
    expect(semgrepTargets(files, undefined)).toEqual(files);
  });

  it('matches Dockerfiles by name', () => {
    expect(semgrepTargets(['Dockerfile', 'app.Dockerfile', 'x.py'], new Set(['dockerfile']))).toEqual([
      'Dockerfile',
      'app.Dockerfile',
    ]);
  });
});

describe('chunkTargets', () => {
  it('keeps a typical repository in one run', () => {
    const targets = Array.from({ length: 5000 }, (_, i) => `src/module_${i}/component_file_${i}.py`);
    expect(chunkTargets(targets)).toEqual([targets]);
  });

  it('splits at the byte budget without losing or reordering a target', () => {
    const targets = Array.from({ length: 10 }, (_, i) => `dir/file-${i}.py`); // 15 bytes + NUL each
    const chunks = chunkTargets(targets, 64);
    expect(chunks.map((chunk) => chunk.length)).toEqual([4, 4, 2]);
    expect(chunks.flat()).toEqual(targets);
  });

  it('counts UTF-8 bytes, and still runs a single path longer than the budget', () => {
    expect(chunkTargets(['日本.py', 'a.py'], 10)).toEqual([['日本.py'], ['a.py']]);
    expect(chunkTargets(['x'.repeat(100)], 10)).toEqual([['x'.repeat(100)]]);
    expect(chunkTargets([])).toEqual([]);
  });

  it('stays well inside the smallest argument limit of the runners (macOS: 1 MiB)', () => {
    expect(MAX_TARGET_BYTES_PER_RUN).toBeLessThanOrEqual(512 * 1024);
  });
});

describe('ruleFilesFor', () => {
  const files = [
    { path: '/r/python/a.yaml', languages: ['python'] },
    { path: '/r/javascript/b.yaml', languages: ['javascript', 'typescript'] },
    { path: '/r/go/c.yaml', languages: ['go'] },
  ];

  it('keeps the rule files of the languages the targets are written in', () => {
    expect(ruleFilesFor(files, ['src/app.ts', 'web/x.js'])).toEqual(['/r/javascript/b.yaml']);
    expect(ruleFilesFor(files, ['a.py', 'main.go'])).toEqual(['/r/python/a.yaml', '/r/go/c.yaml']);
  });

  it('loads the whole directory when every file is needed, a target has no extension or a language is unknown', () => {
    expect(ruleFilesFor(files, ['a.py', 'b.js', 'c.go'])).toBeUndefined();
    expect(ruleFilesFor(files, ['a.py', 'bin/run'])).toBeUndefined();
    expect(ruleFilesFor([...files, { path: '/r/x.yaml', languages: ['generic'] }], ['a.py'])).toEqual([
      '/r/python/a.yaml',
      '/r/x.yaml',
    ]);
  });

  it('passes one --config per chosen file', () => {
    const args = semgrepArgs({
      rulesDir: '/r',
      ruleFiles: ['/r/a.yaml', '/r/b.yaml'],
      maxFileBytes: 1,
      jobs: 2,
      targets: ['a.py'],
    });
    expect(args.slice(0, 6)).toEqual([
      'scan',
      '--experimental',
      '--config',
      '/r/a.yaml',
      '--config',
      '/r/b.yaml',
    ]);
    expect(args).not.toContain('/r');
  });
});
