import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { installedBinary } from '../../src/core/install-methods.js';
import { toolPin } from '../../src/core/tools.js';

/**
 * Fault injection: each row replaces one scanner with a stand-in executable that misbehaves in one way,
 * runs `vouch scan` as a user would, and states what the gate must do. The promise under test: a finding
 * never disappears without a note naming the scanner and the count; a scanner that could not have looked
 * at files that exist is an error; line numbers are bounded by the file; a broken scanner fails closed.
 */

type ScannerId = 'gitleaks' | 'semgrep' | 'checkov' | 'osv-scanner';

/**
 * The argument after which each scanner is told where to write its report (args.ts of each adapter);
 * Semgrep writes it to stdout, which the adapter sends to the report file.
 */
const REPORT_FLAG: Record<ScannerId, { flag?: string; file?: string }> = {
  gitleaks: { flag: '--report-path' },
  semgrep: {},
  checkov: { flag: '--output-file-path', file: 'results_json.json' },
  'osv-scanner': { flag: '--output-file' },
};

interface Fault {
  readonly scanner: ScannerId;
  readonly fault: string;
  /** Repository files, path → content. */
  readonly files: Readonly<Record<string, string>>;
  /** What the stand-in writes as its report; absent: none. `{{root}}` is the repository's absolute path. */
  readonly report?: unknown;
  readonly exitCode?: number;
  readonly stderr?: string;
  /** Shell run before exiting, e.g. `sleep 30`. */
  readonly before?: string;
  readonly policy?: string;
  /** No stand-in at all: the scanner is not installed. */
  readonly missing?: boolean;
  readonly expected: {
    readonly status: 0 | 1 | 2;
    readonly output: RegExp;
    /** Each finding's rule, path and start line. */
    readonly findings?: readonly string[];
  };
}

const TF = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n';
const LOCK = JSON.stringify({
  name: 'app',
  lockfileVersion: 3,
  packages: {
    '': { name: 'app', dependencies: { lodash: '4.17.20' } },
    'node_modules/lodash': { version: '4.17.20' },
  },
});
const DOCKERFILE = 'FROM node:22\nUSER node\nCMD ["node", "index.js"]\n';
const SECRET_FILE = 'const config = {\n  region: "eu-west-1",\n};\n';

const checkovFailure = (fields: Record<string, unknown>) => ({
  check_type: 'dockerfile',
  results: {
    failed_checks: [
      {
        check_id: 'CKV_DOCKER_2',
        check_name: 'Ensure that HEALTHCHECK instructions have been added',
        file_line_range: [1, 3],
        resource: '/Dockerfile.',
        ...fields,
      },
    ],
    passed_checks: [],
    skipped_checks: [],
    parsing_errors: [],
  },
});

const leak = (line: number) => [
  {
    RuleID: 'generic-api-key',
    Description: 'Generic API Key',
    File: 'config.js',
    StartLine: line,
    EndLine: line,
    StartColumn: 3,
    EndColumn: 20,
    Match: 'REDACTED',
    Secret: 'REDACTED',
  },
];

/** The faults every scanner must survive, for the scanners the hand-written rows below do not cover. */
function commonFaults(
  scanner: Exclude<ScannerId, 'gitleaks'>,
  files: Fault['files'],
  crash: { exitCode: number; stderr: string; says: string },
  /** The exit code that goes with a written report: semgrep exits 0 with findings, the others 1. */
  reportExit: number,
): Fault[] {
  const name = scanner.replace('-', '\\-');
  return [
    {
      scanner,
      fault: 'is not installed',
      files,
      missing: true,
      expected: {
        status: 2,
        output: new RegExp(`ERROR ${name}: ${name} ${toolPin(scanner)?.version} is not installed`),
      },
    },
    {
      scanner,
      fault: `crashes (exit ${crash.exitCode}, no report)`,
      files,
      exitCode: crash.exitCode,
      stderr: crash.stderr,
      expected: { status: 2, output: new RegExp(`ERROR ${name}: ${crash.says}.*stderr: ${crash.stderr}`) },
    },
    {
      scanner,
      fault: 'writes a truncated report',
      files,
      report: '{"results": [{"',
      exitCode: reportExit,
      expected: { status: 2, output: new RegExp(`ERROR ${name}: unreadable ${name} report`) },
    },
    {
      scanner,
      fault: 'runs past the policy timeout',
      files,
      before: 'sleep 30',
      policy: `${scanner}: { timeout-seconds: 1 }`,
      expected: { status: 2, output: new RegExp(`ERROR ${name}: timed out after 1s`) },
    },
  ];
}

