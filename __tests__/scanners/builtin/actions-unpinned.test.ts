import { describe, expect, it } from '@jest/globals';
import { ruleFromMeta, type CheckResult } from '../../../src/scanners/builtin/check.js';
import { actionsUnpinned, unpinnedReason } from '../../../src/scanners/builtin/checks/actions-unpinned.js';
import { describeFixtures, fixtureDir, loadFixtures } from './fixture-runner.js';

const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';

function run(path: string, text: string): CheckResult {
  return actionsUnpinned.run({ path, text });
}

describeFixtures(actionsUnpinned, {
  minChecked: 6,
  minFlagged: 25,
  region: (covered, detection) => {
    expect(`uses: ${covered}`).toBe(detection.evidence);
    expect(detection.message).toContain(`\`${covered}\``);
  },
});

it('has fixtures the check does not apply to', () => {
  const fixtures = loadFixtures(fixtureDir('actions-unpinned'));
  expect(fixtures.some((fixture) => !actionsUnpinned.appliesTo(fixture.path))).toBe(true);
});

describe('actions-unpinned columns', () => {
  const region = (text: string) =>
    run('.github/workflows/ci.yml', text).detections.map((d) => d.location.region);

  it('points at a plain value', () => {
    expect(region('jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n')).toEqual([
      { startLine: 4, startColumn: 15, endLine: 4, endColumn: 34 },
    ]);
  });

  it('points inside the quotes of a quoted value', () => {
    expect(region('jobs:\n  a:\n    steps:\n      - uses: "actions/checkout@v4"\n')).toEqual([
      { startLine: 4, startColumn: 16, endLine: 4, endColumn: 35 },
    ]);
  });

  it('finds several values on one flow-style line, CRLF or not', () => {
    const text = "jobs:\r\n  a: {steps: [{uses: a/b@v1}, {uses: 'c/d@main'}]}\r\n";
    expect(region(text)).toEqual([
      { startLine: 2, startColumn: 22, endLine: 2, endColumn: 28 },
      { startLine: 2, startColumn: 39, endLine: 2, endColumn: 47 },
    ]);
  });

  it('points at a job-level reusable workflow', () => {
    expect(region('jobs:\n  call:\n    uses: o/r/.github/workflows/w.yml@main\n')).toEqual([
      { startLine: 3, startColumn: 11, endLine: 3, endColumn: 43 },
    ]);
  });
});

describe('actions-unpinned severity', () => {
  const severities = (uses: string) =>
    run('.github/workflows/ci.yml', `jobs:\n  a:\n    steps:\n      - uses: ${uses}\n`).detections.map(
      (d) => d.severity ?? 'rule',
    );

  it('keeps the rule severity (high) for third-party actions on a tag', () => {
    expect(severities('codecov/codecov-action@v4')).toEqual(['rule']);
    expect(actionsUnpinned.rule.severity).toBe('high');
  });

  it('lowers GitHub-owned actions on a version tag to medium', () => {
    expect(severities('actions/checkout@v4')).toEqual(['medium']);
    expect(severities('github/codeql-action/init@v3.28.1')).toEqual(['medium']);
  });

  it('does not lower GitHub-owned actions on a branch, a short SHA or no ref', () => {
    expect(severities('actions/checkout@main')).toEqual(['rule']);
    expect(severities('actions/checkout@11bd719')).toEqual(['rule']);
    expect(severities('actions/checkout')).toEqual(['rule']);
    expect(severities('actions-evil/checkout@v4')).toEqual(['rule']);
  });
});

