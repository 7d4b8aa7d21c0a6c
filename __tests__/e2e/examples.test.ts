import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CACHE_DIR } from '../helpers/tools.js';

interface Flaw {
  readonly what: string;
  readonly rule: string;
  readonly at: string;
}
interface App {
  readonly name: string;
  readonly path: string;
  readonly flaws: readonly Flaw[];
}
interface Results {
  readonly findings: readonly {
    ruleId: string;
    verdict: string;
    role: string;
    location: { path: string; region?: { startLine: number } };
  }[];
}

const { apps } = JSON.parse(readFileSync('scripts/real-repos/vulnerable.json', 'utf8')) as { apps: App[] };

/** The deliberately vulnerable apps of examples/, with the real scanners and the default preset. */
describe('the documented flaws of the example apps block under the default preset', () => {
  it.each(apps.map((app) => [app.name, app] as const))('%s', (_name, app) => {
    const out = mkdtempSync(join(tmpdir(), 'vouch-example-'));
    const policy = join(out, 'policy.yml');
    // OSV-Scanner needs api.osv.dev, which tests must not depend on; the apps' flaws are in their code.
    spawnSync('sh', [
      '-c',
      `cat policies/default.yml > ${policy} && printf 'scanners:\\n  osv-scanner: { enabled: false }\\ndependencies: { offline: true }\\n' >> ${policy}`,
    ]);
    const run = spawnSync(
      process.execPath,
      [
        'dist/cli/index.js',
        'scan',
        app.path,
        '--policy',
        policy,
        '--out',
        out,
        '--cache-dir',
        DEFAULT_CACHE_DIR,
      ],
      { encoding: 'utf8', timeout: 240_000 },
    );
    expect(run.stdout).toContain('Decision: FAIL');
    // The summary counts findings per file role and mode.
    expect(run.stdout).toMatch(
      /\n {2}role +findings +block +warn +report +blocking +warnings\n {2}source +\d+ +\d+/,
    );
    expect(run.status).toBe(1);
    const { findings } = JSON.parse(readFileSync(join(out, 'vouch-results.json'), 'utf8')) as Results;
    const at = (f: Results['findings'][number]) => `${f.location.path}:${f.location.region?.startLine ?? 1}`;
    const blocking = findings.filter((f) => f.verdict === 'blocking').map((f) => `${f.ruleId} ${at(f)}`);
    expect(blocking).toEqual(expect.arrayContaining(app.flaws.map((flaw) => `${flaw.rule} ${flaw.at}`)));
    expect(new Set(findings.map((f) => f.role))).toEqual(new Set(['source']));
    // A tiered rule's broader twin never reports the line its critical rule already did.
    const lines = findings.filter((f) => f.ruleId.startsWith('semgrep/')).map(at);
    expect(lines.length).toBe(new Set(lines).size);
  });
});