const FAULTS: readonly Fault[] = [
  // Earlier issues: a scanner missing, crashing, writing garbage or nothing, running past its timeout, or
  // contradicting its own report.
  {
    scanner: 'gitleaks',
    fault: 'is not installed',
    files: { 'a.js': '1\n' },
    missing: true,
    expected: { status: 2, output: /ERROR gitleaks: gitleaks 8\.30\.1 is not installed/ },
  },
  {
    scanner: 'gitleaks',
    fault: 'crashes (exit 1, no report)',
    files: { 'a.js': '1\n' },
    exitCode: 1,
    stderr: 'fatal: cannot open config',
    expected: { status: 2, output: /ERROR gitleaks: gitleaks exited with code 1.*fatal: cannot open config/ },
  },
  {
    scanner: 'gitleaks',
    fault: 'writes a report that is not JSON',
    files: { 'a.js': '1\n' },
    report: '[{"RuleID": ',
    exitCode: 99,
    expected: { status: 2, output: /ERROR gitleaks: unreadable gitleaks report: report is not JSON/ },
  },
  {
    scanner: 'gitleaks',
    fault: 'says "leaks" but its report lists none',
    files: { 'a.js': '1\n' },
    report: [],
    exitCode: 99,
    expected: { status: 2, output: /ERROR gitleaks: .*contradicts/ },
  },
  {
    scanner: 'gitleaks',
    fault: 'runs past the policy timeout',
    files: { 'a.js': '1\n' },
    before: 'sleep 30',
    policy: 'gitleaks: { timeout-seconds: 1 }',
    expected: { status: 2, output: /ERROR gitleaks: timed out after 1s/ },
  },
  {
    scanner: 'semgrep',
    fault: 'exits 7 (missing config) without a report',
    files: { 'app.py': 'print(1)\n' },
    exitCode: 7,
    expected: { status: 2, output: /ERROR semgrep: / },
  },
  {
    scanner: 'semgrep',
    fault: 'writes a report without results',
    files: { 'app.py': 'print(1)\n' },
    report: { errors: [] },
    exitCode: 0,
    expected: { status: 2, output: /ERROR semgrep: unreadable semgrep report/ },
  },
  {
    scanner: 'checkov',
    fault: 'crashes (exit 2)',
    files: { 'main.tf': TF },
    exitCode: 2,
    expected: { status: 2, output: /ERROR checkov: checkov exited with code 2/ },
  },
  {
    scanner: 'checkov',
    fault: 'exits 0 while its report lists failed checks',
    files: { Dockerfile: DOCKERFILE },
    report: checkovFailure({ file_path: '/Dockerfile' }),
    exitCode: 0,
    expected: {
      status: 2,
      output: /ERROR checkov: checkov exit code 0 contradicts its report \(1 failed checks\)/,
    },
  },
  {
    scanner: 'osv-scanner',
    fault: 'writes a report that is not JSON',
    files: { 'package-lock.json': LOCK },
    report: '{"results": [',
    exitCode: 1,
    expected: { status: 2, output: /ERROR osv-scanner: unreadable osv-scanner report/ },
  },
  // Issue 10: silent losses found by fault injection.
  {
    scanner: 'checkov',
    fault: 'names the file only by file_abs_path (no file_path)',
    files: { Dockerfile: DOCKERFILE },
    report: checkovFailure({ file_abs_path: '{{root}}/Dockerfile' }),
    exitCode: 1,
    expected: { status: 0, output: /Decision: PASS/, findings: ['checkov/CKV_DOCKER_2 Dockerfile:1'] },
  },
  {
    scanner: 'checkov',
    fault: 'writes file_path as an absolute path inside the repository',
    files: { Dockerfile: DOCKERFILE },
    report: checkovFailure({ file_path: '{{root}}/Dockerfile', file_abs_path: '{{root}}/Dockerfile' }),
    exitCode: 1,
    expected: { status: 0, output: /Decision: PASS/, findings: ['checkov/CKV_DOCKER_2 Dockerfile:1'] },
  },
  {
    scanner: 'checkov',
    fault: 'reports a file outside the repository',
    files: { Dockerfile: DOCKERFILE },
    report: checkovFailure({ file_path: '/../elsewhere/Dockerfile', file_abs_path: '/elsewhere/Dockerfile' }),
    exitCode: 1,
    expected: {
      status: 0,
      output: /note: checkov: 1 checkov result\(s\) at paths outside the repository .*were not reported/,
      findings: [],
    },
  },
  {
    scanner: 'checkov',
    fault: 'writes [] (no framework ran) while the tree holds .tf files',
    files: { 'main.tf': TF },
    report: [],
    exitCode: 0,
    expected: {
      status: 2,
      output: /ERROR checkov: unreadable checkov report: report is an empty list, which Checkov never writes/,
    },
  },
  {
    scanner: 'checkov',
    fault: 'writes a bare summary while the tree holds a Dockerfile and a workflow',
    files: {
      Dockerfile: DOCKERFILE,
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n',
    },
    report: { passed: 0, failed: 0, skipped: 0, parsing_errors: 0, resource_count: 0 },
    exitCode: 0,
    expected: {
      status: 2,
      output:
        /ERROR checkov: checkov reported no result at all, yet the tree holds 2 file\(s\) it always reports on \(\.github\/workflows\/ci\.yml, Dockerfile\)/,
    },
  },
  {
    scanner: 'osv-scanner',
    fault: 'says "no package sources found" while a lockfile lists packages',
    files: { 'package-lock.json': LOCK },
    exitCode: 128,
    expected: {
      status: 2,
      output:
        /ERROR osv-scanner: osv-scanner found no package sources, yet 1 lockfile\(s\) in the tree list packages \(package-lock\.json\)/,
    },
  },
  {
    scanner: 'osv-scanner',
    fault: 'says "no package sources found" and there are none',
    files: { 'README.md': '# app\n' },
    exitCode: 128,
    expected: { status: 0, output: /Decision: PASS/ },
  },
  {
    scanner: 'osv-scanner',
    fault: 'cannot reach the OSV API',
    files: { 'requirements.txt': 'flask==2.0.0\n' },
    exitCode: 127,
    stderr:
      'Error during extraction: (extracting as vulnmatch/osvdev) max retries exceeded: attempt 4: request failed: Post "https://api.osv.dev/v1/querybatch": dial tcp: lookup api.osv.dev on 10.255.255.53:53: no such host',
    expected: {
      status: 2,
      output: /ERROR osv-scanner: osv-scanner could not reach api\.osv\.dev: .*offline-db: <dir>/,
    },
  },
  {
    scanner: 'gitleaks',
    fault: 'reports line 1000000000000 of a 3-line file',
    files: { 'config.js': SECRET_FILE },
    report: leak(1_000_000_000_000),
    exitCode: 99,
    expected: {
      status: 1,
      output:
        /note: gitleaks: 1 gitleaks result\(s\) pointed past the end of their file and were placed on its last line/,
      findings: ['gitleaks/generic-api-key config.js:4'],
    },
  },
  ...commonFaults(
    'semgrep',
    { 'app.py': 'print(1)\n' },
    { exitCode: 2, stderr: 'Fatal error: out of memory', says: 'semgrep failed \\(exit 2\\): fatal error' },
    0,
  ),
  ...commonFaults(
    'checkov',
    { 'main.tf': TF },
    { exitCode: 2, stderr: 'Traceback: KeyError', says: 'checkov exited with code 2' },
    1,
  ),
  ...commonFaults(
    'osv-scanner',
    { 'package-lock.json': LOCK },
    { exitCode: 127, stderr: 'panic: nil map', says: 'osv-scanner reported an error \\(exit code 127\\)' },
    1,
  ),
];

