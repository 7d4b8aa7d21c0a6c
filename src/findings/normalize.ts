import { createHash } from 'node:crypto';
import type { Detection, Finding, RuleDescriptor } from './finding.js';
import { lineHashes } from './line-hash.js';
import { defaultScore, severityFromScore } from './severity.js';
import { asvsForRule } from './asvs.js';
import { owaspCategories } from './taxonomy.js';

export interface NormalizeInput {
  readonly tool: string;
  readonly rules: readonly RuleDescriptor[];
  readonly detections: readonly Detection[];
  /** Text of a repository file, or undefined when it cannot be read. */
  readonly readText: (path: string) => Promise<string | undefined>;
}

export class UnknownRuleError extends Error {
  constructor(readonly ruleId: string) {
    super(`result for rule ${ruleId}, which the scanner did not declare`);
  }
}

/** Detections of one scanner → Findings: rule metadata, severity, taxonomy, GitHub line hash, fingerprint. */
export async function normalizeDetections(input: NormalizeInput): Promise<Finding[]> {
  const rules = new Map(input.rules.map((rule) => [rule.id, rule]));
  const hashCache = new Map<string, readonly string[] | undefined>();
  const findings: Finding[] = [];
  for (const detection of input.detections) {
    const rule = rules.get(detection.ruleId);
    if (!rule) throw new UnknownRuleError(detection.ruleId);
    const lineHash = await lineHashFor(detection, hashCache, input.readText);
    findings.push(toFinding(input.tool, rule, detection, lineHash));
  }
  return findings;
}

async function lineHashFor(
  detection: Detection,
  cache: Map<string, readonly string[] | undefined>,
  readText: (path: string) => Promise<string | undefined>,
): Promise<string | undefined> {
  const path = detection.location.path;
  if (!cache.has(path)) {
    const text = await readText(path);
    cache.set(path, text === undefined ? undefined : lineHashes(text));
  }
  // A result for the whole file is fingerprinted on line 1, as GitHub's uploader does.
  const line = detection.location.region?.startLine ?? 1;
  return cache.get(path)?.[line - 1];
}

function toFinding(
  tool: string,
  rule: RuleDescriptor,
  detection: Detection,
  lineHash: string | undefined,
): Finding {
  const severity =
    detection.severity ??
    (detection.securitySeverity ? severityFromScore(detection.securitySeverity) : rule.severity);
  const securitySeverity =
    detection.securitySeverity ?? (detection.severity ? defaultScore(severity) : rule.securitySeverity);
  return {
    tool,
    ruleId: rule.id,
    message: detection.message,
    severity,
    securitySeverity,
    location: detection.location,
    cwe: rule.cwe,
    owasp2021: owaspCategories(rule.cwe, '2021').map((c) => c.id),
    owasp2025: owaspCategories(rule.cwe, '2025').map((c) => c.id),
    asvs: rule.asvs.length > 0 ? rule.asvs : asvsForRule(rule.id),
    fingerprint: fingerprint(rule.id, detection, lineHash),
    lineHash,
    evidence: detection.evidence,
    alsoReportedBy: [],
  };
}

/** Stable across line moves (uses the line's content hash), distinct per rule and file. */
function fingerprint(ruleId: string, detection: Detection, lineHash: string | undefined): string {
  const anchor = lineHash ?? `line:${detection.location.region?.startLine ?? 0}`;
  return createHash('sha256')
    .update(`${ruleId}\0${detection.location.path}\0${anchor}`)
    .digest('hex')
    .slice(0, 32);
}
