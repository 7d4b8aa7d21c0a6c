import { NodeHttpClient } from '../../src/core/node-http-client.js';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { locateTool } from '../../src/core/install.js';
import { NodeFileSystem, systemClock } from '../../src/core/node-file-system.js';
import { NodeProcessRunner } from '../../src/core/node-process-runner.js';
import type { Logger, Ports } from '../../src/core/ports.js';

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
};

export function realPorts(logger: Logger = silentLogger): Ports {
  return {
    logger,
    processes: new NodeProcessRunner(),
    fs: new NodeFileSystem(),
    clock: systemClock,
    http: new NodeHttpClient(),
  };
}

export const DEFAULT_CACHE_DIR =
  process.env.VOUCH_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'vouch');

/** The real pinned scanner; integration tests fail (not skip) when `vouch setup` has not been run. */
export async function installedTool(id: string): Promise<string> {
  const tool = await locateTool(id, { cacheDir: DEFAULT_CACHE_DIR, ports: realPorts() });
  if (!tool)
    throw new Error(
      `${id} is not installed at its pinned version: run \`node dist/cli/index.js setup\` first`,
    );
  return tool.path;
}