const SCANNERS: readonly ScannerId[] = ['gitleaks', 'semgrep', 'checkov', 'osv-scanner'];

function standIn(cacheDir: string, fault: Fault, root: string): void {
  if (fault.missing) return;
  const pin = toolPin(fault.scanner);
  if (!pin) throw new Error(`no pin for ${fault.scanner}`);
  const binary = installedBinary(pin, join(cacheDir, pin.id, pin.version));
  mkdirSync(dirname(binary), { recursive: true });
  const { flag, file } = REPORT_FLAG[fault.scanner];
  const lines = [
    '#!/bin/sh',
    flag
      ? `while [ "$#" -gt 0 ]; do if [ "$1" = "${flag}" ]; then report="$2"; fi; shift; done`
      : 'report=/dev/stdout',
    fault.before ?? '',
  ];
  if (fault.report !== undefined) {
    const text =
      typeof fault.report === 'string'
        ? fault.report
        : JSON.stringify(fault.report).replaceAll('{{root}}', root);
    const stored = join(cacheDir, 'report.json');
    writeFileSync(stored, text);
    lines.push(`cat '${stored}' > "$report${file ? `/${file}` : ''}"`);
  }
  if (fault.stderr !== undefined) lines.push(`echo '${fault.stderr.replaceAll("'", "'\\''")}' >&2`);
  lines.push(`exit ${fault.exitCode ?? 0}`);
  writeFileSync(binary, `${lines.join('\n')}\n`);
  chmodSync(binary, 0o755);
}

