import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { GitleaksReportError, parseGitleaksReport } from '../../../src/scanners/gitleaks/parse.js';

const recorded = readFileSync('__fixtures__/gitleaks/report-two-leaks.json', 'utf8');

describe('parseGitleaksReport', () => {
  it('reads rule, file and positions from a recorded gitleaks 8.30.1 report', () => {
    const leaks = parseGitleaksReport(recorded);
    expect(leaks).toEqual([
      {
        ruleId: 'generic-api-key',
        description: expect.stringContaining('Generic API Key') as unknown,
        file: 'config.py',
        startLine: 1,
        endLine: 1,
        startColumn: 1,
        endColumn: 44,
      },
      {
        ruleId: 'github-pat',
        description: expect.stringContaining('GitHub Personal Access Token') as unknown,
        file: 'src/app.js',
        startLine: 2,
        endLine: 2,
        startColumn: 19,
        endColumn: 58,
      },
    ]);
  });

  it('never carries Match, Secret or Line into what it returns', () => {
    const planted = JSON.stringify([
      {
        RuleID: 'r',
        File: 'a',
        StartLine: 1,
        EndLine: 1,
        StartColumn: 1,
        EndColumn: 2,
        Secret: 'hunter2-secret',
        Match: 'hunter2-secret',
        Line: 'x = hunter2-secret',
      },
    ]);
    expect(JSON.stringify(parseGitleaksReport(planted))).not.toContain('hunter2');
  });

  it('keeps the commit of a `gitleaks git` report, never its author or email', () => {
    const leak = {
      RuleID: 'github-pat',
      File: 'config.py',
      StartLine: 1,
      EndLine: 1,
      StartColumn: 10,
      EndColumn: 49,
      Commit: '208e53d0594c97f5124133afca241484bc7a79c0',
      Author: 'Ann Dev',
      Email: 'ann@example.com',
      Message: 'add token',
    };
    const [parsed] = parseGitleaksReport(JSON.stringify([leak]));
    expect(parsed?.commit).toBe('208e53d0594c97f5124133afca241484bc7a79c0');
    expect(JSON.stringify(parsed)).not.toMatch(/Ann|example\.com|add token/);
    expect(parseGitleaksReport(JSON.stringify([{ ...leak, Commit: '' }]))[0]?.commit).toBeUndefined();
    expect(() => parseGitleaksReport(JSON.stringify([{ ...leak, Commit: 'HEAD; rm' }]))).toThrow(
      /report\[0\]\.Commit is not a commit sha/,
    );
  });

  it('accepts an empty array and null as no leaks', () => {
    expect(parseGitleaksReport('[]')).toEqual([]);
    expect(parseGitleaksReport('null')).toEqual([]);
  });

  it.each([
    ['not JSON', '{"RuleID": ', /not JSON/],
    ['not an array', '{"RuleID": "x"}', /not a JSON array/],
    ['an item that is not an object', '[42]', /report\[0\] is not an object/],
    [
      'a missing File',
      '[{"RuleID":"r","StartLine":1,"EndLine":1,"StartColumn":1,"EndColumn":1}]',
      /report\[0\]\.File/,
    ],
    [
      'a negative line',
      '[{"RuleID":"r","File":"a","StartLine":-1,"EndLine":1,"StartColumn":1,"EndColumn":1}]',
      /report\[0\]\.StartLine/,
    ],
  ])('rejects %s with a message naming the problem', (_label, text, message) => {
    expect(() => parseGitleaksReport(text)).toThrow(GitleaksReportError);
    expect(() => parseGitleaksReport(text)).toThrow(message);
  });
});
