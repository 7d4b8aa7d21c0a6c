import type { Decision } from '../core/decision.js';
import type { OwaspEdition } from '../findings/taxonomy.js';
import { owaspCategoryTitles } from '../findings/taxonomy.js';
import { FILE_ROLES, type FileRole } from '../findings/roles.js';

export interface RoleRow {
  readonly role: FileRole;
  readonly total: number;
  /** How many the policy's `modes` enforce in each mode. */
  readonly block: number;
  readonly warn: number;
  readonly report: number;
  /** Verdicts: how many broke the policy and block, and how many broke it and only warn. */
  readonly blocking: number;
  readonly warnings: number;
}

/** Counts per file role and enforcement mode, for the roles that have findings, in FILE_ROLES order. */
export function roleTable(decision: Decision): RoleRow[] {
  return FILE_ROLES.flatMap((role) => {
    const ofRole = decision.verdicts.filter((v) => v.finding.role === role);
    if (ofRole.length === 0) return [];
    const count = (test: (v: (typeof ofRole)[number]) => boolean) => ofRole.filter(test).length;
    return [
      {
        role,
        total: ofRole.length,
        block: count((v) => v.mode === 'block'),
        warn: count((v) => v.mode === 'warn'),
        report: count((v) => v.mode === 'report'),
        blocking: count((v) => v.verdict === 'blocking'),
        warnings: count((v) => v.verdict === 'warning'),
      },
    ];
  });
}

export interface CategoryRow {
  /** `A05:2025`, or `none` for findings no category lists. */
  readonly category: string;
  readonly title: string;
  readonly total: number;
  readonly blocking: number;
  readonly new: number;
  readonly suppressed: number;
}

/** Counts per OWASP Top 10 category of one edition; a finding in two categories counts in both. */
export function owaspTable(decision: Decision, edition: OwaspEdition): CategoryRow[] {
  const titles = owaspCategoryTitles(edition);
  const rows = new Map<string, { total: number; blocking: number; new: number; suppressed: number }>();
  for (const verdict of decision.verdicts) {
    const ids = edition === '2021' ? verdict.finding.owasp2021 : verdict.finding.owasp2025;
    for (const id of ids.length > 0 ? ids : ['none']) {
      const row = rows.get(id) ?? { total: 0, blocking: 0, new: 0, suppressed: 0 };
      row.total += 1;
      if (verdict.verdict === 'blocking') row.blocking += 1;
      if (verdict.isNew) row.new += 1;
      if (verdict.verdict === 'suppressed') row.suppressed += 1;
      rows.set(id, row);
    }
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a === 'none' ? 1 : b === 'none' ? -1 : a.localeCompare(b)))
    .map(([category, row]) => ({
      category,
      title: titles.get(category) ?? 'not in the OWASP Top 10',
      ...row,
    }));
}

/** One line per reason the decision is not a plain pass: scanner problems, policy notes, blocking findings. */
export function reasonLines(decision: Decision): string[] {
  return [
    ...decision.problems.map((p) => `${p.fatal ? 'ERROR' : 'warning'} ${p.scanner}: ${p.message}`),
    ...decision.notes.map((note) => `note: ${note}`),
    ...decision.blocking.map(({ finding, reason }) => {
      const line = finding.location.region?.startLine;
      return `${finding.ruleId} at ${finding.location.path}${line === undefined ? '' : `:${line}`}: ${reason}`;
    }),
  ];
}
