import { describe, expect, it } from '@jest/globals';
import { cweFromTag, ruleCwes } from '../../../src/scanners/sarif-import/cwe.js';
import type {
  ImportedComponent,
  ImportedDescriptor,
  ImportedResult,
  ImportedRun,
} from '../../../src/scanners/sarif-import/model.js';
import {
  cleanRuleId,
  describeRule,
  findRule,
  gradeResult,
  LEVEL_SEVERITY,
  securityScore,
  toolSegment,
} from '../../../src/scanners/sarif-import/rules.js';

function rule(id: string, extra: Partial<ImportedDescriptor> = {}): ImportedDescriptor {
  return { id, messageStrings: new Map(), relationships: [], properties: {}, ...extra };
}

function component(name: string, rules: ImportedDescriptor[], guid?: string): ImportedComponent {
  return { name, rules, taxa: [], globalMessageStrings: new Map(), ...(guid ? { guid } : {}) };
}

function result(extra: Partial<ImportedResult> = {}): ImportedResult {
  return { message: { arguments: [] }, locations: [], suppressions: [], taxa: [], properties: {}, ...extra };
}

function run(driver: ImportedComponent, extensions: ImportedComponent[] = []): ImportedRun {
  return {
    driver,
    extensions,
    taxonomies: [],
    originalUriBaseIds: new Map(),
    artifacts: [],
    executionFailed: false,
  };
}

describe('toolSegment', () => {
  it.each([
    ['CodeQL', 'codeql'],
    ['Bandit', 'bandit'],
    ['ESLint SARIF', 'eslint-sarif'],
    ['Semgrep OSS', 'semgrep-oss'],
    ['../../evil/tool', 'evil-tool'],
    ['SonarQube®', 'sonarqube'],
    ['', 'unknown-tool'],
    ['日本', 'unknown-tool'],
  ])('%j → %j', (name, segment) => {
    expect(toolSegment(name)).toBe(segment);
  });
});

describe('cleanRuleId', () => {
  it('keeps the tool’s id, minus control characters, and bounds its length', () => {
    expect(cleanRuleId('js/sql-injection')).toBe('js/sql-injection');
    expect(cleanRuleId('B602\u0000\n')).toBe('B602');
    expect(cleanRuleId('x'.repeat(500))).toHaveLength(200);
    expect(cleanRuleId('\u0007')).toBe('unidentified');
  });
});

describe('severity', () => {
  it('maps levels as documented: error high, warning medium, note low, none info', () => {
    expect(LEVEL_SEVERITY).toEqual({ error: 'high', warning: 'medium', note: 'low', none: 'info' });
  });

  it.each([
    ['the result level', result({ level: 'error' }), rule('r', { defaultLevel: 'note' }), 'high', 8],
    ['the rule default level', result(), rule('r', { defaultLevel: 'note' }), 'low', 3],
    ['the SARIF default level (warning)', result(), undefined, 'medium', 5.5],
    ['level none', result({ level: 'none' }), undefined, 'info', 0],
    ['a kind other than fail', result({ kind: 'review', level: 'error' }), undefined, 'info', 0],
    [
      'the rule score',
      result({ level: 'note' }),
      rule('r', { properties: { 'security-severity': '9.3' } }),
      'critical',
      9.3,
    ],
    [
      'the result score over the rule score',
      result({ properties: { 'security-severity': '2.0' } }),
      rule('r', { properties: { 'security-severity': '9.3' } }),
      'low',
      2,
    ],
  ])('comes from %s', (_what, given, givenRule, severity, score) => {
    expect(gradeResult(given, givenRule)).toEqual({ severity, securitySeverity: score });
  });

  it.each([
    ['8.8', 8.8],
    [' 10 ', 10],
    [7, 7],
    ['0', undefined],
    ['10.1', undefined],
    ['high', undefined],
    ['7.5.1', undefined],
    ['-3', undefined],
    [null, undefined],
  ])('reads security-severity %j as %j', (value, score) => {
    expect(securityScore({ 'security-severity': value })).toBe(score);
  });
});

