import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FileSystem } from './ports.js';
import { pinnedTools } from './tools.js';

export interface ScannerCacheKeyInput {
  /** Vouch's own root: data/tools/ holds the pins and the hash-checked requirements. */
  readonly vouchRoot: string;
  readonly fs: FileSystem;
  /** `process.platform` and `process.arch`: Go binaries and wheels are built for one of each. */
  readonly platform: string;
  readonly arch: string;
  /** `python3 --version`: a venv links to the interpreter it was made with and breaks when it changes. */
  readonly python: string;
}

/**
 * The key under which an installed set of pinned scanners may be reused: it changes whenever a pin or a
 * locked requirement changes, and never across operating systems, architectures or Python versions.
 */
export async function scannerCacheKey(input: ScannerCacheKeyInput): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    'data/tools/pins.json',
    ...pinnedTools().flatMap((pin) => (pin.pip ? [pin.pip.requirements] : [])),
  ];
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await input.fs.readFile(join(input.vouchRoot, file)));
    hash.update('\0');
  }
  const python = /\d+\.\d+/.exec(input.python)?.[0] ?? 'none';
  return `vouch-scanners-${input.platform}-${input.arch}-py${python}-${hash.digest('hex').slice(0, 24)}`;
}
