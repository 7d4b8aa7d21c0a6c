import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  parseSemgrepReport,
  parseSemgrepReportValue,
  SemgrepReportError,
  semgrepRegion,
  type SemgrepResult,
} from '../../../src/scanners/semgrep/parse.js';

const recorded = (name: string): string => readFileSync(`__fixtures__/semgrep/${name}`, 'utf8');

describe('parseSemgrepReport', () => {
  it('reads rule, file, positions, level and metadata from a recorded semgrep 1.180.0 report', () => {
    const report = parseSemgrepReport(recorded('report-findings.json'));
    expect(report.errors).toEqual([]);
    expect(report.results.map((r) => [r.checkId, r.path, r.start, r.end, r.severity])).toEqual([
      ['fixture-python-eval', 'app.py', { line: 4, col: 34 }, { line: 4, col: 64 }, 'ERROR'],
      ['fixture-python-weak-hash', 'app.py', { line: 5, col: 10 }, { line: 5, col: 33 }, 'WARNING'],
      ['fixture-python-eval', 'app.py', { line: 6, col: 9 }, { line: 8, col: 23 }, 'ERROR'],
      ['fixture-javascript-inner-html', 'web/page.js', { line: 2, col: 3 }, { line: 2, col: 34 }, 'WARNING'],
    ]);
    expect(report.results[0]?.metadata).toMatchObject({
      'security-severity': '9.3',
      cwe: [expect.stringMatching(/^CWE-95: /) as unknown],
    });
  });

  it('never carries extra.lines or the interpolated extra.message (which quotes source text)', () => {
    const text = recorded('report-findings.json');
    expect(text).toContain('userComment is assigned');
    expect(text).toContain('requires login');
    const parsed = JSON.stringify(parseSemgrepReport(text));
    expect(parsed).not.toContain('userComment');
    expect(parsed).not.toContain('requires login');
  });

  it('reads a PartialParsing warning with its tuple type, path and line span', () => {
    const report = parseSemgrepReport(recorded('report-parse-error.json'));
    expect(report.results).toHaveLength(3);
    expect(report.errors).toEqual([
      {
        level: 'warn',
        type: 'PartialParsing',
        message: expect.stringContaining('Syntax error') as unknown,
        path: 'broken.py',
        startLine: 1,
        endLine: 4,
      },
    ]);
  });

  it('reads fatal configuration errors without a path', () => {
    const report = parseSemgrepReport(recorded('report-invalid-yaml.json'));
    expect(report.results).toEqual([]);
    expect(report.errors.map((e) => [e.level, e.type, e.path])).toEqual([
      ['error', 'SemgrepError', undefined],
      ['error', 'SemgrepError', undefined],
    ]);
    expect(report.errors[0]?.message).toMatch(/^Invalid YAML file .*fixture-broken\.yaml/);
  });

  it('takes long_msg when there is no message, and the rule id when there is one', () => {
    const report = parseSemgrepReportValue({
      results: [],
      errors: [{ level: 'error', type: 'UnknownLanguageError', long_msg: 'unsupported language: klingon' }],
    });
    expect(report.errors[0]).toEqual({
      level: 'error',
      type: 'UnknownLanguageError',
      message: 'unsupported language: klingon',
    });
    const timeout = parseSemgrepReportValue({
      results: [],
      errors: [{ level: 'warn', type: 'Timeout', rule_id: 'r', path: 'a.py', message: 'm' }],
    });
    expect(timeout.errors[0]).toMatchObject({ type: 'Timeout', ruleId: 'r', path: 'a.py' });
  });

  it('treats a report without errors[] as having none', () => {
    expect(parseSemgrepReport('{"results": []}')).toEqual({ results: [], errors: [] });
  });

  const result = { check_id: 'r', path: 'a.py', start: { line: 1, col: 1 }, end: { line: 1, col: 2 } };
  it.each([
    ['not JSON', '{"results": ', /not JSON/],
    ['not an object', '[]', /not a JSON object/],
    ['no results', '{"errors": []}', /results is missing/],
    ['errors not an array', '{"results": [], "errors": {}}', /errors is not an array/],
    ['a result that is not an object', '{"results": [1]}', /results\[0\] is not an object/],
    ['a missing check_id', JSON.stringify({ results: [{ ...result, check_id: '' }] }), /check_id/],
    ['a missing path', JSON.stringify({ results: [{ ...result, path: 7 }] }), /results\[0\]\.path/],
    ['a zero line', JSON.stringify({ results: [{ ...result, start: { line: 0, col: 1 } }] }), /start\.line/],
    ['a missing end', JSON.stringify({ results: [{ ...result, end: null }] }), /results\[0\]\.end/],
    ['an error that is not an object', '{"results": [], "errors": ["x"]}', /errors\[0\]/],
  ])('rejects %s with a message naming the problem', (_label, text, message) => {
    expect(() => parseSemgrepReport(text)).toThrow(SemgrepReportError);
    expect(() => parseSemgrepReport(text)).toThrow(message);
  });
});

describe('semgrepRegion', () => {
  const at = (start: [number, number], end: [number, number]): SemgrepResult => ({
    checkId: 'r',
    path: 'a.py',
    start: { line: start[0], col: start[1] },
    end: { line: end[0], col: end[1] },
    metadata: {},
  });

  it('turns byte columns into UTF-16 columns, keeping the end exclusive', () => {
    const source = readFileSync('__fixtures__/semgrep/repo/app.py');
    // Recorded: bytes 34..64 on `label = "café 日本"; result = eval(…)`; é is 2 bytes, 日 and 本 3 each.
    expect(semgrepRegion(at([4, 34], [4, 64]), source)).toEqual({
      startLine: 4,
      startColumn: 29,
      endLine: 4,
      endColumn: 59,
    });
  });

  it('counts characters outside the BMP as two UTF-16 units', () => {
    const source = Buffer.from('x = "😀"; eval(y)\n');
    expect(semgrepRegion(at([1, 13], [1, 20]), source)).toEqual({
      startLine: 1,
      startColumn: 11,
      endLine: 1,
      endColumn: 18,
    });
  });

  it('spans lines and leaves ASCII columns as they are', () => {
    const source = readFileSync('__fixtures__/semgrep/repo/app.py');
    expect(semgrepRegion(at([6, 9], [8, 23]), source)).toEqual({
      startLine: 6,
      startColumn: 9,
      endLine: 8,
      endColumn: 23,
    });
  });

  it('drops columns it cannot place instead of guessing', () => {
    expect(semgrepRegion(at([2, 3], [2, 9]), undefined)).toEqual({ startLine: 2, endLine: 2 });
    expect(semgrepRegion(at([9, 1], [9, 2]), Buffer.from('one line\n'))).toEqual({
      startLine: 9,
      endLine: 9,
    });
    expect(semgrepRegion(at([1, 1], [1, 99]), Buffer.from('short\nnext\n'))).toEqual({
      startLine: 1,
      startColumn: 1,
      endLine: 1,
    });
  });
});
