import type { Finding } from '../findings/finding.js';
import { newFindingKey, type EvaluationContext } from './context.js';

/**
 * A finding is pre-existing when a baseline holds it, or when a diff is known and the finding is not on a
 * line the change added or touched. A secret found in one of the change's commits is new even when a later
 * commit removed it from the tree. A dependency finding sits on its lockfile line, so a package or version
 * the change introduced is new and one it left alone is not.
 */
export function isNewFinding(finding: Finding, context: EvaluationContext): boolean {
  if (!context.newOnly) return true;
  if (context.judgedNew) return context.judgedNew.has(newFindingKey(finding));
  const { baseline, changes } = context;
  if (baseline) {
    if (baseline.fingerprints.has(finding.fingerprint)) return false;
    if (finding.lineHash && baseline.ruleLineHashes.has(`${finding.ruleId}|${finding.lineHash}`))
      return false;
  }
  // Committed by the change and removed again by it: still in the history the change brings.
  if (!changes || finding.commit !== undefined) return true;
  const changed = changes.get(finding.location.path);
  if (changed === undefined) return false;
  if (changed === 'all') return true;
  const line = finding.location.region?.startLine;
  if (line === undefined) return true;
  const endLine = finding.location.region?.endLine ?? line;
  for (let current = line; current <= endLine; current += 1) if (changed.has(current)) return true;
  return false;
}
