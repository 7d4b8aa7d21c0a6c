import data from '../../data/fixes.json' with { type: 'json' };
import type { FindingVerdict } from '../core/decision.js';
import type { GateResult } from '../core/pipeline.js';
import type { Finding } from '../findings/finding.js';
import { COMMENT_MARKER } from './sticky-comment.js';

const FIXES: Readonly<Record<string, string>> = data.fixes;
const MAX_BLOCKING = 25;
const MAX_LISTED = 10;

export interface CommentLinks {
  /** `https://github.com` or a GHES host. */
  readonly serverUrl: string;
  /** `owner/name` */
  readonly repository: string;
  /** The commit the links point into (the pull request's head). */
  readonly sha: string;
  /** The run's page, where the job summary and the SARIF artifact are. */
  readonly runUrl?: string;
}

/** Markdown cells may not hold a pipe or a line break. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

function link(finding: Finding, links: CommentLinks): string {
  const line = finding.location.region?.startLine;
  const where = line === undefined ? finding.location.path : `${finding.location.path}:${line}`;
  const path = finding.location.path.split('/').map(encodeURIComponent).join('/');
  const anchor = line === undefined ? '' : `#L${line}`;
  return `[\`${cell(where)}\`](${links.serverUrl}/${links.repository}/blob/${links.sha}/${path}${anchor})`;
}

/** The one sentence that says what to change: by CWE from data/fixes.json, else the message's last sentence. */
export function fixFor(finding: Finding): string {
  const known = finding.cwe.map((cwe) => FIXES[cwe]).find((fix) => fix !== undefined);
  if (known) return known;
  const sentences = finding.message.split(/(?<=\.)\s+/).filter((s) => s.trim() !== '');
  return sentences.at(-1)?.trim() ?? finding.message;
}

function listed(
  verdicts: readonly FindingVerdict[],
  links: CommentLinks,
  why: (v: FindingVerdict) => string,
): string[] {
  const lines = verdicts
    .slice(0, MAX_LISTED)
    .map(
      (v) => `- ${v.finding.severity} \`${v.finding.ruleId}\` at ${link(v.finding, links)}: ${cell(why(v))}`,
    );
  if (verdicts.length > MAX_LISTED)
    lines.push(`- … and ${verdicts.length - MAX_LISTED} more in the job summary`);
  return lines;
}

/**
 * The pull request comment: the decision, each blocking finding with a link to its line and the fix in
 * one sentence, what the change introduced, warnings, and what is suppressed until when.
 */
export function renderPullRequestComment(result: GateResult, links: CommentLinks): string {
  const { decision } = result;
  const { counts } = decision;
  const fresh = decision.verdicts.filter((v) => v.isNew).length;
  const lines = [
    COMMENT_MARKER,
    `## Vouch: ${decision.status.toUpperCase()}`,
    '',
    `${counts.blocking} blocking, ${counts.warnings} warning(s), ${counts.total} finding(s) in all: ` +
      `${fresh} introduced by this change, ${counts.preExisting} already there, ${counts.suppressed} suppressed.`,
  ];
  const problems = decision.problems.map(
    (p) => `- ${p.fatal ? '**error**' : 'warning'} ${p.scanner}: ${cell(p.message)}`,
  );
  if (problems.length > 0) lines.push('', '### Scanner problems', '', ...problems);
  if (decision.blocking.length > 0) {
    lines.push('', '### Blocking', '', '| Severity | Rule | Where | Fix |', '|---|---|---|---|');
    for (const { finding } of decision.blocking.slice(0, MAX_BLOCKING)) {
      lines.push(
        `| ${finding.severity} | \`${finding.ruleId}\` | ${link(finding, links)} | ${cell(fixFor(finding))} |`,
      );
    }
    if (decision.blocking.length > MAX_BLOCKING)
      lines.push(
        '',
        `… and ${decision.blocking.length - MAX_BLOCKING} more blocking finding(s) in the job summary.`,
      );
  }
  const warnings = decision.verdicts.filter((v) => v.verdict === 'warning');
  if (warnings.length > 0)
    lines.push(
      '',
      '### Warnings (not blocking)',
      '',
      ...listed(warnings, links, (v) => `${v.finding.role} file; ${fixFor(v.finding)}`),
    );
  const suppressed = decision.verdicts.filter((v) => v.verdict === 'suppressed' && v.suppression);
  if (suppressed.length > 0)
    lines.push(
      '',
      '### Suppressed',
      '',
      ...listed(
        suppressed,
        links,
        (v) =>
          `until ${v.suppression?.expires ?? '?'} by ${v.suppression?.owner ?? '?'}: ${v.suppression?.reason ?? ''}`,
      ),
    );
  for (const note of decision.notes) lines.push('', `> ${cell(note)}`);
  lines.push(
    '',
    links.runUrl
      ? `Full results: [job summary and SARIF](${links.runUrl}).`
      : 'Full results: the job summary and SARIF of this run.',
  );
  return `${lines.join('\n')}\n`;
}
