import type { Finding } from './finding.js';
import { severityRank } from './severity.js';

/** Most severe first, then by place and rule: the order reports, summaries and verdicts list findings in. */
export function byImportance(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    a.location.path.localeCompare(b.location.path) ||
    (a.location.region?.startLine ?? 0) - (b.location.region?.startLine ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