/** Only the scanner under test and the builtin checks run; registries are never asked. */
function policyFor(fault: Fault): string {
  const scanners = SCANNERS.filter((id) => id !== fault.scanner).map((id) => `  ${id}: { enabled: false }`);
  if (fault.policy) scanners.push(`  ${fault.policy}`);
  return [
    'version: 1',
    'block:',
    '  severities: [critical, high]',
    'dependencies: { offline: true }',
    'scanners:',
    ...scanners,
    '',
  ].join('\n');
}

interface Report {
  findings: { ruleId: string; location: { path: string; region?: { startLine: number } } }[];
}

describe('fault injection: every misbehaving scanner fails closed or is noted, never lost', () => {
  it.each(FAULTS.map((fault) => [`${fault.scanner} ${fault.fault}`, fault] as const))(
    '%s',
    (_name, fault) => {
      const root = mkdtempSync(join(tmpdir(), 'vouch-fault-repo-'));
      for (const [path, content] of Object.entries(fault.files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      const cacheDir = mkdtempSync(join(tmpdir(), 'vouch-fault-cache-'));
      standIn(cacheDir, fault, root);
      const policy = join(mkdtempSync(join(tmpdir(), 'vouch-fault-policy-')), 'policy.yml');
      writeFileSync(policy, policyFor(fault));
      const outDir = mkdtempSync(join(tmpdir(), 'vouch-fault-out-'));
      const run = spawnSync(
        process.execPath,
        ['dist/cli/index.js', 'scan', root, '--policy', policy, '--out', outDir, '--cache-dir', cacheDir],
        {
          encoding: 'utf8',
          timeout: 120_000,
          env: { PATH: [dirname(process.execPath), '/usr/bin', '/bin'].join(':'), HOME: process.env.HOME },
        },
      );
      expect(run.stdout).toMatch(fault.expected.output);
      expect(run.status).toBe(fault.expected.status);
      if (fault.expected.findings) {
        const report = JSON.parse(readFileSync(join(outDir, 'vouch-results.json'), 'utf8')) as Report;
        const found = report.findings
          .filter((finding) =>
            finding.ruleId.startsWith(`${fault.scanner === 'osv-scanner' ? 'osv' : fault.scanner}/`),
          )
          .map(
            (finding) =>
              `${finding.ruleId} ${finding.location.path}:${finding.location.region?.startLine ?? 0}`,
          );
        expect(found).toEqual(fault.expected.findings);
      }
    },
  );
});
