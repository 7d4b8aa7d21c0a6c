import meta from '../../../../data/checks/ai-instructions-no-security-guidance.json' with { type: 'json' };
import type { RuleDescriptor } from '../../../findings/finding.js';
import { SKIP, type CheckFile, type CheckResult } from '../check.js';
import { dataPatterns, dataStrings, defineInfoCheck } from '../check-data.js';

const PRIMARY = dataPatterns(meta, 'primary-instruction-files');
const escaped = (term: string): string => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Word beginnings: `secur` matches "secure" and "security". */
const SECURITY_TERMS = new RegExp(
  `\\b(?:${dataStrings(meta, 'security-terms').map(escaped).join('|')})`,
  'i',
);

function run(file: CheckFile, rule: RuleDescriptor): CheckResult {
  if (SECURITY_TERMS.test(file.text)) return SKIP;
  return {
    detections: [
      {
        ruleId: rule.id,
        message:
          `\`${file.path}\` tells the AI assistant nothing about security (no mention of secrets, input ` +
          'validation, injection, authentication, cryptography, dependencies, OWASP or CWE). Add a short ' +
          'security section; the OpenSSF "Security-Focused Guide for AI Code Assistant Instructions" ' +
          '(https://best.openssf.org/Security-Focused-Guide-for-AI-Code-Assistant-Instructions) shows what to write.',
        location: { path: file.path, region: { startLine: 1 } },
      },
    ],
    notes: [],
  };
}

export const aiInstructionsNoSecurityGuidance = defineInfoCheck({
  meta,
  appliesTo: (path) => PRIMARY.some((pattern) => pattern.test(path)),
  run,
});
