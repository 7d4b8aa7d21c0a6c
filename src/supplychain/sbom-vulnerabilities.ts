import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import type { Finding } from '../findings/finding.js';
import type { Severity } from '../findings/severity.js';
import type { Ecosystem } from './component.js';

import V = Models.Vulnerability;

/** A component of the SBOM a vulnerability may be attached to, with what the lockfiles said of it. */
export interface Candidate {
  readonly model: Models.Component;
  readonly ecosystem: Ecosystem;
  /** As the ecosystem spells it, scope included for npm. */
  readonly name: string;
  readonly version: string;
  readonly sources: readonly { readonly path: string; readonly line: number }[];
}

const OSV_TOOL = 'osv-scanner';

/**
 * Added by Vouch to every osv-scanner finding to count "vulnerable components" in OWASP terms
 * (src/scanners/osv/rules.ts); in a vulnerability record they say nothing about the flaw itself.
 */
const COMPONENT_CWES = new Set([1395, 1035]);

/** OSV ecosystem names, as osv-scanner's messages carry them, to the lockfile parsers' names. */
const ECOSYSTEMS: Readonly<Record<string, Ecosystem>> = {
  npm: 'npm',
  PyPI: 'pypi',
  Go: 'golang',
  'crates.io': 'cargo',
  RubyGems: 'gem',
  Packagist: 'composer',
};

const SEVERITIES: Readonly<Record<Severity, Enums.Vulnerability.Severity>> = {
  critical: Enums.Vulnerability.Severity.Critical,
  high: Enums.Vulnerability.Severity.High,
  medium: Enums.Vulnerability.Severity.Medium,
  low: Enums.Vulnerability.Severity.Low,
  info: Enums.Vulnerability.Severity.Info,
};

/**
 * A Finding carries the score, not the vector it came from, so the method cannot be named as a CVSS
 * version; the justification says how the score was chosen (src/scanners/osv/severity.ts).
 */
const RATING_JUSTIFICATION =
  "Vouch's security-severity for the advisory group: the highest base score among its records' CVSS vectors (newest CVSS version per record), else the advisory database's severity label, else the policy's unknown-severity.";

/** What osv-scanner's message says (src/scanners/osv/rules.ts `detectionMessage`). */
interface Reported {
  readonly name: string;
  /** Empty when the manifest does not pin one. */
  readonly version: string;
  readonly ecosystem?: Ecosystem;
  readonly id: string;
  readonly aliases: readonly string[];
  readonly summary: string;
  readonly fixed: readonly string[];
}

interface Hit {
  readonly finding: Finding;
  readonly reported: Reported | undefined;
  readonly target: Candidate | undefined;
}

const MESSAGE =
  /^(?<pkg>\S+) \((?<ecosystem>[^)]+)\) is affected by (?<id>[^\s:]+)(?: \((?<aliases>[^)]*)\))?: (?<rest>.*)$/s;
const FIXED = /; (?:fixed in (?<fixed>.+)|no fixed version is known)$/s;

export function parseMessage(message: string): Reported | undefined {
  const groups = MESSAGE.exec(message)?.groups;
  if (groups?.pkg === undefined || groups.id === undefined || groups.rest === undefined) return undefined;
  const at = groups.pkg.lastIndexOf('@');
  const fixed = FIXED.exec(groups.rest);
  const ecosystem = ECOSYSTEMS[groups.ecosystem ?? ''];
  return {
    // The last `@` splits: npm scopes start with one (`@types/node@24.0.0`).
    name: at > 0 ? groups.pkg.slice(0, at) : groups.pkg,
    version: at > 0 ? groups.pkg.slice(at + 1) : '',
    ...(ecosystem === undefined ? {} : { ecosystem }),
    id: groups.id,
    aliases: groups.aliases?.split(', ').filter((alias) => alias !== '') ?? [],
    summary: fixed === null ? groups.rest : groups.rest.slice(0, fixed.index),
    fixed: fixed?.groups?.fixed?.split(', ') ?? [],
  };
}

/**
 * One vulnerability per advisory, affecting every component a finding of it was matched to; a finding
 * matched to no component affects the repository itself (the root), so nothing osv-scanner found is lost.
 */
export function buildVulnerabilities(
  findings: readonly Finding[],
  candidates: readonly Candidate[],
  root: Models.Component,
): V.Vulnerability[] {
  const ordered = [...candidates].sort((a, b) => compare(String(a.model.bomRef), String(b.model.bomRef)));
  const groups = new Map<string, Hit[]>();
  // In a stable order, so a group's description does not depend on the order scanners reported in.
  for (const finding of [...findings].sort(byLocation)) {
    if (finding.tool !== OSV_TOOL) continue;
    const reported = parseMessage(finding.message);
    const id = finding.ruleId.startsWith(`${OSV_TOOL}/`)
      ? finding.ruleId.slice(OSV_TOOL.length + 1)
      : (reported?.id ?? finding.ruleId);
    const hit = { finding, reported, target: matchComponent(finding, reported, ordered) };
    groups.set(id, [...(groups.get(id) ?? []), hit]);
  }
  return [...groups].map(([id, hits]) => toVulnerability(id, hits, root));
}

