import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CACHE_DIR, installedTool } from '../helpers/tools.js';

const GOLDEN = join('__fixtures__', 'golden', 'instructions-flask-notes.md');
const USER_TEXT = '# Notes app\n\nRun `flask run --debug` locally; the tests are in tests/.\n';

function vouch(...args: string[]) {
  return spawnSync(process.execPath, ['dist/cli/index.js', ...args], { encoding: 'utf8', timeout: 240_000 });
}

function copyOf(example: string): string {
  const root = mkdtempSync(join(tmpdir(), `vouch-instructions-${example}-`));
  cpSync(join('examples', example), root, { recursive: true });
  return root;
}

let policy: string;

beforeAll(async () => {
  await installedTool('semgrep');
  await installedTool('gitleaks');
  policy = join(mkdtempSync(join(tmpdir(), 'vouch-instructions-policy-')), 'policy.yml');
  writeFileSync(
    policy,
    `${readFileSync('policies/default.yml', 'utf8')}\nscanners:\n  osv-scanner: { enabled: false }\n  checkov: { enabled: false }\ndependencies: { offline: true }\n`,
  );
});

const scan = (root: string) =>
  vouch(
    'scan',
    root,
    '--policy',
    policy,
    '--out',
    join(root, 'vouch-results'),
    '--format',
    'json',
    '--cache-dir',
    DEFAULT_CACHE_DIR,
  );

interface Results {
  findings: { ruleId: string; location: { path: string } }[];
}

describe('vouch instructions', () => {
  it('writes the section the golden file holds, from the repository and its last scan, once', () => {
    const root = copyOf('flask-notes');
    writeFileSync(join(root, 'CLAUDE.md'), USER_TEXT);
    expect(scan(root).status).toBe(1);
    const first = vouch('instructions', root);
    expect(first.stderr).toBe('');
    expect(first.stdout.trim()).toMatch(/CLAUDE\.md: updated$/);
    const written = readFileSync(join(root, 'CLAUDE.md'), 'utf8');
    expect(written).toBe(readFileSync(GOLDEN, 'utf8'));
    expect(written.startsWith(USER_TEXT)).toBe(true);
    const again = vouch('instructions', root);
    expect(again.stdout.trim()).toMatch(/CLAUDE\.md: up to date$/);
    expect(readFileSync(join(root, 'CLAUDE.md'), 'utf8')).toBe(written);
  });

  it('leaves an instruction file that Vouch’s own instruction checks pass', () => {
    const root = copyOf('flask-notes');
    writeFileSync(join(root, 'CLAUDE.md'), USER_TEXT);
    scan(root);
    const before = JSON.parse(
      readFileSync(join(root, 'vouch-results', 'vouch-results.json'), 'utf8'),
    ) as Results;
    expect(before.findings.map((f) => f.ruleId)).toContain('builtin/ai-instructions-no-security-guidance');
    vouch('instructions', root);
    scan(root);
    const after = JSON.parse(
      readFileSync(join(root, 'vouch-results', 'vouch-results.json'), 'utf8'),
    ) as Results;
    expect(after.findings.filter((f) => f.location.path === 'CLAUDE.md').map((f) => f.ruleId)).toEqual([]);
  });

  it('creates AGENTS.md when there is no instruction file, naming only what the repository uses', () => {
    const root = copyOf('go-files');
    const run = vouch('instructions', root);
    expect(run.stdout.trim()).toMatch(/AGENTS\.md: created$/);
    const text = readFileSync(join(root, 'AGENTS.md'), 'utf8');
    expect(text).toContain('- Go: use `database/sql` placeholders');
    expect(text).toContain('- Go modules:');
    expect(text).not.toMatch(/Python|Flask|npm|Django|JavaScript|Terraform/);
    // No scan has run here: nothing about weaknesses found.
    expect(text).not.toContain('The last scan found');
  });

  it('writes to the file named with --write and refuses markers that do not pair up', () => {
    const root = copyOf('go-files');
    const target = join(root, '.github', 'copilot-instructions.md');
    expect(vouch('instructions', root, '--write', target).status).toBe(0);
    expect(existsSync(join(root, 'AGENTS.md'))).toBe(false);
    writeFileSync(target, `${readFileSync(target, 'utf8')}\n<!-- vouch:security-instructions:begin -->\n`);
    const broken = vouch('instructions', root, '--write', target);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/copilot-instructions\.md holds 2 begin and 1 end marker\(s\)/);
  });
});
