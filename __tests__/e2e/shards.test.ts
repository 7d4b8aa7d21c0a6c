import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitRepo } from '../helpers/git-repo.js';
import { NPM_RECORDS, PYPI_RECORDS, writeDb } from '../helpers/osv-db.js';
import { DEFAULT_CACHE_DIR, installedTool } from '../helpers/tools.js';

interface Results {
  decision: { status: string; counts: Record<string, unknown>; blocking: { fingerprint: string }[] };
  findings: {
    tool: string;
    ruleId: string;
    fingerprint: string;
    verdict: string;
    isNew: boolean;
    alsoReportedBy: string[];
  }[];
}
interface Sarif {
  runs: { tool: { driver: { name: string } }; results: { partialFingerprints: Record<string, string> }[] }[];
}

let policy: string;

beforeAll(async () => {
  for (const tool of ['semgrep', 'gitleaks', 'checkov', 'osv-scanner'] as const) await installedTool(tool);
  const db = writeDb('osv-scalibr', { npm: NPM_RECORDS, PyPI: PYPI_RECORDS, Go: [] });
  policy = join(mkdtempSync(join(tmpdir(), 'vouch-shard-policy-')), 'policy.yml');
  writeFileSync(
    policy,
    `${readFileSync('policies/default.yml', 'utf8')}\ndependencies: { offline: true }\nosv: { offline-db: ${db} }\n`,
  );
});

/** The three example apps, the OSV fixture's lockfiles and a Terraform bucket: every scanner has work. */
function repository(): GitRepo {
  const repo = new GitRepo();
  cpSync('examples', repo.root, { recursive: true });
  cpSync(join('__fixtures__', 'osv', 'repo'), join(repo.root, 'deps'), { recursive: true });
  repo.write({
    'infra/main.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  acl    = "public-read"\n}\n',
  });
  return repo;
}

function vouch(...args: string[]) {
  return spawnSync(process.execPath, ['dist/cli/index.js', ...args, '--cache-dir', DEFAULT_CACHE_DIR], {
    encoding: 'utf8',
    timeout: 300_000,
  });
}

function scan(root: string, extra: string[] = []): { status: number | null; out: string; stderr: string } {
  const out = mkdtempSync(join(tmpdir(), 'vouch-shard-out-'));
  const run = vouch('scan', root, '--policy', policy, '--out', out, ...extra);
  return { status: run.status, out, stderr: run.stderr };
}

const results = (dir: string): Results =>
  JSON.parse(readFileSync(join(dir, 'vouch-results.json'), 'utf8')) as Results;
const sarif = (dir: string): Sarif => JSON.parse(readFileSync(join(dir, 'vouch.sarif'), 'utf8')) as Sarif;

function judged(dir: string) {
  const record = results(dir);
  return {
    status: record.decision.status,
    counts: record.decision.counts,
    blocking: record.decision.blocking.map((b) => b.fingerprint).sort(),
    findings: record.findings
      .map((f) => [f.tool, f.ruleId, f.fingerprint, f.verdict, f.isNew, f.alsoReportedBy.join(',')].join(' '))
      .sort(),
    sarif: sarif(dir)
      .runs.map(
        (run) =>
          `${run.tool.driver.name}: ${run.results
            .map((r) => r.partialFingerprints['vouch/fingerprint'] ?? '')
            .sort()
            .join(',')}`,
      )
      .sort(),
  };
}

function shardsOf(root: string, count: number, extra: string[] = []): string[] {
  return Array.from({ length: count }, (_, i) => {
    const shard = scan(root, [...extra, '--shard', `${i + 1}/${count}`]);
    expect(shard.stderr).toContain(`shard ${i + 1}/${count}: a partial decision`);
    return shard.out;
  });
}

function merge(root: string, dirs: readonly string[]) {
  const out = mkdtempSync(join(tmpdir(), 'vouch-merged-'));
  const run = vouch('merge', ...dirs, '--root', root, '--out', out, '--sign', 'unsigned');
  return { ...run, out };
}

describe('vouch merge of shards', () => {
  it('gives the same findings, SARIF and decision as one unsharded scan, each shard reading a part', () => {
    const repo = repository();
    repo.commit('all');
    const whole = scan(repo.root);
    expect(whole.status).toBe(1);
    const dirs = shardsOf(repo.root, 4);
    const parts = dirs.map((dir) => results(dir).findings.length);
    // Each shard read only its part: none found everything.
    expect(Math.max(...parts)).toBeLessThan(judged(whole.out).findings.length);
    const merged = merge(repo.root, dirs);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).not.toContain('ERROR');
    expect(merged.status).toBe(1);
    const expected = judged(whole.out);
    expect(expected.findings.some((f) => f.startsWith('osv-scanner '))).toBe(true);
    expect(expected.findings.some((f) => f.startsWith('checkov '))).toBe(true);
    expect(judged(merged.out)).toEqual(expected);
    expect(merged.stdout).toContain('Decision: FAIL');
    // One decision attestation, for the merged result.
    expect(readFileSync(join(merged.out, 'vouch-decision.intoto.json'), 'utf8')).toContain('vouch.sarif');
  });

  it('on a pull request, judges new and pre-existing findings as the unsharded scan does', () => {
    const repo = repository();
    const base = repo.commit('base');
    // A touched file: its old findings are pre-existing, the appended one is new.
    const app = join('examples', 'flask-notes', 'app.py');
    repo.write({
      'flask-notes/app.py': `${readFileSync(app, 'utf8')}\n\n@app.route("/export")\ndef export():\n    name = request.args["name"]\n    return subprocess.run("tar czf out.tgz " + name, shell=True)\n`,
    });
    repo.commit('export');
    const whole = scan(repo.root, ['--base', base]);
    const merged = merge(repo.root, shardsOf(repo.root, 3, ['--base', base]));
    const expected = judged(whole.out);
    expect(expected.findings.some((f) => f.includes(' pre-existing '))).toBe(true);
    expect(expected.blocking.length).toBeGreaterThan(0);
    expect(judged(merged.out)).toEqual(expected);
  });

  it('fails closed when a shard is missing, twice, or from another scan', () => {
    const repo = repository();
    repo.commit('all');
    const dirs = shardsOf(repo.root, 3);
    const missing = merge(repo.root, dirs.slice(0, 2));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('shard(s) 3/3 missing');
    const twice = merge(repo.root, [dirs[0] ?? '', dirs[0] ?? '', dirs[1] ?? '']);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/are both shard 1\/3/);
    const unsharded = scan(repo.root);
    const mixed = merge(repo.root, [unsharded.out]);
    expect(mixed.stderr).toMatch(/\/shard is missing: these are the results of an unsharded scan/);
    repo.write({ 'extra.py': 'print(1)\n' });
    const moved = merge(repo.root, dirs);
    expect(moved.status).toBe(2);
    expect(moved.stderr).toContain('holds other files than the shards scanned');
  });
});
