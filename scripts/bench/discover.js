// The file list Vouch's discovery (src/core/discover.ts) would keep: .gitignore files at every level, no
// .git, no symlinks, nothing over the size limit, nothing with a NUL byte in its first 8,000 bytes. The
// baseline needs it to give Semgrep the same explicit targets Vouch gives it; it is computed untimed.
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { posix } from 'node:path';
import { Buffer } from 'node:buffer';
import ignore from 'ignore';

const BINARY_SNIFF_BYTES = 8000;

export function discoverFiles(root, maxFileBytes) {
  const files = [];
  walk(root, '', [], maxFileBytes, files);
  return files.sort();
}

function walk(root, dir, scopes, maxFileBytes, files) {
  const absDir = posix.join(root, dir);
  const local = withGitignore(absDir, dir, scopes);
  const entries = readdirSync(absDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.name === '.git' || isIgnored(path, entry.isDirectory(), local)) continue;
    if (entry.isDirectory()) walk(root, path, local, maxFileBytes, files);
    else if (entry.isFile() && isKept(posix.join(root, path), maxFileBytes)) files.push(path);
  }
}

function withGitignore(absDir, dir, scopes) {
  try {
    return [
      ...scopes,
      { base: dir, rules: ignore().add(readFileSync(posix.join(absDir, '.gitignore'), 'utf8')) },
    ];
  } catch {
    return scopes;
  }
}

function isIgnored(path, isDirectory, scopes) {
  return scopes.some((scope) => {
    const relative = scope.base ? path.slice(scope.base.length + 1) : path;
    return scope.rules.ignores(isDirectory ? `${relative}/` : relative);
  });
}

function isKept(absPath, maxFileBytes) {
  if (lstatSync(absPath).size > maxFileBytes) return false;
  const head = Buffer.alloc(BINARY_SNIFF_BYTES);
  const fd = openSync(absPath, 'r');
  try {
    return !head.subarray(0, readSync(fd, head, 0, BINARY_SNIFF_BYTES, 0)).includes(0);
  } finally {
    closeSync(fd);
  }
}
