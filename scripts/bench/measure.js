// Process timing and memory. Wall time is taken around each spawn with performance.now(); memory of
// whole process trees (a scanner and its workers, or Vouch and its scanners) is sampled from /proc, since
// no single rusage counter sums processes that run side by side.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { clearInterval, setInterval } from 'node:timers';

const PAGE_KB = 4; // x86-64 and arm64 Linux page size; /proc/<pid>/stat counts RSS in pages.
const SAMPLE_MS = 200;
/**
 * GNU time reports the CPU time of a process and every descendant it waited for: the whole scanner, or
 * Vouch plus all its scanners. CPU time barely moves when other work shares the machine; wall time does.
 */
const TIME_BIN = '/usr/bin/time';
const HAS_TIME = existsSync(TIME_BIN);

/**
 * Spawns one command and resolves when it has exited and closed its pipes. stderr is kept line by line
 * with the time each line arrived, so Vouch's progress lines can split its wall time into phases.
 */
export function runCommand(spec, { sampler, keepStdout = false } = {}) {
  const cpuDir = HAS_TIME ? mkdtempSync(join(tmpdir(), 'vouch-bench-cpu-')) : undefined;
  const cpuFile = cpuDir && join(cpuDir, 'cpu');
  const [command, args] = cpuFile
    ? [TIME_BIN, ['-f', '%U %S', '-o', cpuFile, spec.command, ...spec.args]]
    : [spec.command, spec.args];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
    sampler?.track(child.pid);
    let stdout = '';
    const stderr = [];
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      if (keepStdout) stdout += chunk;
    });
    createInterface({ input: child.stderr }).on('line', (text) =>
      stderr.push({ atMs: performance.now() - started, text }),
    );
    const finish = (fields) => {
      const wallMs = performance.now() - started;
      const cpuMs = readCpu(cpuFile);
      if (cpuDir) rmSync(cpuDir, { recursive: true, force: true });
      resolve({ wallMs, cpuMs, stdout, stderr, ...fields });
    };
    child.on('error', (error) => finish({ exitCode: null, error: error.message }));
    child.on('close', (exitCode, signal) => {
      sampler?.untrack(child.pid);
      finish({ exitCode, signal });
    });
  });
}

/** GNU time's last line is "user system" in seconds (a line before it may say the command failed). */
function readCpu(file) {
  if (!file) return undefined;
  try {
    const [user, system] = readFileSync(file, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    return Number.isFinite(user + system) ? (user + system) * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Samples the summed RSS of every tracked process and all its descendants. A sample is a few hundred
 * small /proc reads; at 200 ms it costs well under 5% of one core, the same for baseline and Vouch runs.
 * Peaks shorter than the interval can be missed, so this is a lower bound, reported as such.
 */
export function createTreeSampler() {
  const roots = new Set();
  let peakKb = 0;
  const sample = () => {
    if (roots.size === 0) return;
    const table = processTable();
    let totalKb = 0;
    for (const pid of descendants(table, roots)) totalKb += (table.get(pid)?.rssPages ?? 0) * PAGE_KB;
    peakKb = Math.max(peakKb, totalKb);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    track: (pid) => {
      if (pid === undefined) return;
      roots.add(pid);
      sample();
    },
    untrack: (pid) => roots.delete(pid),
    stop: () => {
      clearInterval(timer);
      return peakKb;
    },
  };
}

/** pid → { ppid, rssPages } from /proc/<pid>/stat; processes that exit mid-read are skipped. */
function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // The command name is in parentheses and may hold spaces; the fields after the last ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    table.set(Number(name), { ppid: Number(fields[1]), rssPages: Number(fields[21]) });
  }
  return table;
}

function descendants(table, roots) {
  const children = new Map();
  for (const [pid, { ppid }] of table) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const found = new Set();
  const queue = [...roots].filter((pid) => table.has(pid));
  while (queue.length > 0) {
    const pid = queue.pop();
    if (found.has(pid)) continue;
    found.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

export function median(values) {
  const sorted = values
    .filter((value) => typeof value === 'number' && Number.isFinite(value))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
