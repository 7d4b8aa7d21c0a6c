// The baseline of `npm run bench`: each scanner run by Vouch's own adapter, alone, one after another, with
// exactly the arguments, environment and targets a scan gives it (src/scanners/*), and nothing of the
// gate around it. Bundled by the benchmark with ncc into its temporary directory and run as
//
//   node alone.js '{"root":…,"policy":…,"cacheDir":…,"vouchRoot":…,"scanners":["semgrep",…],"base":…}'
//
// It prints one JSON line per scanner: the adapter's wall time, the time its processes ran, and what it
// reported. The scanners' processes are timed through the process port, so parsing is told apart.
import console from 'node:console';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { discover } from '../../src/core/discover.js';
import { createGit } from '../../src/core/git.js';
import { locateTool } from '../../src/core/install.js';
import { NodeFileSystem, systemClock } from '../../src/core/node-file-system.js';
import { NodeHttpClient } from '../../src/core/node-http-client.js';
import { NodeProcessRunner } from '../../src/core/node-process-runner.js';
import type { Logger, ProcessRunner } from '../../src/core/ports.js';
import { toolPin } from '../../src/core/tools.js';
import { loadPolicy } from '../../src/policy/load.js';
import { scannerSettings } from '../../src/policy/policy.js';
import { createAdapters } from '../../src/scanners/registry.js';
import type { ScanContext } from '../../src/scanners/scanner.js';

interface Request {
  readonly root: string;
  readonly policy: string;
  readonly cacheDir: string;
  readonly vouchRoot: string;
  readonly scanners: readonly string[];
  /** A pull request against this commit: the adapters get the changed files, Gitleaks the commits. */
  readonly base?: string;
}

const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
};

/** The process port, timing every process it runs. */
function timed(inner: ProcessRunner): ProcessRunner & { processMs: number } {
  const runner = {
    processMs: 0,
    async run(request: Parameters<ProcessRunner['run']>[0]) {
      const started = performance.now();
      try {
        return await inner.run(request);
      } finally {
        runner.processMs += performance.now() - started;
      }
    },
  };
  return runner;
}

async function main(request: Request): Promise<void> {
  const fs = new NodeFileSystem();
  const processes = timed(new NodeProcessRunner());
  const ports = { logger: quiet, processes, fs, clock: systemClock, http: new NodeHttpClient() };
  const policy = await loadPolicy({
    spec: request.policy,
    workspace: request.root,
    vouchRoot: request.vouchRoot,
    fs,
  });
  const adapters = createAdapters({
    policy,
    vouchRoot: request.vouchRoot,
    vouchVersion: 'bench',
    toolVersion: (id) => toolPin(id)?.version ?? 'unknown',
    sarifPatterns: [],
  });
  // Untimed, as the baseline gets it for free: the walk, and on a pull request the diff.
  const discovery = await discover({
    root: request.root,
    fs,
    excludes: policy.excludes,
    maxFileBytes: policy.maxFileBytes,
  });
  const git = createGit(processes, request.root);
  const change = request.base
    ? {
        changes: await git.changedLines(request.base),
        history: { start: await git.changeStart(request.base), git },
      }
    : undefined;
  for (const id of request.scanners) {
    const adapter = adapters.find((candidate) => candidate.id === id);
    if (!adapter) throw new Error(`no adapter ${id}`);
    const executable = toolPin(id)
      ? (await locateTool(id, { cacheDir: request.cacheDir, ports }))?.path
      : undefined;
    const workDir = await fs.makeTempDir(`vouch-bench-${id}-`);
    const context: ScanContext = {
      root: request.root,
      files: discovery.files,
      workDir,
      timeoutMs: scannerSettings(policy, id).timeoutSeconds * 1000,
      ...(executable ? { executable } : {}),
      ...(change
        ? {
            changedFiles: discovery.files.filter((path) => change.changes.has(path)),
            history: change.history,
          }
        : {}),
      ports,
    };
    processes.processMs = 0;
    const started = performance.now();
    const outcome = await adapter.scan(context);
    const wallMs = performance.now() - started;
    await fs.remove(workDir);
    console.log(
      JSON.stringify({
        id,
        wallMs,
        processMs: processes.processMs,
        outcome: outcome.kind,
        results: outcome.kind === 'findings' ? outcome.detections.length : 0,
        ...(outcome.kind === 'error' ? { error: outcome.error.message.slice(0, 300) } : {}),
      }),
    );
  }
}

await main(JSON.parse(process.argv[2] ?? '{}') as Request);
