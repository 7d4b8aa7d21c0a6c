// Installs the tools only the tests use (not Vouch's scanners, which `vouch setup` installs):
// Bandit, a real third-party SARIF producer for the SARIF ingestion tests, pinned, in its own venv.
import { execFileSync } from 'node:child_process';
import console from 'node:console';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';

export const BANDIT_VERSION = '1.9.4';
const venv = join(
  process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
  'vouch-test',
  `bandit-${BANDIT_VERSION}`,
);
const bandit = join(venv, 'bin', 'bandit');

if (existsSync(bandit)) {
  console.log(`bandit ${BANDIT_VERSION}: present (${bandit})`);
} else {
  execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  execFileSync(
    join(venv, 'bin', 'pip'),
    ['install', '--quiet', '--disable-pip-version-check', `bandit[sarif]==${BANDIT_VERSION}`],
    {
      stdio: 'inherit',
    },
  );
  console.log(`bandit ${BANDIT_VERSION}: installed (${bandit})`);
}
