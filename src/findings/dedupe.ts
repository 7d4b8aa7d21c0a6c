import type { Finding } from './finding.js';
import { severityRank } from './severity.js';

export interface Deduplicated {
  /** The findings that remain, merged ones carrying `alsoReportedBy`. */
  readonly findings: readonly Finding[];
  /** Each input finding → the finding that now stands for it (itself, a merged copy, or the one it merged into). */
  readonly replacedBy: ReadonlyMap<Finding, Finding>;
}

function lines(finding: Finding): [number, number] {
  const start = finding.location.region?.startLine ?? 1;
  return [start, Math.max(start, finding.location.region?.endLine ?? start)];
}

/** Same file, overlapping lines, a CWE in common, different tools: the same problem seen twice. */
export function sameProblem(a: Finding, b: Finding): boolean {
  if (a.tool === b.tool || a.location.path !== b.location.path) return false;
  const [aStart, aEnd] = lines(a);
  const [bStart, bEnd] = lines(b);
  if (aStart > bEnd || bStart > aEnd) return false;
  return a.cwe.some((cwe) => b.cwe.includes(cwe));
}

/** The finding that stays: most severe, then the more precise location, then the first reported. */
function better(a: Finding, b: Finding): boolean {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  if (bySeverity !== 0) return bySeverity < 0;
  return a.location.region?.startColumn !== undefined && b.location.region?.startColumn === undefined;
}

/** Merges what several tools reported about one problem into one finding listing every tool that saw it. */
export function dedupeAcrossTools(findings: readonly Finding[]): Deduplicated {
  const groups: Finding[][] = [];
  for (const finding of findings) {
    const group = groups.find((members) => members.some((member) => sameProblem(member, finding)));
    if (group) group.push(finding);
    else groups.push([finding]);
  }
  const replacedBy = new Map<Finding, Finding>();
  const result: Finding[] = [];
  for (const group of groups) {
    const keeper = group.reduce((best, candidate) => (better(candidate, best) ? candidate : best));
    const others = [
      ...new Set(group.filter((f) => f !== keeper).flatMap((f) => [f.tool, ...f.alsoReportedBy])),
    ];
    // A secret any member judged live stays live: the merge must never soften a leak into a placeholder.
    const secret = group.some((f) => f.secret === 'live')
      ? 'live'
      : (keeper.secret ?? group.find((f) => f.secret)?.secret);
    const merged =
      others.length === 0
        ? keeper
        : {
            ...keeper,
            alsoReportedBy: [...new Set([...keeper.alsoReportedBy, ...others])].sort(),
            ...(secret ? { secret } : {}),
          };
    for (const member of group) replacedBy.set(member, merged);
    result.push(merged);
  }
  return { findings: result, replacedBy };
}
