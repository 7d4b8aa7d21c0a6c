import * as cache from '@actions/cache';
import { describeError } from '../core/errors.js';
import { locateTool } from '../core/install.js';
import type { Ports } from '../core/ports.js';
import { scannerCacheKey } from '../core/scanner-cache-key.js';
import { pinnedTools } from '../core/tools.js';

/** GitHub's Actions cache, behind the two calls Vouch makes of it. */
export interface CacheStore {
  available(): boolean;
  /** The key restored, or undefined on a miss. */
  restore(paths: string[], key: string): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<void>;
}

export const actionsCacheStore: CacheStore = {
  available: () => cache.isFeatureAvailable(),
  restore: (paths, key) => cache.restoreCache(paths, key),
  save: async (paths, key) => {
    await cache.saveCache(paths, key);
  },
};

export interface ScannerCacheOptions {
  readonly cacheDir: string;
  readonly vouchRoot: string;
  readonly ports: Ports;
  readonly store: CacheStore;
}

/**
 * Restores the pinned scanners before `work` and saves them after it when they were installed by it, so
 * a hosted runner pays the install once per pin change instead of on every run. The cache only ever
 * saves time: when it is unavailable or fails, the scanners are installed as without it.
 */
export async function withScannerCache<T>(options: ScannerCacheOptions, work: () => Promise<T>): Promise<T> {
  const { logger } = options.ports;
  if (!options.store.available()) {
    logger.info(
      'scanner cache: the Actions cache service is not available here; scanners missing from the tool cache are installed',
    );
    return work();
  }
  const key = await cacheKey(options);
  let hit = false;
  try {
    hit = (await options.store.restore([options.cacheDir], key)) === key;
    logger.info(`scanner cache: ${hit ? 'restored' : 'no entry for'} ${key}`);
  } catch (error) {
    logger.warning(`scanner cache: could not restore ${key} (${describeError(error)}); installing instead`);
  }
  const result = await work();
  if (!hit) await saveWhenComplete(options, key);
  return result;
}

async function cacheKey(options: ScannerCacheOptions): Promise<string> {
  const python = await options.ports.processes.run({
    command: 'python3',
    args: ['--version'],
    timeoutMs: 30_000,
  });
  return scannerCacheKey({
    vouchRoot: options.vouchRoot,
    fs: options.ports.fs,
    platform: process.platform,
    arch: process.arch,
    python: python.kind === 'exited' ? python.stdout : '',
  });
}

/** A partial set is not saved: the key would then stay taken by an entry that lacks a scanner. */
async function saveWhenComplete(options: ScannerCacheOptions, key: string): Promise<void> {
  const { logger } = options.ports;
  const located = await Promise.all(
    pinnedTools().map((pin) => locateTool(pin.id, { cacheDir: options.cacheDir, ports: options.ports })),
  );
  const missing = pinnedTools().filter((_, index) => located[index]?.source !== 'cache');
  if (missing.length > 0) {
    logger.info(
      `scanner cache: not saved; ${missing.map((pin) => pin.id).join(', ')} not in ${options.cacheDir}`,
    );
    return;
  }
  try {
    await options.store.save([options.cacheDir], key);
    logger.info(`scanner cache: saved ${key}`);
  } catch (error) {
    logger.warning(`scanner cache: could not save ${key} (${describeError(error)})`);
  }
}
