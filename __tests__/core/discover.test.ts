import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discover } from '../../src/core/discover.js';
import { NodeFileSystem } from '../../src/core/node-file-system.js';

let root: string;
let outside: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vouch-discover-'));
  outside = mkdtempSync(join(tmpdir(), 'vouch-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'outside the tree');
  const files: Record<string, string> = {
    'src/app.js': 'ok',
    'src/.gitignore': 'generated/\n',
    'src/generated/out.js': 'ignored by nested gitignore',
    '.gitignore': 'node_modules/\n*.log\n',
    'node_modules/pkg/index.js': 'ignored',
    'debug.log': 'ignored',
    'vendor/lib.js': 'excluded by policy',
    '.github/workflows/ci.yml': 'on: push',
    'big.txt': 'x'.repeat(2000),
    'weird name with spaces.js': 'kept',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  writeFileSync(join(root, 'image.bin'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
  symlinkSync(outside, join(root, 'escape-dir'));
  symlinkSync(join(outside, 'secret.txt'), join(root, 'escape-file'));
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git', 'config'), 'never scanned');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('discover', () => {
  it('keeps text files, honours nested .gitignore files and excludes, never enters .git', async () => {
    const result = await discover({
      root,
      fs: new NodeFileSystem(),
      excludes: ['vendor/**'],
      maxFileBytes: 1000,
    });
    expect(result.files).toEqual([
      '.github/workflows/ci.yml',
      '.gitignore',
      'src/.gitignore',
      'src/app.js',
      'weird name with spaces.js',
    ]);
  });

  it('skips symlinks (never followed out of the root), big and binary files, and says why', async () => {
    const result = await discover({ root, fs: new NodeFileSystem(), excludes: [], maxFileBytes: 1000 });
    expect(result.skipped.map((s) => [s.path, s.reason])).toEqual([
      ['big.txt', 'too-large'],
      ['escape-dir', 'symlink'],
      ['escape-file', 'symlink'],
      ['image.bin', 'binary'],
    ]);
    expect(result.files).toContain('vendor/lib.js');
    expect(result.files.some((f) => f.includes('secret'))).toBe(false);
  });
});
