import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem } from '../../../src/core/node-file-system.js';
import {
  cweIds,
  loadSemgrepRuleset,
  ruleIdFromCheckId,
  ruleSources,
  semgrepRuleDescriptor,
} from '../../../src/scanners/semgrep/rules.js';

const fs = new NodeFileSystem();

describe('loadSemgrepRuleset', () => {
  it('describes every fixture rule from its metadata', async () => {
    const ruleset = await loadSemgrepRuleset(fs, '__fixtures__/semgrep/rules');
    expect([...ruleset.rules.keys()].sort()).toEqual([
      'fixture-javascript-inner-html',
      'fixture-python-eval',
      'fixture-python-weak-hash',
    ]);
    expect([...ruleset.languages].sort()).toEqual(['javascript', 'python', 'typescript']);
    expect(ruleset.unreadable).toEqual([]);
    expect(ruleset.rules.get('fixture-python-eval')).toEqual({
      id: 'semgrep/fixture-python-eval',
      name: 'fixture-python-eval',
      shortDescription: 'eval() of a non-constant value',
      fullDescription: expect.stringMatching(/^A value reaches eval\(\)\. .* instead\.$/) as unknown,
      help: expect.stringContaining(
        '\n\n**References**\n\n- https://cwe.mitre.org/data/definitions/95.html\n',
      ) as unknown,
      helpUri: 'https://cwe.mitre.org/data/definitions/95.html',
      severity: 'critical',
      securitySeverity: 9.3,
      precision: 'high',
      cwe: ['CWE-95'],
      asvs: ['v5.0.0-1.3.2'],
      tags: ['security', 'python'],
    });
  });

  it("falls back to Semgrep's level without a security-severity, and reads confidence as precision", async () => {
    const { rules } = await loadSemgrepRuleset(fs, '__fixtures__/semgrep/rules');
    expect(rules.get('fixture-python-weak-hash')).toMatchObject({
      severity: 'medium',
      securitySeverity: 5.5,
      precision: 'low',
      cwe: ['CWE-328'],
    });
    expect(rules.get('fixture-javascript-inner-html')).toMatchObject({
      severity: 'medium',
      securitySeverity: 6,
      precision: 'medium',
      tags: ['security', 'javascript', 'typescript'],
    });
  });

  it('lists a rule file it cannot read instead of failing, leaving the verdict to Semgrep', async () => {
    const ruleset = await loadSemgrepRuleset(fs, '__fixtures__/semgrep/rules-invalid-yaml');
    expect(ruleset.rules.size).toBe(0);
    expect(ruleset.unreadable).toEqual([
      join('__fixtures__/semgrep/rules-invalid-yaml/python/fixture-broken.yaml'),
    ]);
  });

  it('reads only YAML files and skips hidden entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-semgrep-rules-'));
    writeFileSync(join(dir, 'a.yml'), 'rules:\n  - id: a\n    languages: [go]\n');
    writeFileSync(join(dir, 'a.go'), 'package a\n');
    writeFileSync(join(dir, '.hidden.yaml'), 'rules:\n  - id: hidden\n    languages: [go]\n');
    const ruleset = await loadSemgrepRuleset(fs, dir);
    expect([...ruleset.rules.keys()]).toEqual(['a']);
  });

  it("describes Vouch's own ruleset: every file readable, every rule scored and mapped to a CWE", async () => {
    const ruleset = await loadSemgrepRuleset(fs, 'data/rules/semgrep');
    expect(ruleset.unreadable).toEqual([]);
    expect(ruleset.rules.size).toBeGreaterThan(0);
    for (const rule of ruleset.rules.values()) {
      expect(rule.id).toMatch(/^semgrep\/[a-z0-9-]+$/);
      expect(rule.cwe.length).toBeGreaterThan(0);
      expect(rule.securitySeverity).toBeGreaterThan(0);
      expect(rule.securitySeverity).toBeLessThanOrEqual(10);
    }
  });

  it('reads tiered rules: each superseded rule exists, shares a CWE and is less severe', async () => {
    const ruleset = await loadSemgrepRuleset(fs, 'data/rules/semgrep');
    expect(ruleset.supersedes.get('python-sqli-dbapi-string-format')).toEqual([
      'python-sqli-dbapi-dynamic-sql',
    ]);
    for (const [narrow, broader] of ruleset.supersedes) {
      const strict = ruleset.rules.get(narrow);
      for (const id of broader) {
        const loose = ruleset.rules.get(id);
        expect(loose).toBeDefined();
        expect(loose?.cwe.some((cwe) => strict?.cwe.includes(cwe))).toBe(true);
        expect(loose?.securitySeverity).toBeLessThan(strict?.securitySeverity ?? 0);
      }
    }
  });
});

describe('semgrepRuleDescriptor', () => {
  const base = { id: 'r', languages: ['python'], metadata: {} };

  it.each([
    [{ 'security-severity': 9 }, 'ERROR', 'critical', 9],
    [{ 'security-severity': '7.5' }, 'INFO', 'high', 7.5],
    [{ 'security-severity': 'high' }, 'ERROR', 'high', 8],
    [{ 'security-severity': 11 }, 'WARNING', 'medium', 5.5],
    [{}, 'INFO', 'low', 3],
    [{}, undefined, 'high', 8],
  ])('scores %j with level %s as %s', (metadata, level, severity, score) => {
    const rule = semgrepRuleDescriptor({ ...base, metadata, ...(level ? { severity: level } : {}) });
    expect(rule.severity).toBe(severity);
    expect(rule.securitySeverity).toBe(score);
  });

  it('never leaves the descriptions empty', () => {
    const bare = semgrepRuleDescriptor(base);
    expect([bare.shortDescription, bare.fullDescription, bare.help]).toEqual(['r', 'r', 'r']);
    const untitled = semgrepRuleDescriptor({ ...base, message: 'First sentence. Second one.' });
    expect(untitled.shortDescription).toBe('First sentence.');
    expect(untitled.precision).toBe('medium');
  });
});

describe('cweIds', () => {
  it('normalises CWE titles to ids', () => {
    expect(
      cweIds(["CWE-89: Improper Neutralization ... ('SQL Injection')", 'cwe-089', 'CWE-79', 'OWASP']),
    ).toEqual(['CWE-89', 'CWE-79']);
    expect(cweIds('CWE-798: Use of Hard-coded Credentials')).toEqual(['CWE-798']);
    expect(cweIds(undefined)).toEqual([]);
  });
});

describe('ruleSources', () => {
  it('rejects documents that are not a rules list', () => {
    expect(ruleSources('rules: [')).toBeUndefined();
    expect(ruleSources('foo: 1')).toBeUndefined();
    expect(ruleSources('rules:\n  - languages: [go]\n')).toBeUndefined();
  });
});

describe('ruleIdFromCheckId', () => {
  const known = new Map([
    ['py-eval', 1],
    ['eval', 2],
  ]);

  it('strips the dotted rules-directory prefix Semgrep adds without --no-rewrite-rule-ids', () => {
    // Seen with 1.180.0: `--config ../rules` gives `rules.python.py-eval`, an absolute path its dotted form.
    expect(ruleIdFromCheckId('py-eval', known)).toBe('py-eval');
    expect(ruleIdFromCheckId('rules.python.py-eval', known)).toBe('py-eval');
    expect(ruleIdFromCheckId('tmp.sgplay.rules.python.py-eval', known)).toBe('py-eval');
    expect(ruleIdFromCheckId('data.rules.semgrep.go.unknown-rule', known)).toBe('unknown-rule');
  });
});
