import type { RuleDescriptor } from '../../findings/finding.js';
import type { OsvAdvisory, OsvPackage, VulnerablePackage } from './parse.js';
import { isMaliciousId, type AdvisoryScore } from './severity.js';

/**
 * CWE-1395 (Dependency on Vulnerable Third-Party Component) is in OWASP 2025 A03 but in no 2021 list;
 * CWE-1035 (the "Using Components with Known Vulnerabilities" category) is in both 2021 A06 and 2025 A03.
 * Every finding carries both, so a policy on "vulnerable components" counts all of them, whatever flaw
 * the advisory's own CWEs describe.
 */
const VULNERABLE_COMPONENT_CWES = ['CWE-1395', 'CWE-1035'];
/** Embedded Malicious Code (OWASP 2025 A08), besides the component CWEs. */
const MALICIOUS_CWE = 'CWE-506';
/** ASVS 5.0.0 15.2.1: only components within their documented update and remediation time frames. */
const ASVS = ['v5.0.0-15.2.1'];
const MAX_DESCRIPTION = 1024;
const MAX_REFERENCES = 10;

/**
 * The id a group is known by: a MAL- id first (it says "malicious"), then a GitHub advisory id (what
 * Dependabot alerts on the same repository show), then osv-scanner's first.
 */
export function primaryId(ids: readonly string[]): string {
  return ids.find(isMaliciousId) ?? ids.find((id) => id.startsWith('GHSA-')) ?? ids[0] ?? 'unknown';
}

export function isMalicious(found: VulnerablePackage): boolean {
  return found.aliases.some(isMaliciousId);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The primary advisory's text first, then any other member's. */
function firstText(found: VulnerablePackage, field: 'summary' | 'details'): string {
  const primary = primaryId(found.ids);
  const ordered = [...found.advisories].sort((a, b) => Number(b.id === primary) - Number(a.id === primary));
  return ordered.map((advisory) => advisory[field]).find((value) => value !== '') ?? '';
}

export function summary(found: VulnerablePackage): string {
  const text = firstText(found, 'summary') || firstText(found, 'details').split(/\.\s|\n/)[0] || '';
  return text.trim() || `Known vulnerability ${primaryId(found.ids)} in ${found.package.name}`;
}

/** Fixed versions the advisories give for this package (same name and ecosystem). */
export function fixedVersions(advisories: readonly OsvAdvisory[], pkg: OsvPackage): string[] {
  const fixed = advisories.flatMap((advisory) =>
    advisory.affected
      .filter((entry) => entry.name === pkg.name && entry.ecosystem === pkg.ecosystem)
      .flatMap((entry) => entry.fixed),
  );
  return [...new Set(fixed)];
}

/** CVE and other ids the vulnerability is also known by. */
export function otherIds(found: VulnerablePackage): string[] {
  const primary = primaryId(found.ids);
  return found.aliases.filter((alias) => alias !== primary);
}

export function osvRule(found: VulnerablePackage, score: AdvisoryScore): RuleDescriptor {
  const id = primaryId(found.ids);
  const malicious = isMalicious(found);
  const shortDescription = truncate(summary(found), MAX_DESCRIPTION);
  const advisoryCwes = found.advisories.flatMap((advisory) => advisory.cwes);
  const cwe = malicious
    ? [MALICIOUS_CWE, ...VULNERABLE_COMPONENT_CWES]
    : [...advisoryCwes, ...VULNERABLE_COMPONENT_CWES];
  return {
    id: `osv-scanner/${id}`,
    name: id,
    shortDescription,
    fullDescription: truncate(firstText(found, 'details') || shortDescription, MAX_DESCRIPTION),
    help: help(found, score),
    helpUri: `https://osv.dev/vulnerability/${encodeURIComponent(id)}`,
    severity: score.severity,
    securitySeverity: score.score,
    // A version match against a curated advisory; whether the vulnerable code is reachable is not known.
    precision: malicious ? 'very-high' : 'high',
    cwe: [...new Set(cwe)],
    asvs: ASVS,
    tags: ['dependency', malicious ? 'malicious-package' : 'vulnerability', ...otherIds(found)],
  };
}

const SCORE_SOURCES: Readonly<Record<AdvisoryScore['source'], string>> = {
  'CVSS:4.0': 'its CVSS v4.0 vector',
  'CVSS:3.1': 'its CVSS v3.1 vector',
  'CVSS:3.0': 'its CVSS v3.0 vector',
  'CVSS:2.0': 'its CVSS v2 vector',
  label: "the advisory database's severity label",
  malicious: 'a known malicious package',
  unscored: 'no score in the advisory; the policy decides what unscored advisories count as',
};

function help(found: VulnerablePackage, score: AdvisoryScore): string {
  const id = primaryId(found.ids);
  const others = otherIds(found);
  const fixes = fixedVersions(found.advisories, found.package);
  const references = [
    `https://osv.dev/vulnerability/${encodeURIComponent(id)}`,
    ...found.advisories.flatMap((advisory) => advisory.references),
  ];
  const remedy = isMalicious(found)
    ? 'Remove the package. Treat every machine that installed it (developer laptops, CI runners) as compromised and rotate the credentials it could read.'
    : fixes.length > 0
      ? `Upgrade ${found.package.name} to ${fixes.join(' or ')} or later, then regenerate the lockfile.`
      : 'No fixed version is known: remove or replace the dependency, or suppress the finding with a reason, an owner and an expiry date.';
  return [
    `**${id}**${others.length > 0 ? ` (${others.join(', ')})` : ''}: ${summary(found)}`,
    '',
    `Severity ${score.severity} (${score.score.toFixed(1)}), from ${SCORE_SOURCES[score.source]}.`,
    '',
    remedy,
    '',
    'References:',
    ...[...new Set(references)].slice(0, MAX_REFERENCES).map((url) => `- ${url}`),
  ].join('\n');
}

/** `<package>@<version> (<ecosystem>) is affected by <id> (<aliases>): <summary>; fixed in <versions>` */
export function detectionMessage(found: VulnerablePackage): string {
  const { name, version, ecosystem } = found.package;
  const others = otherIds(found);
  const fixes = fixedVersions(found.advisories, found.package);
  const what = `${name}${version ? `@${version}` : ''} (${ecosystem})`;
  const ids = `${primaryId(found.ids)}${others.length > 0 ? ` (${others.join(', ')})` : ''}`;
  const fixed = fixes.length > 0 ? `fixed in ${fixes.join(', ')}` : 'no fixed version is known';
  return `${what} is affected by ${ids}: ${summary(found)}; ${fixed}`;
}
