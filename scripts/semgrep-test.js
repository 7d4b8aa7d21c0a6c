// Runs `semgrep --test` over Vouch's whole ruleset with the pinned Semgrep that `vouch setup` installed:
// every rule's `ruleid:` lines must match and its `ok:` lines must stay silent.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';

const pins = JSON.parse(readFileSync('data/tools/pins.json', 'utf8'));
const cacheDir =
  process.env.VOUCH_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'vouch');
const semgrep = join(cacheDir, 'semgrep', pins.semgrep.version, 'venv', 'bin', 'semgrep');
if (!existsSync(semgrep)) {
  console.error(
    `semgrep ${pins.semgrep.version} is not installed at ${semgrep}; run \`npm run vouch -- setup\` first`,
  );
  process.exit(2);
}
const result = spawnSync(
  semgrep,
  ['--test', '--metrics=off', '--disable-version-check', 'data/rules/semgrep'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  },
);
process.stdout.write(result.stdout);
// semgrep --test can print failures yet exit 0 on some versions; trust neither alone.
const failed = result.status !== 0 || /\b[1-9]\d* (?:unit )?tests? did not pass|failed/i.test(result.stdout);
process.exit(failed ? 1 : 0);
