import { createHash } from 'node:crypto';
import type { Detection, Finding, Region, RuleDescriptor } from './finding.js';
import { lineHashes } from './line-hash.js';
import type { FileRole } from './roles.js';
import { defaultScore, severityFromScore } from './severity.js';
import { asvsForRule } from './asvs.js';
import { owaspCategories } from './taxonomy.js';

export interface NormalizeInput {
  readonly tool: string;
  readonly rules: readonly RuleDescriptor[];
  readonly detections: readonly Detection[];
  /** Text of a repository file, or undefined when it cannot be read. */
  readonly readText: (path: string) => Promise<string | undefined>;
  readonly roleOf: (path: string) => Promise<FileRole>;
}

export class UnknownRuleError extends Error {
  constructor(readonly ruleId: string) {
    super(`result for rule ${ruleId}, which the scanner did not declare`);
  }
}

export interface Normalized {
  readonly findings: Finding[];
  /** How many results pointed past the end of their file and were moved onto its last line. */
  readonly clamped: number;
}

/**
 * Detections of one scanner → Findings: rule metadata, severity, taxonomy, GitHub line hash, fingerprint.
 * A region is bounded by the file it names: a scanner's line past the end (garbled output, a file changed
 * under it) would otherwise reach SARIF and annotations as it is.
 */
export async function normalizeDetections(input: NormalizeInput): Promise<Normalized> {
  const rules = new Map(input.rules.map((rule) => [rule.id, rule]));
  const hashCache = new Map<string, readonly string[] | undefined>();
  const findings: Finding[] = [];
  let clamped = 0;
  for (const detection of input.detections) {
    const rule = rules.get(detection.ruleId);
    if (!rule) throw new UnknownRuleError(detection.ruleId);
    // A detection in an earlier commit has its line in that commit's file, not in the tree's.
    const hashes =
      detection.commit === undefined
        ? await lineHashesOf(detection.location.path, hashCache, input.readText)
        : undefined;
    const bounded = hashes === undefined ? detection : boundToFile(detection, hashes.length);
    if (bounded !== detection) clamped += 1;
    // A result for the whole file is fingerprinted on line 1, as GitHub's uploader does.
    const lineHash = hashes?.[(bounded.location.region?.startLine ?? 1) - 1];
    const role = await input.roleOf(bounded.location.path);
    findings.push(toFinding({ tool: input.tool, rule, detection: bounded, lineHash, role }));
  }
  return { findings, clamped };
}

async function lineHashesOf(
  path: string,
  cache: Map<string, readonly string[] | undefined>,
  readText: (path: string) => Promise<string | undefined>,
): Promise<readonly string[] | undefined> {
  if (!cache.has(path)) {
    const text = await readText(path);
    cache.set(path, text === undefined ? undefined : lineHashes(text));
  }
  return cache.get(path);
}

/** The same detection when its region fits in `lineCount` lines; otherwise one moved within them. */
function boundToFile(detection: Detection, lineCount: number): Detection {
  const region = detection.location.region;
  if (region === undefined) return detection;
  const fits = (line: number | undefined) =>
    line === undefined || (Number.isSafeInteger(line) && line >= 1 && line <= lineCount);
  if (fits(region.startLine) && fits(region.endLine)) return detection;
  const startLine = fits(region.startLine) ? region.startLine : lineCount;
  const bounded: Region = fits(region.startLine)
    ? {
        startLine,
        ...(region.startColumn === undefined ? {} : { startColumn: region.startColumn }),
        endLine: lineCount,
      }
    : { startLine };
  return { ...detection, location: { ...detection.location, region: bounded } };
}

interface FindingParts {
  readonly tool: string;
  readonly rule: RuleDescriptor;
  readonly detection: Detection;
  readonly lineHash: string | undefined;
  readonly role: FileRole;
}

function toFinding({ tool, rule, detection, lineHash, role }: FindingParts): Finding {
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
    role,
    ...(detection.secret ? { secret: detection.secret } : {}),
    ...(detection.commit ? { commit: detection.commit } : {}),
  };
}

/** Stable across line moves (uses the line's content hash), distinct per rule and file. */
function fingerprint(ruleId: string, detection: Detection, lineHash: string | undefined): string {
  const line = detection.location.region?.startLine ?? 0;
  const anchor = lineHash ?? (detection.commit ? `commit:${detection.commit}:${line}` : `line:${line}`);
  return createHash('sha256')
    .update(`${ruleId}\0${detection.location.path}\0${anchor}`)
    .digest('hex')
    .slice(0, 32);
}
