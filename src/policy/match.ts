import { minimatch } from 'minimatch';
import type { Finding } from '../findings/finding.js';
import { severityRank } from '../findings/severity.js';
import type { FindingSelectors, Suppression } from './policy.js';

function glob(value: string, pattern: string): boolean {
  return value === pattern || minimatch(value, pattern, { dot: true, nocomment: true, nonegate: true });
}

function asvsCovers(ids: readonly string[], prefix: string): boolean {
  return ids.some((id) => id === prefix || id.startsWith(`${prefix}.`));
}

/** Every selector given must hold. */
export function selectorsMatch(threshold: FindingSelectors, finding: Finding): boolean {
  if (threshold.severity && finding.severity !== threshold.severity) return false;
  if (threshold.minSeverity && severityRank(finding.severity) > severityRank(threshold.minSeverity))
    return false;
  if (threshold.owasp && ![...finding.owasp2021, ...finding.owasp2025].includes(threshold.owasp))
    return false;
  if (threshold.asvs && !asvsCovers(finding.asvs, threshold.asvs)) return false;
  if (
    threshold.scanner &&
    finding.tool !== threshold.scanner &&
    !finding.alsoReportedBy.includes(threshold.scanner)
  )
    return false;
  if (threshold.rule && !glob(finding.ruleId, threshold.rule)) return false;
  if (threshold.roles && !threshold.roles.includes(finding.role)) return false;
  if (threshold.path && !glob(finding.location.path, threshold.path)) return false;
  if (threshold.secret && finding.secret !== threshold.secret) return false;
  return true;
}

/** Every field the suppression gives must hold (the schema guarantees at least one). */
export function suppressionMatches(suppression: Suppression, finding: Finding): boolean {
  if (suppression.fingerprint && suppression.fingerprint !== finding.fingerprint) return false;
  if (suppression.rule && !glob(finding.ruleId, suppression.rule)) return false;
  if (suppression.path && !glob(finding.location.path, suppression.path)) return false;
  return true;
}

export function describeSelectors(threshold: FindingSelectors): string {
  const parts = [
    threshold.severity && `severity ${threshold.severity}`,
    threshold.minSeverity && `severity ≥ ${threshold.minSeverity}`,
    threshold.owasp && `OWASP ${threshold.owasp}`,
    threshold.asvs && `ASVS ${threshold.asvs}`,
    threshold.scanner && `scanner ${threshold.scanner}`,
    threshold.rule && `rule ${threshold.rule}`,
    threshold.roles && `role ${threshold.roles.join('|')}`,
    threshold.path && `path ${threshold.path}`,
    threshold.secret && `${threshold.secret} secret`,
  ].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length > 0 ? parts.join(', ') : 'any finding';
}
