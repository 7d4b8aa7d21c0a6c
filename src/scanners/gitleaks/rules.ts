import table from '../../../data/scanners/gitleaks.json' with { type: 'json' };
import type { RuleDescriptor } from '../../findings/finding.js';
import type { Severity } from '../../findings/severity.js';
import type { Leak } from './parse.js';

/** Gitleaks' JSON has no rule metadata beyond a description, so Vouch builds the rule from its own table. */
export function gitleaksRule(leak: Leak): RuleDescriptor {
  const critical = table.critical.rules.includes(leak.ruleId);
  const severity: Severity = critical ? 'critical' : 'high';
  const what = (leak.description || leak.ruleId).replace(/\.$/, '');
  return {
    id: `gitleaks/${leak.ruleId}`,
    name: leak.ruleId,
    shortDescription: `Hardcoded secret (${leak.ruleId})`,
    fullDescription: `Gitleaks rule ${leak.ruleId} matched a value that looks like a real credential (${what}). Anyone who can read the repository, its history or its forks can use it.`,
    help: [
      `**${what}** committed to the repository.`,
      '',
      '1. Revoke or rotate the credential now: removing it from the file does not remove it from git history.',
      '2. Load it at run time from a secret store or the CI secret context instead (for example `process.env.API_KEY` / `os.environ["API_KEY"]` with no literal fallback).',
      '3. If this is a false positive, add a Vouch suppression with a reason, an owner and an expiry date.',
    ].join('\n'),
    helpUri: 'https://cwe.mitre.org/data/definitions/798.html',
    severity,
    securitySeverity: critical ? table.critical.securitySeverity : table.default.securitySeverity,
    precision: 'high',
    cwe: table.cwe,
    asvs: table.asvs,
    tags: ['secret'],
  };
}
