import { describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withScannerCache, type CacheStore } from '../../src/action/scanner-cache.js';
import { NodeFileSystem } from '../../src/core/node-file-system.js';
import { scannerCacheKey } from '../../src/core/scanner-cache-key.js';
import { installedBinary } from '../../src/core/install-methods.js';
import { pinnedTools } from '../../src/core/tools.js';
import type { Logger } from '../../src/core/ports.js';
import { realPorts } from '../helpers/tools.js';

/** An Actions cache kept in a directory: entries are copies of the cached paths, by key. */
function directoryStore(options: { available?: boolean; failRestore?: boolean } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'vouch-actions-cache-'));
  const calls: string[] = [];
  const store: CacheStore = {
    available: () => options.available ?? true,
    restore: (paths, key) => {
      calls.push(`restore ${key}`);
      if (options.failRestore) return Promise.reject(new Error('cache service answered 503'));
      if (!existsSync(join(root, key))) return Promise.resolve(undefined);
      paths.forEach((path, index) => {
        cpSync(join(root, key, String(index)), path, { recursive: true });
      });
      return Promise.resolve(key);
    },
    save: (paths, key) => {
      calls.push(`save ${key}`);
      paths.forEach((path, index) => {
        cpSync(path, join(root, key, String(index)), { recursive: true });
      });
      return Promise.resolve();
    },
  };
  return { store, calls };
}

function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string) => void lines.push(`${level}: ${message}`);
  return {
    logger: { debug: push('debug'), info: push('info'), warning: push('warning'), error: push('error') },
    lines,
  };
}

/** Stands in for installing: writes each pinned tool's executable where the cache lookup expects it. */
function install(cacheDir: string, ids = pinnedTools().map((pin) => pin.id)): void {
  for (const pin of pinnedTools().filter((p) => ids.includes(p.id))) {
    const path = installedBinary(pin, join(cacheDir, pin.id, pin.version));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, `${pin.id} ${pin.version}`);
  }
}

const vouchRoot = process.cwd();

describe('withScannerCache', () => {
  it('installs on a miss, saves the complete set, and restores it on the next run without installing', async () => {
    const { store, calls } = directoryStore();
    const first = mkdtempSync(join(tmpdir(), 'vouch-tools-'));
    const installs: string[] = [];
    await withScannerCache({ cacheDir: first, vouchRoot, ports: realPorts(), store }, () => {
      installs.push('first');
      install(first);
      return Promise.resolve();
    });
    expect(calls).toEqual([
      expect.stringMatching(/^restore vouch-scanners-/),
      expect.stringMatching(/^save /),
    ]);
    const key = calls[0]?.slice('restore '.length);
    expect(calls[1]).toBe(`save ${key}`);

    const second = join(mkdtempSync(join(tmpdir(), 'vouch-runner-')), 'vouch');
    const { logger, lines } = recordingLogger();
    await withScannerCache({ cacheDir: second, vouchRoot, ports: realPorts(logger), store }, () => {
      const gitleaks = pinnedTools().find((pin) => pin.id === 'gitleaks');
      if (gitleaks)
        expect(
          readFileSync(installedBinary(gitleaks, join(second, 'gitleaks', gitleaks.version)), 'utf8'),
        ).toBe(`gitleaks ${gitleaks.version}`);
      return Promise.resolve();
    });
    expect(installs).toEqual(['first']);
    expect(calls).toEqual([`restore ${key}`, `save ${key}`, `restore ${key}`]);
    expect(lines).toContain(`info: scanner cache: restored ${key}`);
  });

  it('does not save a set that lacks a scanner, so the key stays free for a complete one', async () => {
    const { store, calls } = directoryStore();
    const cacheDir = mkdtempSync(join(tmpdir(), 'vouch-tools-'));
    const { logger, lines } = recordingLogger();
    await withScannerCache({ cacheDir, vouchRoot, ports: realPorts(logger), store }, () => {
      install(cacheDir, ['gitleaks', 'semgrep']);
      return Promise.resolve();
    });
    expect(calls).toHaveLength(1);
    expect(lines).toContain(`info: scanner cache: not saved; checkov, osv-scanner not in ${cacheDir}`);
  });

  it('runs without the cache where the service is not available', async () => {
    const { store, calls } = directoryStore({ available: false });
    const { logger, lines } = recordingLogger();
    const result = await withScannerCache(
      { cacheDir: mkdtempSync(join(tmpdir(), 'vouch-tools-')), vouchRoot, ports: realPorts(logger), store },
      () => Promise.resolve('scanned'),
    );
    expect(result).toBe('scanned');
    expect(calls).toEqual([]);
    expect(lines).toEqual([
      'info: scanner cache: the Actions cache service is not available here; scanners missing from the tool cache are installed',
    ]);
  });

  it('installs when restoring fails, with a warning, and still saves', async () => {
    const { store, calls } = directoryStore({ failRestore: true });
    const cacheDir = mkdtempSync(join(tmpdir(), 'vouch-tools-'));
    const { logger, lines } = recordingLogger();
    await withScannerCache({ cacheDir, vouchRoot, ports: realPorts(logger), store }, () => {
      install(cacheDir);
      return Promise.resolve();
    });
    expect(lines).toContainEqual(
      expect.stringMatching(/^warning: scanner cache: could not restore .*cache service answered 503/),
    );
    expect(calls[1]).toMatch(/^save /);
  });
});

describe('scannerCacheKey', () => {
  const fs = new NodeFileSystem();
  const base = { vouchRoot, fs, platform: 'linux', arch: 'x64', python: 'Python 3.12.3\n' };

  it('names the platform, architecture and Python minor version', async () => {
    expect(await scannerCacheKey(base)).toMatch(/^vouch-scanners-linux-x64-py3\.12-[0-9a-f]{24}$/);
  });

  it('changes with the OS, the architecture, the Python version and any pinned file', async () => {
    const key = await scannerCacheKey(base);
    expect(await scannerCacheKey({ ...base, platform: 'darwin' })).not.toBe(key);
    expect(await scannerCacheKey({ ...base, arch: 'arm64' })).not.toBe(key);
    expect(await scannerCacheKey({ ...base, python: 'Python 3.13.0' })).not.toBe(key);
    expect(await scannerCacheKey({ ...base, python: 'Python 3.12.9' })).toBe(key);
    const copy = mkdtempSync(join(tmpdir(), 'vouch-root-'));
    cpSync(join(vouchRoot, 'data', 'tools'), join(copy, 'data', 'tools'), { recursive: true });
    expect(await scannerCacheKey({ ...base, vouchRoot: copy })).toBe(key);
    const requirements = join(copy, 'data', 'tools', 'checkov-requirements.txt');
    writeFileSync(requirements, `${readFileSync(requirements, 'utf8')}\n`);
    expect(await scannerCacheKey({ ...base, vouchRoot: copy })).not.toBe(key);
  });
});
