import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSarifFiles, type Resolution } from '../../../src/scanners/sarif-import/resolve.js';

let root: string;
let elsewhere: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vouch-sarif-resolve-repo-'));
  elsewhere = mkdtempSync(join(tmpdir(), 'vouch-sarif-resolve-tmp-'));
  for (const file of [
    'reports/codeql/js.sarif',
    'reports/codeql/py.sarif',
    'reports/bandit.sarif',
    'reports/notes.txt',
  ]) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '{}');
  }
  mkdirSync(join(root, 'empty'));
  writeFileSync(join(elsewhere, 'trufflehog.sarif'), '{}');
  symlinkSync(join(elsewhere, 'trufflehog.sarif'), join(root, 'reports', 'linked.sarif.lnk'));
  mkdirSync(join(root, 'links'));
  symlinkSync(join(elsewhere, 'trufflehog.sarif'), join(root, 'links', 'x.sarif'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

function names(resolution: Resolution): readonly string[] | string {
  return resolution.kind === 'resolved' ? resolution.files.map((file) => file.name) : resolution.message;
}

describe('resolveSarifFiles', () => {
  it('expands globs relative to the root, sorted and without duplicates', async () => {
    const resolution = await resolveSarifFiles(['reports/**/*.sarif', 'reports/bandit.sarif'], root);
    expect(names(resolution)).toEqual([
      'reports/bandit.sarif',
      'reports/codeql/js.sarif',
      'reports/codeql/py.sarif',
    ]);
  });

  it('gives absolute paths for reading', async () => {
    const resolution = await resolveSarifFiles(['reports/bandit.sarif'], root);
    expect(resolution.kind === 'resolved' ? resolution.files[0]?.path : resolution).toBe(
      join(root, 'reports/bandit.sarif'),
    );
  });

  it('takes every .sarif file under a directory, as upload-sarif does', async () => {
    expect(names(await resolveSarifFiles(['reports/codeql'], root))).toEqual([
      'reports/codeql/js.sarif',
      'reports/codeql/py.sarif',
    ]);
  });

  it('accepts files outside the repository, named by their absolute path', async () => {
    const absolute = join(elsewhere, 'trufflehog.sarif');
    expect(names(await resolveSarifFiles([absolute], root))).toEqual([absolute]);
    expect(names(await resolveSarifFiles([join(elsewhere, '*.sarif')], root))).toEqual([absolute]);
  });

  it.each([
    [
      'reports/missing.sarif',
      /^SARIF path "reports\/missing\.sarif" matches no file \(looked for .*reports\/missing\.sarif\)$/,
    ],
    ['reports/*.json', /^SARIF pattern "reports\/\*\.json" matches no file \(relative to /],
    ['empty', /^SARIF pattern "empty" matches no file/],
    ['reports/linked.sarif.lnk', /^SARIF path "reports\/linked\.sarif\.lnk" is a symbolic link/],
    ['links/*.sarif', /^SARIF pattern "links\/\*\.sarif" matches the symbolic link .*links\/x\.sarif/],
    ['  ', /^an empty SARIF path was configured$/],
  ])('refuses %j, naming it', async (pattern, message) => {
    expect(names(await resolveSarifFiles(['reports/bandit.sarif', pattern], root))).toMatch(message);
  });
});
