// Rebuilds dist/ from a clean state with ncc: dist/index.js (the action) and dist/cli/index.js (the CLI),
// then refuses any file outside the allowlist so nothing unexpected ships in the committed bundle.
import { execFileSync } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ALLOWED = new Set([
  'index.js',
  'licenses.txt',
  'package.json',
  'cli/index.js',
  'cli/licenses.txt',
  'cli/package.json',
]);
// ncc splits lazily loaded modules of the Sigstore libraries into numbered chunks beside each entry.
const CHUNK = /^(cli\/)?\d+\.index\.js$/;
const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

function build(entry, outDir) {
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', outDir, '--license', 'licenses.txt', '--quiet', '--target', 'es2023'],
    {
      stdio: 'inherit',
    },
  );
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

rmSync('dist', { recursive: true, force: true });
build('src/entrypoints/action.ts', 'dist');
build('src/entrypoints/cli.ts', 'dist/cli');
const unexpected = listFiles('dist')
  .map((path) => relative('dist', path).split('\\').join('/'))
  .filter((path) => !ALLOWED.has(path) && !CHUNK.test(path));
if (unexpected.length > 0) {
  console.error(`dist/ holds files outside the allowlist in scripts/build.js: ${unexpected.join(', ')}`);
  process.exit(1);
}
