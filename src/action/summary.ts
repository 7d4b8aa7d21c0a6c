import * as core from '@actions/core';
import type { GateResult } from '../core/pipeline.js';
import { SEVERITIES } from '../findings/severity.js';

const TOP = 15;

function location(path: string, line: number | undefined): string {
  return line === undefined ? path : `${path}:${line}`;
}

/** The job summary: decision, reasons, scanner problems, counts by severity, top findings. */
export async function writeSummary(result: GateResult): Promise<void> {
  const { decision } = result;
  const summary = core.summary.addHeading(`Vouch: ${decision.status.toUpperCase()}`, 2);
  if (decision.problems.length > 0) {
    summary
      .addHeading('Scanner problems', 3)
      .addList(decision.problems.map((p) => `${p.fatal ? '❌' : '⚠️'} ${p.scanner}: ${p.message}`));
  }
  if (decision.blocking.length > 0) {
    summary.addHeading(`Why it is blocked (${decision.blocking.length})`, 3);
    summary.addList(
      decision.blocking
        .slice(0, TOP)
        .map(
          ({ finding, reason }) =>
            `${finding.ruleId} at ${location(finding.location.path, finding.location.region?.startLine)}: ${reason}`,
        ),
    );
  }
  summary.addHeading('Findings by severity', 3).addTable([
    [
      { data: 'Severity', header: true },
      { data: 'Findings', header: true },
    ],
    ...SEVERITIES.map((s) => [s, String(decision.counts.bySeverity[s])]),
  ]);
  summary.addHeading('Top findings', 3).addTable([
    [
      { data: 'Severity', header: true },
      { data: 'Rule', header: true },
      { data: 'Location', header: true },
      { data: 'Message', header: true },
    ],
    ...result.findings
      .slice(0, TOP)
      .map((f) => [f.severity, f.ruleId, location(f.location.path, f.location.region?.startLine), f.message]),
  ]);
  summary.addHeading('Scanners', 3).addTable([
    [
      { data: 'Scanner', header: true },
      { data: 'Outcome', header: true },
      { data: 'Findings', header: true },
      { data: 'Seconds', header: true },
    ],
    ...result.scanners.map((s) => [
      s.scanner,
      s.outcome.kind,
      String(s.findings.length),
      (s.durationMs / 1000).toFixed(1),
    ]),
  ]);
  await summary.write();
}
