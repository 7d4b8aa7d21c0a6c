import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { exitCodeFor } from '../core/decision.js';
import { ConfigError, describeError, VouchError } from '../core/errors.js';
import type { SigningConfig } from '../supplychain/sign.js';
import { runVerify } from './verify.js';
import { runInstructions } from './instructions.js';
import type { Ports } from '../core/ports.js';
import { mergeShards } from '../core/merge.js';
import { scanRepository } from '../core/scan.js';
import { setupLines, setupTools } from '../core/setup.js';
import { loadPolicy } from '../policy/load.js';
import { parseCli, USAGE, type CliCommand } from './args.js';
import { progressLine } from '../core/progress-line.js';
import { jsonReport, textReport } from './report.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly ports: Ports;
  readonly vouchRoot: string;
  readonly vouchVersion: string;
}

/** Runs one CLI command and returns the exit status; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await execute(parseCli(argv), io);
  } catch (error) {
    const known = error instanceof VouchError;
    io.stderr(`vouch: ${known ? '' : 'internal error: '}${describeError(error)}`);
    return 2;
  }
}

function defaultCacheDir(env: CliIo['env']): string {
  return env.VOUCH_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'vouch');
}

async function execute(command: CliCommand, io: CliIo): Promise<number> {
  switch (command.kind) {
    case 'help':
      io.stdout(USAGE);
      return 0;
    case 'version':
      io.stdout(io.vouchVersion);
      return 0;
    case 'setup':
      return setup(command.cacheDir ?? defaultCacheDir(io.env), io);
    case 'policy-validate':
      await loadPolicy({ spec: command.file, workspace: io.cwd, vouchRoot: io.vouchRoot, fs: io.ports.fs });
      io.stdout(`${command.file}: valid`);
      return 0;
    case 'scan':
      return scan(command, io);
    case 'merge':
      return merge(command, io);
    case 'instructions':
      return runInstructions(command, io);
    case 'verify':
      return runVerify(command, io);
  }
}

async function setup(cacheDir: string, io: CliIo): Promise<number> {
  const report = await setupTools({ cacheDir, ports: io.ports, vouchRoot: io.vouchRoot });
  for (const line of setupLines(report)) io.stdout(line);
  return report.results.every((result) => result.kind === 'ready') ? 0 : 2;
}

async function signingFor(
  command: Extract<CliCommand, { kind: 'scan' | 'merge' }>,
  io: CliIo,
): Promise<SigningConfig | undefined> {
  if (command.sign === 'none') return undefined;
  if (command.sign === 'unsigned') return { mode: 'unsigned' };
  const path = resolve(io.cwd, command.signingKey ?? '');
  try {
    return { mode: 'key', privateKeyPem: (await io.ports.fs.readFile(path)).toString('utf8') };
  } catch (cause) {
    throw new ConfigError('INVALID_ARGUMENT', `--signing-key ${command.signingKey ?? ''}: cannot be read`, {
      cause,
    });
  }
}

async function scan(command: Extract<CliCommand, { kind: 'scan' }>, io: CliIo): Promise<number> {
  const result = await scanRepository({
    root: resolve(io.cwd, command.dir),
    outDir: resolve(io.cwd, command.outDir),
    policy: command.policy,
    cacheDir: command.cacheDir ?? defaultCacheDir(io.env),
    install: false,
    base: command.base,
    sarif: command.sarif,
    signing: await signingFor(command, io),
    subjects: command.subjects,
    vouchRoot: io.vouchRoot,
    vouchVersion: io.vouchVersion,
    ports: io.ports,
    onProgress: (event) => {
      io.stderr(progressLine(event));
    },
    ...(command.shard ? { shard: command.shard } : {}),
  });
  io.stdout(command.format === 'json' ? jsonReport(result) : textReport(result));
  if (command.shard)
    io.stderr(
      `vouch: shard ${command.shard.index}/${command.shard.count}: a partial decision; \`vouch merge\` of every shard gives the decision`,
    );
  return exitCodeFor(result.decision.status);
}

async function merge(command: Extract<CliCommand, { kind: 'merge' }>, io: CliIo): Promise<number> {
  const result = await mergeShards({
    dirs: command.dirs.map((dir) => resolve(io.cwd, dir)),
    root: resolve(io.cwd, command.root),
    outDir: resolve(io.cwd, command.outDir),
    signing: await signingFor(command, io),
    subjects: command.subjects,
    vouchVersion: io.vouchVersion,
    ports: io.ports,
  });
  io.stdout(command.format === 'json' ? jsonReport(result) : textReport(result));
  return exitCodeFor(result.decision.status);
}
