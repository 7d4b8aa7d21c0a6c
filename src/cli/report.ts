import type { GateResult } from '../core/pipeline.js';
import { SEVERITIES } from '../findings/severity.js';
import { owaspTable, roleTable } from '../policy/explain.js';

const TOP_FINDINGS = 20;

function where(path: string, line: number | undefined, column: number | undefined): string {
  return [path, line, column].filter((part) => part !== undefined).join(':');
}

function owaspLines(result: GateResult): string[] {
  const rows = owaspTable(result.decision, '2025');
  if (rows.length === 0) return [];
  return [
    'OWASP Top 10 2025                              total  blocking  new  suppressed',
    ...rows.map(
      (r) =>
        `  ${`${r.category} ${r.title}`.slice(0, 45).padEnd(45)}${String(r.total).padStart(5)}${String(r.blocking).padStart(10)}${String(r.new).padStart(5)}${String(r.suppressed).padStart(12)}`,
    ),
  ];
}

function roleLines(result: GateResult): string[] {
  const rows = roleTable(result.decision);
  if (rows.length === 0) return [];
  const cells = (values: (string | number)[]) =>
    values.map((v, i) => (i === 0 ? String(v).padEnd(12) : String(v).padStart(9))).join('');
  return [
    `  ${cells(['role', 'findings', 'block', 'warn', 'report', 'blocking', 'warnings'])}`,
    ...rows.map((r) => `  ${cells([r.role, r.total, r.block, r.warn, r.report, r.blocking, r.warnings])}`),
  ];
}

/** The final human summary: decision, scanner problems, policy notes, reasons, counts, OWASP table, outputs. */
export function textReport(result: GateResult): string {
  const { decision } = result;
  const lines = [`Decision: ${decision.status.toUpperCase()}`];
  for (const problem of decision.problems) {
    lines.push(`  ${problem.fatal ? 'ERROR' : 'warning'} ${problem.scanner}: ${problem.message}`);
  }
  for (const note of decision.notes) lines.push(`  note: ${note}`);
  lines.push(...scannerNoteLines(result));
  if (decision.blocking.length > 0) lines.push(`Blocking findings (${decision.blocking.length}):`);
  for (const { finding, reason } of decision.blocking.slice(0, TOP_FINDINGS)) {
    const region = finding.location.region;
    lines.push(
      `  ${finding.severity.toUpperCase()} ${finding.ruleId} ${where(finding.location.path, region?.startLine, region?.startColumn)}`,
    );
    lines.push(`      ${finding.message}`);
    lines.push(`      why blocking: ${reason}`);
  }
  if (decision.blocking.length > TOP_FINDINGS)
    lines.push(`  … and ${decision.blocking.length - TOP_FINDINGS} more in the SARIF file`);
  lines.push(...warningLines(result));
  const counts = SEVERITIES.map((s) => `${s} ${decision.counts.bySeverity[s]}`).join(', ');
  lines.push(
    `Findings: ${decision.counts.total} (${counts}); blocking: ${decision.counts.blocking}; warnings: ${decision.counts.warnings}; suppressed: ${decision.counts.suppressed}; pre-existing: ${decision.counts.preExisting}`,
  );
  lines.push(...roleLines(result));
  lines.push(...owaspLines(result));
  for (const note of result.outputs.sarifNotes) lines.push(`SARIF note: ${note}`);
  lines.push(`SARIF: ${result.outputs.sarifFile}`);
  lines.push(`Results: ${result.outputs.resultsFile}`);
  return lines.join('\n');
}

const TOP_WARNINGS = 10;

/** Findings that broke the policy where it only warns: listed, never failing. */
function warningLines(result: GateResult): string[] {
  const warnings = result.decision.verdicts.filter((v) => v.verdict === 'warning');
  if (warnings.length === 0) return [];
  const lines = [`Warnings (${warnings.length}, not blocking):`];
  for (const { finding, reasons } of warnings.slice(0, TOP_WARNINGS)) {
    const region = finding.location.region;
    lines.push(
      `  ${finding.severity.toUpperCase()} ${finding.ruleId} ${where(finding.location.path, region?.startLine, region?.startColumn)} [${finding.role}]`,
    );
    lines.push(`      why warning: ${reasons.join('; ')}`);
  }
  if (warnings.length > TOP_WARNINGS)
    lines.push(`  … and ${warnings.length - TOP_WARNINGS} more in the results file`);
  return lines;
}

const MAX_SCANNER_NOTES = 10;

/** What scanners said besides findings (files they could not parse, results not reported, …). */
function scannerNoteLines(result: GateResult): string[] {
  const notes = result.scanners.flatMap((run) =>
    run.outcome.kind === 'clean' || run.outcome.kind === 'findings'
      ? run.outcome.notes.map((note) => `${run.scanner}: ${note.message}`)
      : [],
  );
  const lines = notes.slice(0, MAX_SCANNER_NOTES).map((note) => `  note: ${note}`);
  if (notes.length > MAX_SCANNER_NOTES)
    lines.push(`  … and ${notes.length - MAX_SCANNER_NOTES} more scanner notes in the results file`);
  return lines;
}

export function jsonReport(result: GateResult): string {
  const { decision } = result;
  return JSON.stringify(
    {
      decision: decision.status,
      counts: decision.counts,
      blocking: decision.blocking.map(({ finding, reason }) => ({ ...finding, reason })),
      problems: decision.problems,
      notes: decision.notes,
      owasp2025: owaspTable(decision, '2025'),
      owasp2021: owaspTable(decision, '2021'),
      roles: roleTable(decision),
      findings: decision.verdicts.map(({ finding, verdict, mode, isNew, reasons }) => ({
        ...finding,
        verdict,
        mode,
        isNew,
        reasons,
      })),
      scanners: result.scanners.map((run) => ({
        id: run.scanner,
        outcome: run.outcome.kind,
        findings: run.findings.length,
        ...(run.outcome.kind === 'clean' || run.outcome.kind === 'findings'
          ? { notes: run.outcome.notes }
          : {}),
      })),
      sarifFile: result.outputs.sarifFile,
      resultsFile: result.outputs.resultsFile,
    },
    null,
    2,
  );
}
