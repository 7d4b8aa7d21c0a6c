import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ruleFromMeta, type CheckResult } from '../../../src/scanners/builtin/check.js';
import { actionsUnpinned, unpinnedReason } from '../../../src/scanners/builtin/checks/actions-unpinned.js';

const FIXTURES = join(import.meta.dirname, '../../../__fixtures__/builtin/actions-unpinned');
const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';

interface Fixture {
  /** Repository-relative, as if the fixture folder were a repository root. */
  readonly path: string;
  readonly text: string;
}

function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const absolute = join(entry.parentPath, entry.name);
      return {
        path: relative(FIXTURES, absolute).split(sep).join('/'),
        text: readFileSync(absolute, 'utf8'),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** zizmor/semgrep-style annotations: a comment line directly above the line it speaks about. */
function annotated(text: string, label: 'NOT OK' | 'OK' | 'PARSE ERROR'): number[] {
  const pattern = new RegExp(`^\\s*#\\s*${label}\\s*$`);
  return text
    .split(/\r?\n/)
    .flatMap((line, index) => (pattern.test(line) ? [index + 2] : []))
    .sort((a, b) => a - b);
}

function flaggedLines(result: CheckResult): number[] {
  return result.detections.map((d) => d.location.region?.startLine ?? 0).sort((a, b) => a - b);
}

function run(path: string, text: string): CheckResult {
  return actionsUnpinned.run({ path, text });
}

const fixtures = loadFixtures();
const checked = fixtures.filter((fixture) => actionsUnpinned.appliesTo(fixture.path));
const unchecked = fixtures.filter((fixture) => !actionsUnpinned.appliesTo(fixture.path));
const named = (list: Fixture[]): [string, Fixture][] => list.map((fixture) => [fixture.path, fixture]);

describe('actions-unpinned fixtures', () => {
  it('finds the fixtures, including some the check does not apply to', () => {
    expect(checked.length).toBeGreaterThanOrEqual(6);
    expect(fixtures.length).toBeGreaterThan(checked.length);
    const expected = checked.reduce((sum, fixture) => sum + annotated(fixture.text, 'NOT OK').length, 0);
    expect(expected).toBeGreaterThanOrEqual(25);
  });

  it.each(named(unchecked))('%s is outside the check and annotated as such', (_path, fixture) => {
    expect(annotated(fixture.text, 'NOT OK')).toEqual([]);
  });

  it.each(named(checked))('%s: exactly the NOT OK lines are flagged', (_path, fixture) => {
    const result = run(fixture.path, fixture.text);
    expect(flaggedLines(result)).toEqual(annotated(fixture.text, 'NOT OK'));
    for (const line of annotated(fixture.text, 'OK')) expect(flaggedLines(result)).not.toContain(line);
  });

  it.each(named(checked))('%s: each region covers exactly the reference', (_path, fixture) => {
    const lines = fixture.text.split('\n');
    for (const detection of run(fixture.path, fixture.text).detections) {
      const region = detection.location.region;
      const line = lines[(region?.startLine ?? 0) - 1] ?? '';
      const covered = line.slice((region?.startColumn ?? 0) - 1, (region?.endColumn ?? 0) - 1);
      expect(`uses: ${covered}`).toBe(detection.evidence);
      expect(detection.message).toContain(`\`${covered}\``);
      expect(detection.ruleId).toBe('builtin/actions-unpinned');
      expect(detection.location.path).toBe(fixture.path);
    }
  });

  it.each(named(checked))('%s: CRLF line ends give the same results', (_path, fixture) => {
    const crlf = fixture.text.replace(/\n/g, '\r\n');
    expect(run(fixture.path, crlf)).toEqual(run(fixture.path, fixture.text));
  });

  it.each(named(checked))('%s: a PARSE ERROR annotation becomes a note', (_path, fixture) => {
    const result = run(fixture.path, fixture.text);
    const expected = annotated(fixture.text, 'PARSE ERROR');
    expect(result.notes.map((note) => note.path)).toEqual(expected.map(() => fixture.path));
    expected.forEach((line, index) => {
      expect(result.notes[index]?.message).toContain(fixture.path);
      expect(result.notes[index]?.message).toContain(`line ${line}`);
    });
  });
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
