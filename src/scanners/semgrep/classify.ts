import type { ScannerErrorCode } from '../../core/errors.js';
import type { ProcessResult } from '../../core/ports.js';
import type { ScanNote } from '../scanner.js';
import type { SemgrepIssue, SemgrepReport, SemgrepResult } from './parse.js';
import { unfinishedProcess } from '../process.js';

export type ReportRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'parsed'; readonly report: SemgrepReport };

/** Notes carry the path as Semgrep reported it; the adapter maps it into the repository. */
export type Classification =
  | { readonly kind: 'clean'; readonly notes: readonly ScanNote[] }
  | {
      readonly kind: 'findings';
      readonly results: readonly SemgrepResult[];
      readonly notes: readonly ScanNote[];
    }
  | { readonly kind: 'error'; readonly code: ScannerErrorCode; readonly message: string };

/** Exit codes `semgrep scan --help` documents as fatal (FACTS.md; 1.180.0 exits 7 for invalid rule YAML). */
const FATAL_EXITS: Readonly<Record<number, string>> = {
  2: 'fatal error',
  4: 'invalid pattern',
  5: 'unparseable rule YAML',
  7: 'missing or invalid configuration',
  8: 'invalid language',
};

/** Exit 3: some target could not be parsed; the run still completed for everything else. */
const TARGET_PARSE_EXIT = 3;

/** Per-file parse failures: the file was scanned in part or not at all. */
const PARSE_PROBLEMS = new Set([
  'Lexical error',
  'Syntax error',
  'Other syntax error',
  'AST builder error',
  'PartialParsing',
]);

/** Per-file analysis limits: some rules stopped early on the file. */
const LIMIT_PROBLEMS = new Set([
  'Timeout',
  'Out of memory',
  'Stack overflow',
  'Too many matches',
  'Fixpoint timeout',
]);

/**
 * Exit code and report together decide; neither is trusted alone. Vouch never passes --error, so findings
 * do not change the exit code.
 *
 * | process                | report                                        | outcome                  |
 * |------------------------|-----------------------------------------------|--------------------------|
 * | not found              | -                                             | error NOT_INSTALLED      |
 * | could not spawn        | -                                             | error SPAWN_FAILED       |
 * | timed out              | -                                             | error TIMEOUT            |
 * | exit 0 or 3            | missing or invalid                            | error BAD_OUTPUT         |
 * | exit 0 or 3            | an `error`-level issue not about one file     | error CRASHED (its text) |
 * | exit 0 or 3            | parsed, no results                            | clean + notes            |
 * | exit 0 or 3            | parsed, results                               | findings + notes         |
 * | exit 2, 4, 5, 7, 8     | parsed, an issue not about one file           | error CRASHED (1st text) |
 * | exit 2, 4, 5, 7, 8     | missing, invalid or no such issue             | error CRASHED (meaning)  |
 * | any other exit, signal | -                                             | error CRASHED            |
 *
 * Notes: a file Semgrep could not parse (or stopped analysing) is named, never quoted: Semgrep's messages for
 * target errors include the unparseable source text.
 */
export function classifySemgrep(result: ProcessResult, report: ReportRead): Classification {
  if (result.kind !== 'exited') return unfinishedProcess('semgrep', result);
  return classifyExit(result.exitCode, result.signal, report);
}

function classifyExit(exitCode: number | null, signal: string | null, report: ReportRead): Classification {
  if (exitCode === 0 || exitCode === TARGET_PARSE_EXIT) return classifyCompleted(exitCode, report);
  const meaning = exitCode === null ? undefined : FATAL_EXITS[exitCode];
  if (meaning !== undefined) {
    const errors = report.kind === 'parsed' ? report.report.errors : [];
    const first = errors.find((issue) => !isFileProblem(issue));
    const detail = first ? issueText(first) : meaning;
    return { kind: 'error', code: 'CRASHED', message: `semgrep failed (exit ${exitCode}): ${detail}` };
  }
  const how = signal ? `was killed by ${signal}` : `exited with code ${exitCode}`;
  return { kind: 'error', code: 'CRASHED', message: `semgrep ${how}` };
}

function classifyCompleted(exitCode: number, read: ReportRead): Classification {
  if (read.kind === 'missing')
    return { kind: 'error', code: 'BAD_OUTPUT', message: 'semgrep wrote no report' };
  if (read.kind === 'invalid')
    return { kind: 'error', code: 'BAD_OUTPUT', message: `unreadable semgrep report: ${read.message}` };
  const { results, errors } = read.report;
  const fatal = errors.find((issue) => issue.level === 'error' && !isFileProblem(issue));
  if (fatal)
    return { kind: 'error', code: 'CRASHED', message: `semgrep reported an error: ${issueText(fatal)}` };
  const notes = errors.map(issueNote);
  if (exitCode === TARGET_PARSE_EXIT && !errors.some((issue) => PARSE_PROBLEMS.has(issue.type))) {
    notes.push({
      message: 'semgrep could not parse some file (exit 3) without naming it; results may be incomplete',
    });
  }
  return results.length > 0 ? { kind: 'findings', results, notes } : { kind: 'clean', notes };
}

function isFileProblem(issue: SemgrepIssue): boolean {
  return issue.path !== undefined && (PARSE_PROBLEMS.has(issue.type) || LIMIT_PROBLEMS.has(issue.type));
}

function issueNote(issue: SemgrepIssue): ScanNote {
  const rule = issue.ruleId === undefined ? '' : ` with rule ${issue.ruleId}`;
  if (issue.path === undefined) return { message: `semgrep ${issue.level}: ${issueText(issue)}` };
  const path = issue.path;
  if (PARSE_PROBLEMS.has(issue.type)) {
    return {
      path,
      message: `semgrep could not fully parse ${path}${lineSpan(issue)} (${issue.type}); findings in it may be missing`,
    };
  }
  if (LIMIT_PROBLEMS.has(issue.type)) {
    return {
      path,
      message: `semgrep stopped analysing ${path}${rule} (${issue.type}); findings in it may be missing`,
    };
  }
  return { path, message: `semgrep reported "${issue.type}" for ${path}${rule}` };
}

function lineSpan(issue: SemgrepIssue): string {
  if (issue.startLine === undefined) return '';
  const end = issue.endLine ?? issue.startLine;
  return end > issue.startLine ? ` at lines ${issue.startLine}-${end}` : ` at line ${issue.startLine}`;
}

/** Only used for issues that are not about a target file: those speak of rules and configuration. */
function issueText(issue: SemgrepIssue): string {
  const text = issue.message.replace(/\s+/g, ' ').trim() || issue.type;
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
