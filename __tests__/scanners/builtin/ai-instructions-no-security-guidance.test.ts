import { describe, expect, it } from '@jest/globals';
import { ruleFromMeta } from '../../../src/scanners/builtin/check.js';
import { infoRuleFromMeta } from '../../../src/scanners/builtin/check-data.js';
import { aiInstructionsNoSecurityGuidance } from '../../../src/scanners/builtin/checks/ai-instructions-no-security-guidance.js';
import { describeFixtures } from './fixture-runner.js';

const run = (text: string, path = 'CLAUDE.md') => aiInstructionsNoSecurityGuidance.run({ path, text });

describeFixtures(aiInstructionsNoSecurityGuidance, {
  minChecked: 6,
  minFlagged: 3,
  region: (_covered, detection) => {
    expect(detection.location.region).toEqual({ startLine: 1 });
    expect(detection.message).toContain(
      'https://best.openssf.org/Security-Focused-Guide-for-AI-Code-Assistant-Instructions',
    );
  },
});

describe('ai-instructions-no-security-guidance', () => {
  it('is an info rule without a security-severity', () => {
    expect(aiInstructionsNoSecurityGuidance.rule).toMatchObject({
      id: 'builtin/ai-instructions-no-security-guidance',
      severity: 'info',
      securitySeverity: 0,
      helpUri: 'https://best.openssf.org/Security-Focused-Guide-for-AI-Code-Assistant-Instructions',
    });
  });

  it('reports an empty file once, at line 1', () => {
    expect(run('').detections.map((d) => d.location.region)).toEqual([{ startLine: 1 }]);
  });

  it.each([
    'Avoid insecure defaults.',
    'No SQL INJECTION.',
    'see CWE-79',
    'keep Secrets out',
    'sanitise HTML',
  ])('accepts %p as security guidance', (text) => {
    expect(run(text).detections).toEqual([]);
  });

  it.each([
    ['CLAUDE.md', true],
    ['.claude/CLAUDE.md', true],
    ['AGENTS.md', true],
    ['GEMINI.md', true],
    ['.cursorrules', true],
    ['.windsurfrules', true],
    ['.clinerules', true],
    ['.github/copilot-instructions.md', true],
    ['.junie/guidelines.md', true],
    ['packages/web/AGENTS.md', false],
    ['.clinerules/style.md', false],
    ['.cursor/rules/a.mdc', false],
    ['.github/instructions/ts.instructions.md', false],
    ['README.md', false],
  ])('applies to %s: %s', (path, expected) => {
    expect(aiInstructionsNoSecurityGuidance.appliesTo(path)).toBe(expected);
  });
});

describe('infoRuleFromMeta', () => {
  const info = {
    id: 'x-advice',
    title: 'T',
    description: 'D',
    help: 'H',
    cwe: [],
    severity: 'info',
    precision: 'medium',
    tags: ['best-practice'],
    asvs: [],
  };

  it('builds an info rule that ruleFromMeta cannot', () => {
    expect(() => ruleFromMeta(info)).toThrow(/security-severity/);
    expect(infoRuleFromMeta(info)).toMatchObject({
      id: 'builtin/x-advice',
      severity: 'info',
      securitySeverity: 0,
    });
  });

  it.each([
    [{ ...info, severity: 'low' }, /"info"/],
    [{ ...info, 'security-severity': 0.1 }, /without a "security-severity"/],
    [{ ...info, help: '' }, /"help"/],
    [{ ...info, id: 'Bad Id' }, /kebab-case/],
    ['nope', /JSON object/],
  ])('rejects broken metadata (%#)', (meta, message) => {
    expect(() => infoRuleFromMeta(meta)).toThrow(message);
  });
});
