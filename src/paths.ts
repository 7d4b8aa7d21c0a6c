import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory holding Vouch's own files (policies/, data/): the nearest ancestor of this module with an
 * action.yml. This module sits one level under src/ and is bundled into dist/ and dist/cli/, so walking up
 * finds the same root under jest, in the action and in the CLI. Never the user's workspace.
 */
function findVouchRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'action.yml')) && existsSync(join(dir, 'policies'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`Vouch's own files (action.yml, policies/) not found above ${import.meta.url}`);
    dir = parent;
  }
}

export const VOUCH_ROOT: string = findVouchRoot();
