import { createHash } from 'node:crypto';
import type { Finding, RuleDescriptor } from '../findings/finding.js';
import type { Suppression } from './policy.js';

export const POLICY_TOOL = 'vouch-policy';

export const EXPIRED_SUPPRESSION_RULE: RuleDescriptor = {
  id: 'vouch-policy/expired-suppression',
  name: 'expired-suppression',
  shortDescription: 'Expired suppression',
  fullDescription:
    'A suppression passed its expiry date. It no longer hides the findings it matched, and it blocks the build until it is renewed with a fresh review or removed.',
  help: [
    'Every Vouch suppression carries a reason, an owner and an expiry date so that exceptions are reviewed.',
    '',
    '- If the risk is still accepted, have the owner review it and set a new `expires` date.',
    '- If the finding was fixed, delete the suppression.',
  ].join('\n'),
  severity: 'high',
  securitySeverity: 7.0,
  precision: 'very-high',
  cwe: [],
  asvs: [],
  tags: ['policy'],
};

export function isExpired(suppression: Suppression, today: string): boolean {
  return suppression.expires < today;
}

/** An expired suppression is reported where it is written, as a finding of its own. */
export function expiredSuppressionFinding(suppression: Suppression): Finding {
  const what = [
    suppression.rule && `rule ${suppression.rule}`,
    suppression.fingerprint && `fingerprint ${suppression.fingerprint}`,
    suppression.path && `path ${suppression.path}`,
  ]
    .filter(Boolean)
    .join(', ');
  const line = suppression.source.line ?? 1;
  return {
    tool: POLICY_TOOL,
    ruleId: EXPIRED_SUPPRESSION_RULE.id,
    message: `Suppression of ${what} (owner ${suppression.owner}) expired on ${suppression.expires}; it no longer suppresses and blocks until renewed or removed.`,
    severity: EXPIRED_SUPPRESSION_RULE.severity,
    securitySeverity: EXPIRED_SUPPRESSION_RULE.securitySeverity,
    location: { path: suppression.source.file, region: { startLine: line } },
    cwe: [],
    owasp2021: [],
    owasp2025: [],
    asvs: [],
    fingerprint: createHash('sha256')
      .update(`expired\0${suppression.source.file}\0${line}\0${suppression.expires}`)
      .digest('hex')
      .slice(0, 32),
    alsoReportedBy: [],
    role: 'source',
  };
}
