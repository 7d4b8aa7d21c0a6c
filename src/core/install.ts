import { join } from 'node:path';
import { InstallError } from './errors.js';
import type { Ports } from './ports.js';
import { toolPin, type GoInstall, type ToolPin } from './tools.js';

export interface LocatedTool {
  readonly id: string;
  readonly path: string;
  readonly version: string;
  readonly source: 'cache' | 'path' | 'installed';
}

export interface InstallOptions {
  /** Vouch's tool cache: `<cacheDir>/<tool>/<version>/bin/<binary>`. */
  readonly cacheDir: string;
  readonly ports: Ports;
}

const VERSION_TIMEOUT_MS = 20_000;
const INSTALL_TIMEOUT_MS = 20 * 60_000;

function pinFor(id: string): ToolPin {
  const pin = toolPin(id);
  if (!pin)
    throw new InstallError('UNKNOWN_TOOL', `no pinned version for scanner "${id}" in data/tools/pins.json`);
  return pin;
}

function cachedBinary(pin: ToolPin, cacheDir: string): string {
  return join(cacheDir, pin.id, pin.version, 'bin', pin.binary);
}

/** The pinned version from the cache, else from PATH when PATH has exactly the pinned version. */
export async function locateTool(id: string, options: InstallOptions): Promise<LocatedTool | undefined> {
  const pin = pinFor(id);
  const cached = cachedBinary(pin, options.cacheDir);
  if ((await options.ports.fs.lstat(cached))?.kind === 'file') {
    return { id, path: cached, version: pin.version, source: 'cache' };
  }
  const onPath = await reportedVersion(pin.binary, pin, options.ports);
  if (onPath === pin.version) return { id, path: pin.binary, version: pin.version, source: 'path' };
  return undefined;
}

async function reportedVersion(command: string, pin: ToolPin, ports: Ports): Promise<string | undefined> {
  const result = await ports.processes.run({ command, args: pin.versionArgs, timeoutMs: VERSION_TIMEOUT_MS });
  if (result.kind !== 'exited' || result.exitCode !== 0) return undefined;
  const match = /v?(\d+\.\d+\.\d+)/.exec(result.stdout);
  return match?.[1];
}

/** Returns the pinned tool, installing it into the cache first when neither the cache nor PATH has it. */
export async function ensureTool(id: string, options: InstallOptions): Promise<LocatedTool> {
  const found = await locateTool(id, options);
  if (found) return found;
  const pin = pinFor(id);
  if (!pin.go) throw new InstallError('INSTALL_FAILED', `${id} has no install method`);
  await goInstall(pin, pin.go, options);
  const path = cachedBinary(pin, options.cacheDir);
  const version = await reportedVersion(path, pin, options.ports);
  if (version !== pin.version) {
    throw new InstallError(
      'INSTALL_FAILED',
      `${id}: installed binary reports version ${version ?? 'unknown'}, expected ${pin.version}`,
    );
  }
  return { id, path, version, source: 'installed' };
}

async function goInstall(pin: ToolPin, go: GoInstall, options: InstallOptions): Promise<void> {
  const { ports } = options;
  const gobin = join(options.cacheDir, pin.id, pin.version, 'bin');
  await ports.fs.mkdir(gobin);
  ports.logger.info(`installing ${pin.id} ${pin.version} with go install ${go.module}@v${pin.version}`);
  // go install verifies the module against Go's checksum database.
  const result = await ports.processes.run({
    command: 'go',
    args: ['install', `-ldflags=-X ${go.versionVariable}=${pin.version}`, `${go.module}@v${pin.version}`],
    env: { GOBIN: gobin, GOFLAGS: '-mod=mod', GO111MODULE: 'on' },
    timeoutMs: INSTALL_TIMEOUT_MS,
  });
  if (result.kind === 'spawn-error') {
    throw new InstallError(
      'TOOLCHAIN_MISSING',
      `installing ${pin.id} needs Go >= 1.24 on PATH (go: ${result.message}); on GitHub Actions add actions/setup-go before Vouch`,
    );
  }
  if (result.kind === 'timeout')
    throw new InstallError('INSTALL_FAILED', `go install of ${pin.id} timed out`);
  if (result.exitCode !== 0) {
    throw new InstallError(
      'INSTALL_FAILED',
      `go install of ${pin.id} failed with exit code ${result.exitCode}: ${result.stderrTail}`,
    );
  }
}
