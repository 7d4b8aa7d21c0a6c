import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Detection } from '../../../src/findings/finding.js';
import type { Check, CheckResult } from '../../../src/scanners/builtin/check.js';

/** __fixtures__/builtin/<check-id>/, read as if it were a repository root. */
export const fixtureDir = (checkId: string): string =>
  join(import.meta.dirname, '../../../__fixtures__/builtin', checkId);

export interface Fixture {
  /** Repository-relative, as if the fixture folder were a repository root. */
  readonly path: string;
  readonly text: string;
}

export function loadFixtures(dir: string): Fixture[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const absolute = join(entry.parentPath, entry.name);
      return {
        path: relative(dir, absolute).split(sep).join('/'),
        text: readFileSync(absolute, 'utf8'),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

export type Label = 'NOT OK' | 'OK' | 'PARSE ERROR';

/**
 * zizmor/semgrep-style annotations: a comment line (`#`, `//` or `<!-- … -->`) directly above the line it
 * speaks about. `NOT OK (line N)` speaks about line N instead (for findings on a file's first line), and a
 * trailing `xK` expects K findings on that line.
 */
export function annotated(text: string, label: Label): number[] {
  const pattern =
    /^\s*(?:#|\/\/|<!--)\s*(NOT OK|OK|PARSE ERROR)(?:\s+\(line (\d+)\))?(?:\s+x(\d+))?\s*(?:-->)?\s*$/;
  return text
    .split(/\r?\n/)
    .flatMap((line, index) => {
      const match = pattern.exec(line);
      if (match?.[1] !== label) return [];
      const target = match[2] === undefined ? index + 2 : Number(match[2]);
      return Array.from({ length: Number(match[3] ?? 1) }, () => target);
    })
    .sort((a, b) => a - b);
}

export function flaggedLines(result: CheckResult): number[] {
  return result.detections.map((d) => d.location.region?.startLine ?? 0).sort((a, b) => a - b);
}

/** The text a region covers; columns are 1-based UTF-16 code units, the end exclusive. */
export function coveredText(text: string, detection: Detection): string {
  const region = detection.location.region;
  if (region?.startColumn === undefined || region.endColumn === undefined) return '';
  const lines = text.split(/\r?\n/);
  const endLine = region.endLine ?? region.startLine;
  if (endLine === region.startLine) {
    return (lines[region.startLine - 1] ?? '').slice(region.startColumn - 1, region.endColumn - 1);
  }
  const first = (lines[region.startLine - 1] ?? '').slice(region.startColumn - 1);
  const middle = lines.slice(region.startLine, endLine - 1);
  const last = (lines[endLine - 1] ?? '').slice(0, region.endColumn - 1);
  return [first, ...middle, last].join('\n');
}

export interface FixtureExpectations {
  /** At least this many fixtures the check applies to, and this many NOT OK annotations in them. */
  readonly minChecked: number;
  readonly minFlagged: number;
  /** Check-specific assertions on what each finding's region covers. */
  readonly region?: (covered: string, detection: Detection, fixture: Fixture) => void;
}

/** The generic fixture suite every builtin check runs through. */
export function describeFixtures(check: Check, expectations: FixtureExpectations): void {
  const fixtures = loadFixtures(fixtureDir(check.id));
  const checked = fixtures.filter((fixture) => check.appliesTo(fixture.path));
  const unchecked = fixtures.filter((fixture) => !check.appliesTo(fixture.path));
  const named = (list: Fixture[]): [string, Fixture][] => list.map((fixture) => [fixture.path, fixture]);
  const run = (fixture: Fixture, text = fixture.text) => check.run({ path: fixture.path, text });

  describe(`${check.id} fixtures`, () => {
    it('finds enough annotated fixtures', () => {
      expect(checked.length).toBeGreaterThanOrEqual(expectations.minChecked);
      const expected = checked.reduce((sum, fixture) => sum + annotated(fixture.text, 'NOT OK').length, 0);
      expect(expected).toBeGreaterThanOrEqual(expectations.minFlagged);
    });

    if (unchecked.length > 0) {
      it.each(named(unchecked))('%s is outside the check and annotated as such', (_path, fixture) => {
        expect(annotated(fixture.text, 'NOT OK')).toEqual([]);
      });
    }

    it.each(named(checked))('%s: exactly the NOT OK lines are flagged', (_path, fixture) => {
      const result = run(fixture);
      expect(flaggedLines(result)).toEqual(annotated(fixture.text, 'NOT OK'));
      for (const line of annotated(fixture.text, 'OK')) expect(flaggedLines(result)).not.toContain(line);
    });

    it.each(named(checked))('%s: findings carry the rule, the path and a region', (_path, fixture) => {
      const lineCount = fixture.text.split('\n').length;
      for (const detection of run(fixture).detections) {
        expect(detection.ruleId).toBe(check.rule.id);
        expect(detection.location.path).toBe(fixture.path);
        const region = detection.location.region;
        expect(region?.startLine).toBeGreaterThanOrEqual(1);
        expect(region?.endLine ?? region?.startLine).toBeLessThanOrEqual(lineCount);
        expectations.region?.(coveredText(fixture.text, detection), detection, fixture);
      }
    });

    it.each(named(checked))('%s: CRLF line ends give the same results', (_path, fixture) => {
      expect(run(fixture, fixture.text.replace(/\r?\n/g, '\r\n'))).toEqual(run(fixture));
    });

    it.each(named(checked))('%s: a PARSE ERROR annotation becomes a note', (_path, fixture) => {
      const result = run(fixture);
      const expected = annotated(fixture.text, 'PARSE ERROR');
      expect(result.notes.map((note) => note.path)).toEqual(expected.map(() => fixture.path));
      expected.forEach((line, index) => {
        expect(result.notes[index]?.message).toContain(fixture.path);
        expect(result.notes[index]?.message).toContain(`line ${line}`);
      });
    });
  });
}
