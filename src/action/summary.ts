import * as core from '@actions/core';
import type { GateResult } from '../core/pipeline.js';
import { SEVERITIES } from '../findings/severity.js';
import { owaspTable, reasonLines, roleTable } from '../policy/explain.js';
import type { OwaspEdition } from '../findings/taxonomy.js';

const TOP = 15;

function location(path: string, line: number | undefined): string {
  return line === undefined ? path : `${path}:${line}`;
}

function header(...names: string[]): { data: string; header: true }[] {
  return names.map((data) => ({ data, header: true }));
}

function addOwasp(summary: typeof core.summary, result: GateResult, edition: OwaspEdition): void {
  const rows = owaspTable(result.decision, edition);
  if (rows.length === 0) return;
  summary
    .addHeading(`OWASP Top 10 ${edition}`, 3)
    .addTable([
      header('Category', 'Findings', 'Blocking', 'New', 'Suppressed'),
      ...rows.map((r) => [
        `${r.category} ${r.title}`,
        String(r.total),
        String(r.blocking),
        String(r.new),
        String(r.suppressed),
      ]),
    ]);
}

function addRoles(summary: typeof core.summary, result: GateResult): void {
  const rows = roleTable(result.decision);
  if (rows.length === 0) return;
  summary
    .addHeading('Findings by file role and mode', 3)
    .addTable([
      header('Role', 'Findings', 'Block', 'Warn', 'Report', 'Blocking', 'Warnings'),
      ...rows.map((r) => [r.role, r.total, r.block, r.warn, r.report, r.blocking, r.warnings].map(String)),
    ]);
}

/** The job summary: decision, reasons, OWASP tables, counts by severity, top findings, scanners. */
export async function writeSummary(result: GateResult): Promise<void> {
  const { decision } = result;
  const summary = core.summary.addHeading(`Vouch: ${decision.status.toUpperCase()}`, 2);
  const reasons = reasonLines(decision);
  if (reasons.length > 0) summary.addHeading('Reasons', 3).addList(reasons.slice(0, 50));
  addRoles(summary, result);
  addOwasp(summary, result, '2025');
  addOwasp(summary, result, '2021');
  summary
    .addHeading('Findings by severity', 3)
    .addTable([
      header('Severity', 'Findings'),
      ...SEVERITIES.map((s) => [s, String(decision.counts.bySeverity[s])]),
    ]);
  summary
    .addHeading('Top findings', 3)
    .addTable([
      header('Severity', 'Verdict', 'Role', 'Rule', 'Location', 'Message'),
      ...decision.verdicts
        .slice(0, TOP)
        .map(({ finding: f, verdict }) => [
          f.severity,
          verdict,
          f.role,
          f.ruleId,
          location(f.location.path, f.location.region?.startLine),
          f.message,
        ]),
    ]);
  summary
    .addHeading('Scanners', 3)
    .addTable([
      header('Scanner', 'Outcome', 'Findings', 'Seconds'),
      ...result.scanners.map((s) => [
        s.scanner,
        s.outcome.kind,
        String(s.findings.length),
        (s.durationMs / 1000).toFixed(1),
      ]),
    ]);
  await summary.write();
}