/**
 * The component a finding is about. The finding's location (lockfile path and line, found by
 * osv-scanner's locator) is tried first, but only when the package there is the one the message names:
 * the locator falls back to line 1 when it cannot find a package, and its line may differ from the
 * parser's. Then the package by ecosystem, name and version in the same lockfile, then in any lockfile.
 * A message that cannot be read is matched by location alone, and only when that is unambiguous.
 */
export function matchComponent(
  finding: Finding,
  reported: Reported | undefined,
  candidates: readonly Candidate[],
): Candidate | undefined {
  const { path, region } = finding.location;
  const atLine = candidates.filter((candidate) =>
    candidate.sources.some((source) => source.path === path && source.line === region?.startLine),
  );
  if (reported === undefined) return atLine.length === 1 ? atLine[0] : undefined;
  const same = candidates.filter((candidate) => isPackage(candidate, reported));
  return (
    same.find((candidate) => atLine.includes(candidate)) ??
    same.find((candidate) => candidate.sources.some((source) => source.path === path)) ??
    same[0]
  );
}

function isPackage(candidate: Candidate, reported: Reported): boolean {
  if (reported.ecosystem !== undefined && reported.ecosystem !== candidate.ecosystem) return false;
  if (
    comparableName(candidate.ecosystem, candidate.name) !== comparableName(candidate.ecosystem, reported.name)
  )
    return false;
  // An unpinned manifest entry names no version; Go and Composer versions may or may not carry a `v`.
  return reported.version === '' || bareVersion(reported.version) === bareVersion(candidate.version);
}

/** PEP 503 for Python; Composer names are case-insensitive; the other ecosystems compare exactly. */
function comparableName(ecosystem: Ecosystem, name: string): string {
  if (ecosystem === 'pypi') return name.toLowerCase().replace(/[-_.]+/g, '-');
  return ecosystem === 'composer' ? name.toLowerCase() : name;
}

function bareVersion(version: string): string {
  return version.replace(/^v(?=\d)/, '');
}

function toVulnerability(id: string, hits: readonly Hit[], root: Models.Component): V.Vulnerability {
  const source = osvSource(id);
  const reported = hits.map((hit) => hit.reported).filter((entry) => entry !== undefined);
  const vulnerability = new V.Vulnerability({
    id,
    source,
    description: reported[0]?.summary ?? hits[0]?.finding.message,
    recommendation: recommendation(reported),
  });
  const ratings = new Map(
    hits.map(({ finding }) => [`${finding.securitySeverity}|${finding.severity}`, finding]),
  );
  for (const finding of ratings.values()) {
    const { securitySeverity: score, severity } = finding;
    const method = Enums.Vulnerability.RatingMethod.Other;
    vulnerability.ratings.add(
      new V.Rating({
        source,
        score,
        severity: SEVERITIES[severity],
        method,
        justification: RATING_JUSTIFICATION,
      }),
    );
  }
  for (const cwe of hits.flatMap((hit) => hit.finding.cwe)) {
    const number = Number(/^CWE-(\d+)$/.exec(cwe)?.[1]);
    if (Number.isInteger(number) && number > 0 && !COMPONENT_CWES.has(number)) vulnerability.cwes.add(number);
  }
  for (const alias of new Set(reported.flatMap((entry) => entry.aliases))) {
    vulnerability.references.add(new V.Reference(alias, osvSource(alias)));
  }
  addAffects(vulnerability, hits, root);
  return vulnerability;
}

function addAffects(vulnerability: V.Vulnerability, hits: readonly Hit[], root: Models.Component): void {
  const affected = new Map<Models.Component, string | undefined>();
  for (const { finding, target } of hits) {
    affected.set(target?.model ?? root, target?.version);
    const line = finding.location.region?.startLine ?? 1;
    vulnerability.properties.add(new Models.Property('vouch:location', `${finding.location.path}:${line}`));
  }
  for (const [component, version] of affected) {
    const versions = new V.AffectedVersionRepository(
      version === undefined
        ? []
        : [new V.AffectedSingleVersion(version, { status: Enums.Vulnerability.AffectStatus.Affected })],
    );
    vulnerability.affects.add(new V.Affect(component.bomRef, { versions }));
  }
}

function osvSource(id: string): V.Source {
  return new V.Source({ name: 'OSV', url: `https://osv.dev/vulnerability/${encodeURIComponent(id)}` });
}

function recommendation(reported: readonly Reported[]): string | undefined {
  if (reported.length === 0) return undefined;
  const upgrades = new Set(
    reported
      .filter((entry) => entry.fixed.length > 0)
      .map((entry) => `Upgrade ${entry.name} to ${entry.fixed.join(' or ')} or later.`),
  );
  return upgrades.size > 0 ? [...upgrades].sort(compare).join(' ') : 'No fixed version is known.';
}

function byLocation(a: Finding, b: Finding): number {
  const line = (finding: Finding): number => finding.location.region?.startLine ?? 0;
  return (
    compare(a.location.path, b.location.path) ||
    line(a) - line(b) ||
    compare(a.ruleId, b.ruleId) ||
    compare(a.message, b.message)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
