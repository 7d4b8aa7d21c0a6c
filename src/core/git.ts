import { addedLines } from './diff.js';
import type { ProcessRunner } from './ports.js';

const GIT_TIMEOUT_MS = 120_000;

/**
 * Git run over a repository Vouch does not trust: no hooks, no fsmonitor, no external diff or textconv
 * drivers, no pager, paths unquoted where git allows, limited to and relative to the scanned directory.
 */
const SAFE_CONFIG = [
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.quotePath=false',
  '--no-pager',
];

export class GitError extends Error {}

export interface Git {
  /** Lines added or changed since `base` in the working tree (merge-base when there is one), plus untracked files. */
  changedLines(base: string): Promise<Map<string, Set<number> | 'all'>>;
  /** The file's bytes at `base`, or undefined when it did not exist there. */
  showAt(base: string, path: string): Promise<Buffer | undefined>;
  /** Where the change starts: the merge base of `base` and HEAD, or `base` itself when there is none. */
  changeStart(base: string): Promise<string>;
  /** The scanned directory's path inside the repository (`''` at the top, else ending in `/`). */
  prefix(): Promise<string>;
}

export function createGit(processes: ProcessRunner, cwd: string): Git {
  const git = async (args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> => {
    const result = await processes.run({
      command: 'git',
      args: [...SAFE_CONFIG, ...args],
      cwd,
      timeoutMs: GIT_TIMEOUT_MS,
    });
    if (result.kind === 'spawn-error') throw new GitError(`git is not available (${result.message})`);
    if (result.kind === 'timeout') throw new GitError(`git ${args[0] ?? ''} timed out`);
    return { code: result.exitCode, stdout: result.stdout, stderr: result.stderrTail };
  };
  const mustSucceed = async (args: string[]): Promise<string> => {
    const result = await git(args);
    if (result.code !== 0)
      throw new GitError(`git ${args.join(' ')} failed: ${result.stderr || `exit ${result.code}`}`);
    return result.stdout;
  };
  const changeStart = async (base: string): Promise<string> => {
    if (base.startsWith('-')) throw new GitError(`refusing base "${base}": it would be read as an option`);
    await mustSucceed(['rev-parse', '--verify', '--quiet', `${base}^{commit}`]).catch(() => {
      throw new GitError(
        `base commit ${base} is not in this clone (check out with fetch-depth: 0, or fetch the base)`,
      );
    });
    const mergeBase = await git(['merge-base', base, 'HEAD']);
    return mergeBase.code === 0 ? mergeBase.stdout.trim() : base;
  };
  const prefix = async (): Promise<string> => (await mustSucceed(['rev-parse', '--show-prefix'])).trim();
  return {
    changeStart,
    prefix,
    async changedLines(base) {
      const from = await changeStart(base);
      const diff = await mustSucceed([
        'diff',
        '--no-color',
        '--no-ext-diff',
        '--no-textconv',
        '-M',
        '-U0',
        '--relative',
        from,
        '--',
      ]);
      const changes: Map<string, Set<number> | 'all'> = addedLines(diff);
      const untracked = await mustSucceed(['ls-files', '--others', '--exclude-standard', '-z']);
      for (const path of untracked.split('\0').filter(Boolean)) changes.set(path, 'all');
      return changes;
    },
    async showAt(base, path) {
      const result = await processes.run({
        command: 'git',
        args: [...SAFE_CONFIG, 'show', `${base}:${await prefix()}${path}`],
        cwd,
        timeoutMs: GIT_TIMEOUT_MS,
      });
      if (result.kind !== 'exited') throw new GitError(`git show ${base}:${path} did not complete`);
      return result.exitCode === 0 ? Buffer.from(result.stdout, 'utf8') : undefined;
    },
  };
}
