import * as cvssModule from 'ae-cvss-calculator';
import { defaultScore, severityFromScore, type Severity } from '../../findings/severity.js';
import type { OsvAdvisory } from './parse.js';

type Calculator = Pick<typeof cvssModule, 'Cvss2' | 'Cvss3P0' | 'Cvss3P1' | 'Cvss4P0'>;

/**
 * The package is CommonJS flagged `__esModule`: Node's ESM loader (and jest) hand its exports over as
 * `default`, while ncc's bundle, honouring the flag, makes them the namespace itself (and its `default`
 * undefined). Resolved once at load, outside any try, so a packaging change fails loudly instead of
 * leaving every advisory unscored.
 */
export function calculatorOf(namespace: unknown): Calculator {
  const candidates = [namespace, (namespace as { default?: unknown }).default];
  const found = candidates.find(
    (candidate): candidate is Calculator =>
      typeof candidate === 'object' &&
      candidate !== null &&
      typeof (candidate as Calculator).Cvss4P0 === 'function',
  );
  if (found === undefined) throw new Error('ae-cvss-calculator: no Cvss4P0 export found');
  return found;
}

const cvss = calculatorOf(cvssModule);

export type ScoreSource =
  'CVSS:4.0' | 'CVSS:3.1' | 'CVSS:3.0' | 'CVSS:2.0' | 'label' | 'malicious' | 'unscored';

export interface AdvisoryScore {
  readonly severity: Severity;
  /** In (0, 10], what SARIF's `security-severity` carries. */
  readonly score: number;
  /** Where the score came from, for the rule's help text. */
  readonly source: ScoreSource;
}

/**
 * A known-malicious package runs the attacker's code on install: the worst case, whatever any vector
 * says (OpenSSF malicious-packages records carry none).
 */
export const MALICIOUS_SCORE = 10;

/**
 * When one advisory carries several vectors, the newest CVSS version wins (v4 > v3.1 > v3.0 > v2), not
 * the highest score: they describe one flaw, and the newest version is what the advisory's authors
 * scored last and what GitHub's advisory database shows first.
 */
const PREFERENCE: readonly ScoreSource[] = ['CVSS:4.0', 'CVSS:3.1', 'CVSS:3.0', 'CVSS:2.0'];

/** GitHub advisories' `database_specific.severity` and Ubuntu's ratings, used when no vector scores. */
const LABELS: Readonly<Record<string, Severity>> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MODERATE: 'medium',
  MEDIUM: 'medium',
  LOW: 'low',
};

export function isMaliciousId(id: string): boolean {
  return id.startsWith('MAL-');
}

/**
 * The base score of one OSV `severity[]` entry, or undefined when it is not a vector Vouch can score.
 * As osv-scanner does for `max_severity`: v2/v3 base score (temporal metrics ignored), v4 score from all
 * the metrics the vector gives.
 */
export function cvssScore(type: string, vector: string): { source: ScoreSource; score: number } | undefined {
  const source = cvssVersion(type, vector.trim());
  if (source === undefined) return undefined;
  let score: number | undefined;
  try {
    score = calculate(source, vector.trim());
  } catch {
    // The calculator throws on unknown metrics or values: an unusable vector, not a scanner failure.
    return undefined;
  }
  // Incomplete vectors give no base score; 0.0 ("none") is not a valid security-severity either.
  if (score === undefined || !Number.isFinite(score) || score <= 0 || score > 10) return undefined;
  return { source, score };
}

function cvssVersion(type: string, vector: string): ScoreSource | undefined {
  if (type === 'CVSS_V4' && vector.startsWith('CVSS:4.0/')) return 'CVSS:4.0';
  if (type === 'CVSS_V3' && vector.startsWith('CVSS:3.1/')) return 'CVSS:3.1';
  if (type === 'CVSS_V3' && vector.startsWith('CVSS:3.0/')) return 'CVSS:3.0';
  if (type === 'CVSS_V2' && /^\(?AV:/.test(vector)) return 'CVSS:2.0';
  return undefined;
}

function calculate(source: ScoreSource, vector: string): number | undefined {
  switch (source) {
    case 'CVSS:4.0':
      return new cvss.Cvss4P0(vector).calculateScores().base;
    case 'CVSS:3.1':
      return new cvss.Cvss3P1(vector).calculateScores().base;
    case 'CVSS:3.0':
      return new cvss.Cvss3P0(vector).calculateScores().base;
    case 'CVSS:2.0':
      return new cvss.Cvss2(vector.replace(/^\((.*)\)$/, '$1')).calculateScores().base;
    default:
      return undefined;
  }
}

/** One advisory's score: malicious, else its preferred CVSS vector, else its severity label. */
export function advisoryScore(advisory: OsvAdvisory): AdvisoryScore | undefined {
  if (isMaliciousId(advisory.id))
    return { severity: 'critical', score: MALICIOUS_SCORE, source: 'malicious' };
  const scored = advisory.severity
    .map((entry) => cvssScore(entry.type, entry.score))
    .filter((entry) => entry !== undefined)
    .sort((a, b) => PREFERENCE.indexOf(a.source) - PREFERENCE.indexOf(b.source));
  const preferred = scored[0];
  if (preferred) return { ...preferred, severity: severityFromScore(preferred.score) };
  const labels = [advisory.databaseSeverity, ...ubuntuRatings(advisory)];
  for (const label of labels) {
    const severity = label === undefined ? undefined : LABELS[label.toUpperCase()];
    if (severity) return { severity, score: defaultScore(severity), source: 'label' };
  }
  return undefined;
}

function ubuntuRatings(advisory: OsvAdvisory): string[] {
  return advisory.severity.filter((entry) => entry.type === 'Ubuntu').map((entry) => entry.score);
}

/**
 * The score of a group of aliased advisories (one vulnerability as several databases describe it): the
 * highest of its members, as osv-scanner's `max_severity`; a malicious id or alias anywhere makes it
 * critical; with no score at all it takes the policy's unknown severity (high by default).
 */
export function groupScore(
  ids: readonly string[],
  advisories: readonly OsvAdvisory[],
  unknownSeverity: Severity,
): AdvisoryScore {
  if (ids.some(isMaliciousId)) return { severity: 'critical', score: MALICIOUS_SCORE, source: 'malicious' };
  let best: AdvisoryScore | undefined;
  for (const advisory of advisories) {
    const score = advisoryScore(advisory);
    if (score && (best === undefined || score.score > best.score)) best = score;
  }
  return best ?? { severity: unknownSeverity, score: unknownScore(unknownSeverity), source: 'unscored' };
}

/** security-severity must stay in (0, 10] even when the policy counts unscored advisories as info. */
function unknownScore(severity: Severity): number {
  return Math.max(0.1, defaultScore(severity));
}
