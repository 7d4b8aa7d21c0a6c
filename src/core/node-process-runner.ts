import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import type { ProcessRequest, ProcessResult, ProcessRunner } from './ports.js';

const STDERR_TAIL_CHARS = 2000;
const STDOUT_LIMIT_CHARS = 1_000_000;

/** Variables a scanner may need; everything else (tokens, secrets) stays out of the child's environment. */
const INHERITED_ENV = [
  'PATH',
  'HOME',
  'TMPDIR',
  'TEMP',
  'TMP',
  'LANG',
  'LC_ALL',
  'GOPATH',
  'GOCACHE',
  'GOMODCACHE',
  'GOPROXY',
  'GOFLAGS',
  'GOSUMDB',
  'GOTOOLCHAIN',
  'PIP_INDEX_URL',
  'PIP_CACHE_DIR',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
];

function childEnv(extra: Readonly<Record<string, string>> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { CI: 'true', NO_COLOR: '1', TERM: 'dumb' };
  for (const name of INHERITED_ENV) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...extra };
}

/** Keeps the head of stdout (bounded) and the tail of stderr, without rebuilding a capped string per chunk. */
function appendCapped(current: string, chunk: string, limit: number, keepTail: boolean): string {
  if (!keepTail) return current.length >= limit ? current : (current + chunk).slice(0, limit);
  const next = current + chunk;
  return next.length <= limit ? next : next.slice(next.length - limit);
}

/** Spawns with an argument array (never a shell), a timeout that kills the process group, and capped output. */
export class NodeProcessRunner implements ProcessRunner {
  run(request: ProcessRequest): Promise<ProcessResult> {
    const started = performance.now();
    return new Promise((resolve) => {
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      let stdoutFd: number | undefined;
      try {
        stdoutFd = request.stdoutFile === undefined ? undefined : openSync(request.stdoutFile, 'w', 0o600);
      } catch (error) {
        const { code, message } = error as NodeJS.ErrnoException;
        resolve({
          kind: 'spawn-error',
          errorCode: code ?? 'UNKNOWN',
          message: `cannot open ${request.stdoutFile}: ${message}`,
        });
        return;
      }
      const closeStdout = () => {
        if (stdoutFd !== undefined) closeSync(stdoutFd);
        stdoutFd = undefined;
      };
      const child = spawn(request.command, [...request.args], {
        cwd: request.cwd,
        env: childEnv(request.env),
        shell: false,
        detached: true,
        stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'],
      });
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child.pid);
      }, request.timeoutMs);
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        stdout = appendCapped(stdout, chunk, STDOUT_LIMIT_CHARS, false);
      });
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr = appendCapped(stderr, chunk, STDERR_TAIL_CHARS, true);
      });
      child.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        closeStdout();
        resolve({ kind: 'spawn-error', errorCode: error.code ?? 'UNKNOWN', message: error.message });
      });
      child.on('close', (exitCode, signal) => {
        clearTimeout(timer);
        closeStdout();
        const durationMs = performance.now() - started;
        const stderrTail = stderr.trim();
        if (timedOut) resolve({ kind: 'timeout', stderrTail, durationMs });
        else resolve({ kind: 'exited', exitCode, signal, stdout, stderrTail, durationMs });
      });
    });
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}
