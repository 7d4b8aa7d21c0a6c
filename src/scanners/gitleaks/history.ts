import { join } from 'node:path';
import type { Detection, RuleDescriptor } from '../../findings/finding.js';
import type { ScanContext, ScanNote, ScanOutcome, ToolInfo } from '../scanner.js';
import type { Leak } from './parse.js';
import { secretKind } from './placeholder.js';
import { matchedText, region } from './region.js';
import { gitleaksRule } from './rules.js';

export interface HistoryFindings {
  readonly detections: readonly Detection[];
  readonly rules: readonly RuleDescriptor[];
  readonly notes: readonly ScanNote[];
}

async function readOrUndefined(context: ScanContext, path: string): Promise<string | undefined> {
  try {
    return (await context.ports.fs.readFile(join(context.root, path))).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * Secrets `gitleaks git` found in the patches of the change's commits that the tree no longer holds: a
 * later commit of the change removed them, but they stay in the branch's history. A secret still in the
 * tree is left to the tree's scan (it is reported there, or its file is excluded there). The committed
 * text is read back from the commit to tell a placeholder from a live value, and dropped.
 */
export async function historyDetections(
  leaks: readonly Leak[],
  context: ScanContext,
  history: NonNullable<ScanContext['history']>,
): Promise<HistoryFindings> {
  const prefix = await history.git.prefix();
  const kept = new Set(context.files);
  const rules = new Map<string, RuleDescriptor>();
  const detections: Detection[] = [];
  let excluded = 0;
  for (const leak of leaks) {
    if (leak.commit === undefined || !leak.file.startsWith(prefix)) continue;
    const path = leak.file.slice(prefix.length);
    const where = region(leak);
    const committed = (await history.git.showAt(leak.commit, path))?.toString('utf8');
    const matched = committed === undefined ? undefined : matchedText(committed, where);
    const now = await readOrUndefined(context, path);
    if (now !== undefined && matched !== undefined && now.includes(matched)) continue;
    if (now !== undefined && !kept.has(path)) {
      excluded += 1;
      continue;
    }
    const rule = gitleaksRule(leak);
    rules.set(rule.id, rule);
    detections.push({
      ruleId: rule.id,
      message:
        `${rule.shortDescription}: ${leak.description.replace(/\.$/, '') || 'a credential'}, committed in ` +
        `${leak.commit.slice(0, 12)} and removed again by a later commit of this change. It stays in the ` +
        "branch's history (and the base branch's, unless the change is squashed): rotate it.",
      location: { path, region: where },
      secret: matched === undefined ? 'live' : secretKind(matched),
      commit: leak.commit,
    });
  }
  const notes =
    excluded > 0
      ? [
          {
            message: `${excluded} secret(s) in the change's commits, in files the policy excludes, were not reported`,
          },
        ]
      : [];
  return { detections, rules: [...rules.values()], notes };
}

/** The tree's outcome with what only the change's history holds added to it. */
export function withHistory(outcome: ScanOutcome, tool: ToolInfo, found: HistoryFindings): ScanOutcome {
  if (outcome.kind !== 'clean' && outcome.kind !== 'findings') return outcome;
  const rules = new Map(outcome.rules.map((rule) => [rule.id, rule]));
  for (const rule of found.rules) rules.set(rule.id, rule);
  const detections = [...(outcome.kind === 'findings' ? outcome.detections : []), ...found.detections];
  const notes = [...outcome.notes, ...found.notes];
  return detections.length > 0
    ? { kind: 'findings', tool, rules: [...rules.values()], detections, notes }
    : { kind: 'clean', tool, rules: [...rules.values()], notes };
}
