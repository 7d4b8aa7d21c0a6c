import { randomInt } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A GitHub-token-shaped value made fresh for each run, so no real-looking secret is committed. */
export function plantedSecret(): string {
  return `ghp_${Array.from({ length: 36 }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('')}`;
}

/** Copies a fixture repository into a temporary directory, planting the secret where the fixture asks for it. */
export function fixtureRepo(name: 'planted' | 'clean', secret?: string): string {
  const dir = mkdtempSync(join(tmpdir(), `vouch-${name}-`));
  cpSync(join('__fixtures__', 'repos', name), dir, { recursive: true });
  if (secret !== undefined) {
    const config = join(dir, 'src', 'config.js');
    writeFileSync(config, readFileSync(config, 'utf8').replace('__PLANTED_SECRET__', secret));
  }
  return dir;
}

/** Where the planted secret sits in the planted fixture: line 4, after `  token: '`. */
export const PLANTED_SECRET_LOCATION = { path: 'src/config.js', startLine: 4, startColumn: 11 };
export const UNPINNED_ACTION_LOCATION = { path: '.github/workflows/ci.yml', startLine: 10, startColumn: 15 };
