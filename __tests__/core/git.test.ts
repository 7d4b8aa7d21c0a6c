import { describe, expect, it } from '@jest/globals';
import { createGit, GitError } from '../../src/core/git.js';
import { NodeProcessRunner } from '../../src/core/node-process-runner.js';
import { GitRepo } from '../helpers/git-repo.js';

describe('git (real git on a throwaway repository)', () => {
  it('reports the lines a change added since the base, untracked files whole, and file contents at the base', async () => {
    const repo = new GitRepo().write({ 'a.txt': 'one\ntwo\nthree\n', 'policy.yml': 'version: 1\n' });
    const base = repo.commit('base');
    repo.write({
      'a.txt': 'one\nTWO\nthree\nfour\n',
      'policy.yml': 'version: 1\nblock: { severities: [] }\n',
    });
    repo.commit('head');
    repo.write({ 'untracked.txt': 'new\n' });
    const git = createGit(new NodeProcessRunner(), repo.root);
    const changes = await git.changedLines(base);
    expect(changes.get('a.txt')).toEqual(new Set([2, 4]));
    expect(changes.get('untracked.txt')).toBe('all');
    expect(changes.has('policy.yml')).toBe(true);
    expect((await git.showAt(base, 'policy.yml'))?.toString()).toBe('version: 1\n');
    expect(await git.showAt(base, 'missing.yml')).toBeUndefined();
  });

  it('gives paths relative to a scanned subdirectory', async () => {
    const repo = new GitRepo().write({ 'app/x.py': 'a\n', 'other/y.py': 'b\n' });
    const base = repo.commit('base');
    repo.write({ 'app/x.py': 'a\nb\n', 'other/y.py': 'b\nc\n' });
    const git = createGit(new NodeProcessRunner(), `${repo.root}/app`);
    expect([...(await git.changedLines(base)).keys()]).toEqual(['x.py']);
    expect((await git.showAt(base, 'x.py'))?.toString()).toBe('a\n');
  });

  it('says the base is missing instead of guessing, and refuses option-like refs', async () => {
    const repo = new GitRepo().write({ 'a.txt': 'x\n' });
    repo.commit('only');
    const git = createGit(new NodeProcessRunner(), repo.root);
    await expect(git.changedLines('0'.repeat(40))).rejects.toThrow(/not in this clone .*fetch-depth: 0/);
    await expect(git.changedLines('--output=/tmp/pwned')).rejects.toThrow(GitError);
  });
});