describe('unpinnedReason', () => {
  it.each([
    `actions/checkout@${SHA}`,
    `actions/checkout@${SHA.toUpperCase()}`,
    `o/r/.github/workflows/w.yml@${SHA}`,
    './local/action',
    `docker://alpine@sha256:${'a'.repeat(64)}`,
    `docker://ghcr.io/o/i:1.2@sha256:${'0f'.repeat(32)}`,
  ])('accepts %s', (reference) => {
    expect(unpinnedReason(reference)).toBeUndefined();
  });

  it.each([
    [
      'actions/checkout@v4',
      /tag or branch `v4`.*full 40-character commit SHA.*`actions\/checkout@<commit-sha> # v4`/,
    ],
    ['o/r/path@main', /tag or branch `main`/],
    ['o/r@abc1234', /short SHA `abc1234`.*still unpinned/],
    [`o/r@${SHA.slice(0, 39)}`, /short SHA/],
    [`o/r@${SHA}0`, /tag or branch/],
    ['o/r', /names no version at all.*`o\/r@<commit-sha> # <tag>`/],
    ['o/r@', /tag or branch ``/],
    ['docker://alpine:3.20', /by tag.*digest.*`docker:\/\/alpine:3.20@sha256:<64 hex digest>`/],
    ['docker://alpine@sha256:abcd', /`docker:\/\/alpine@sha256:<64 hex digest>`/],
    ['../outside', /names no version/],
  ])('rejects %s', (reference, message) => {
    expect(unpinnedReason(reference)).toMatch(message);
  });
});

describe('actions-unpinned rule and scope', () => {
  it('builds its rule from data/checks/actions-unpinned.json', () => {
    const rule = actionsUnpinned.rule;
    expect(actionsUnpinned.id).toBe('actions-unpinned');
    expect(rule).toMatchObject({
      id: 'builtin/actions-unpinned',
      severity: 'high',
      securitySeverity: 7.5,
      precision: 'high',
      cwe: ['CWE-829'],
      asvs: ['v5.0.0-15.2.4'],
    });
    expect(rule.tags).toEqual(expect.arrayContaining(['security', 'supply-chain', 'github-actions']));
    expect(rule.help).toContain('https://docs.github.com/en/actions/');
    expect(rule.help).toContain('https://github.com/ossf/scorecard/');
  });

  it.each([
    ['.github/workflows/ci.yml', true],
    ['.github/workflows/ci.yaml', true],
    ['.github/workflows/nested/ci.yml', false],
    ['sub/.github/workflows/ci.yml', false],
    ['.github/workflows/ci.json', false],
    ['action.yml', true],
    ['tools/setup/action.yaml', true],
    ['tools/setup/my-action.yml', false],
    ['.github/dependabot.yml', false],
  ])('applies to %s: %s', (path, expected) => {
    expect(actionsUnpinned.appliesTo(path)).toBe(expected);
  });

  it('ignores non-string and empty uses values and documents that are not mappings', () => {
    const text =
      'jobs:\n  a:\n    steps:\n      - uses: 42\n      - uses:\n      - uses: ""\n      - uses: [x@v1]\n';
    expect(run('.github/workflows/ci.yml', text)).toEqual({ detections: [], notes: [] });
    expect(run('.github/workflows/ci.yml', '- just\n- a list\n')).toEqual({ detections: [], notes: [] });
    expect(run('action.yml', '')).toEqual({ detections: [], notes: [] });
  });
});

describe('ruleFromMeta', () => {
  const valid = {
    id: 'x-check',
    title: 'T',
    description: 'D',
    help: 'H',
    cwe: ['CWE-1'],
    severity: 'medium',
    'security-severity': 5,
    precision: 'low',
    tags: ['security'],
    asvs: [],
  };

  it('accepts well-formed metadata', () => {
    expect(ruleFromMeta(valid)).toMatchObject({
      id: 'builtin/x-check',
      name: 'x-check',
      shortDescription: 'T',
    });
  });

  it.each([
    [{ ...valid, id: 'Not Kebab' }, /kebab-case/],
    [{ ...valid, severity: 'urgent' }, /"severity"/],
    [{ ...valid, 'security-severity': 9.5 }, /inside the "medium" band/],
    [{ ...valid, 'security-severity': '5' }, /"security-severity"/],
    [{ ...valid, precision: 'exact' }, /"precision"/],
    [{ ...valid, cwe: ['829'] }, /"cwe"/],
    [{ ...valid, asvs: ['V15.2.4'] }, /"asvs"/],
    [{ ...valid, help: '' }, /"help"/],
    [{ ...valid, helpUri: 'http://insecure' }, /"helpUri"/],
    [[], /JSON object/],
  ])('rejects broken metadata (%#)', (meta, message) => {
    expect(() => ruleFromMeta(meta)).toThrow(message);
  });
});
