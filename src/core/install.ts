import { join } from 'node:path';
import { InstallError } from './errors.js';
import { goInstall, installedBinary, pipInstall, type MethodOptions } from './install-methods.js';
import type { Ports } from './ports.js';
import { toolPin, type ToolPin } from './tools.js';

export interface LocatedTool {
  readonly id: string;
  readonly path: string;
  readonly version: string;
  readonly source: 'cache' | 'path' | 'installed';
}

export interface InstallOptions {
  /** Vouch's tool cache: `<cacheDir>/<tool>/<version>/…`. */
  readonly cacheDir: string;
  readonly ports: Ports;
  /** Vouch's own root (data/tools/ requirements); needed only to install. */
  readonly vouchRoot?: string;
}

const VERSION_TIMEOUT_MS = 60_000;

function pinFor(id: string): ToolPin {
  const pin = toolPin(id);
  if (!pin)
    throw new InstallError('UNKNOWN_TOOL', `no pinned version for scanner "${id}" in data/tools/pins.json`);
  return pin;
}

function toolDir(pin: ToolPin, cacheDir: string): string {
  return join(cacheDir, pin.id, pin.version);
}

/** The pinned version from the cache, else from PATH when PATH has exactly the pinned version. */
export async function locateTool(id: string, options: InstallOptions): Promise<LocatedTool | undefined> {
  const pin = pinFor(id);
  const cached = installedBinary(pin, toolDir(pin, options.cacheDir));
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
  if (options.vouchRoot === undefined)
    throw new InstallError('INSTALL_FAILED', `${id}: Vouch's root is needed to install it`);
  const method: MethodOptions = {
    toolDir: toolDir(pin, options.cacheDir),
    vouchRoot: options.vouchRoot,
    ports: options.ports,
  };
  if (pin.go) await goInstall(pin, pin.go, method);
  else if (pin.pip) await pipInstall(pin, pin.pip, method);
  else throw new InstallError('INSTALL_FAILED', `${id} has no install method in data/tools/pins.json`);
  const path = installedBinary(pin, method.toolDir);
  const version = await reportedVersion(path, pin, options.ports);
  if (version !== pin.version) {
    throw new InstallError(
      'INSTALL_FAILED',
      `${id}: installed binary reports version ${version ?? 'unknown'}, expected ${pin.version}`,
    );
  }
  return { id, path, version, source: 'installed' };
}