describe('findRule', () => {
  const b1 = rule('B1');
  const b2 = rule('B2');
  const e1 = rule('js/x');
  const r = run(component('Tool', [b1, b2]), [component('pack', [e1], 'guid-1')]);

  it.each([
    ['ruleIndex', result({ ruleIndex: 1 }), b2],
    ['ruleId', result({ ruleId: 'B2' }), b2],
    ['rule.index in an extension', result({ rule: { index: 0, toolComponent: { index: 0 } } }), e1],
    ['rule.toolComponent by name', result({ ruleId: 'js/x', rule: { toolComponent: { name: 'pack' } } }), e1],
    ['rule.toolComponent by guid', result({ rule: { index: 0, toolComponent: { guid: 'guid-1' } } }), e1],
    ['ruleId found in an extension', result({ ruleId: 'js/x' }), e1],
    ['ruleId when ruleIndex points elsewhere', result({ ruleId: 'B1', ruleIndex: 1 }), b1],
    ['ruleId when ruleIndex is -1 (unknown)', result({ ruleId: 'B1', ruleIndex: -1 }), b1],
  ])('by %s', (_what, given, expected) => {
    expect(findRule(r, given)).toBe(expected);
  });

  it('finds nothing for an undeclared rule', () => {
    expect(findRule(r, result({ ruleId: 'nope' }))).toBeUndefined();
    expect(findRule(r, result({ ruleIndex: 9 }))).toBeUndefined();
  });
});

describe('CWE ids', () => {
  it.each([
    ['external/cwe/cwe-079', 'CWE-79'],
    ['CWE-79', 'CWE-79'],
    ['cwe-79', 'CWE-79'],
    ['CWE-78: Improper Neutralization of Special Elements used in an OS Command', 'CWE-78'],
    ['security', undefined],
    ['cwe', undefined],
    ['external/cwe/cwe-xyz', undefined],
  ])('%j → %j', (tag, cwe) => {
    expect(cweFromTag(tag)).toBe(cwe);
  });

  it('reads tags and a cwe property, without duplicates', () => {
    const tagged = rule('r', {
      properties: { tags: ['CWE-89', 'security', 42], cwe: ['CWE-89', 'CWE-564'] },
    });
    expect(ruleCwes(run(component('T', [])), tagged)).toEqual(['CWE-89', 'CWE-564']);
  });
});

describe('describeRule', () => {
  const driver = component('Bandit', []);
  const graded = { severity: 'medium' as const, securitySeverity: 5.5 };

  it('builds a complete rule for a tool that declared nothing', () => {
    const described = describeRule({
      ruleId: 'bandit/B1',
      originalId: 'B1',
      rule: undefined,
      driver,
      tool: 'bandit',
      cwe: [],
      graded,
    });
    expect(described).toMatchObject({
      id: 'bandit/B1',
      name: 'B1',
      shortDescription: 'Bandit B1',
      fullDescription: 'Bandit B1',
      severity: 'medium',
      securitySeverity: 5.5,
      precision: 'medium',
      tags: ['tool/bandit'],
    });
    expect(described.help).toContain('imported by Vouch');
  });

  it('drops CWE tags (rendered from cwe) and help links that are not http(s)', () => {
    const declared = rule('B1', {
      helpUri: 'javascript:alert(1)',
      properties: { tags: ['security', 'external/cwe/cwe-78', ' ', 'x'.repeat(65)], precision: 'very-high' },
    });
    const described = describeRule({
      ruleId: 'bandit/B1',
      originalId: 'B1',
      rule: declared,
      driver,
      tool: 'bandit',
      cwe: ['CWE-78'],
      graded,
    });
    expect(described.tags).toEqual(['tool/bandit', 'security']);
    expect(described.helpUri).toBeUndefined();
    expect(described.precision).toBe('very-high');
  });
});
