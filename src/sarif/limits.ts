import { gzipSync } from 'node:zlib';
import { isSeverity, severityRank } from '../findings/severity.js';
import type { SarifLevel, SarifLog, SarifNotification, SarifResult, SarifRun } from './types.js';

/** GitHub code scanning's upload limits (FACTS.md, "GitHub code scanning and SARIF"). */
export interface GithubLimits {
  readonly maxRuns: number;
  readonly maxResultsPerRun: number;
  readonly maxLocationsPerResult: number;
  /** "10 MB" gzipped; counted in decimal megabytes so either reading of the unit is safe. */
  readonly maxGzipBytes: number;
}

export const GITHUB_LIMITS: GithubLimits = {
  maxRuns: 20,
  maxResultsPerRun: 25_000,
  maxLocationsPerResult: 1_000,
  maxGzipBytes: 10_000_000,
};

export interface LimitedSarif {
  readonly log: SarifLog;
  /** One line per run that lost something, for the job log and summary. */
  readonly notes: string[];
}

/** Results kept in one run: indices into the run's (location-capped) results, in their original order. */
type Selection = readonly number[];

interface RunState {
  readonly run: SarifRun;
  readonly results: readonly SarifResult[];
  readonly reasons: string[];
  readonly truncatedLocations: number;
}

/** For foreign results without Vouch's own severity, the level's usual severity. */
const RANK_BY_LEVEL: Readonly<Record<SarifLevel, number>> = {
  error: severityRank('high'),
  warning: severityRank('medium'),
  note: severityRank('low'),
  none: severityRank('info'),
};

function rankOf(result: SarifResult): number {
  const declared = result.properties?.['vouch/severity'];
  return isSeverity(declared) ? severityRank(declared) : RANK_BY_LEVEL[result.level];
}

/** Most severe first, then by path and line, so what survives trimming is predictable. */
function compareForKeeping(a: SarifResult, b: SarifResult): number {
  const locationA = a.locations[0]?.physicalLocation;
  const locationB = b.locations[0]?.physicalLocation;
  const uriA = locationA?.artifactLocation.uri ?? '';
  const uriB = locationB?.artifactLocation.uri ?? '';
  return (
    rankOf(a) - rankOf(b) ||
    (uriA < uriB ? -1 : uriA > uriB ? 1 : 0) ||
    (locationA?.region?.startLine ?? 0) - (locationB?.region?.startLine ?? 0)
  );
}

function capLocations(run: SarifRun, max: number): RunState {
  let truncatedLocations = 0;
  const results = run.results.map((result) => {
    if (result.locations.length <= max) return result;
    truncatedLocations++;
    return { ...result, locations: result.locations.slice(0, max) };
  });
  return { run, results, reasons: [], truncatedLocations };
}

/** The `count` results to keep across all runs, by `compareForKeeping`. */
function keepMostSevere(
  states: readonly RunState[],
  selections: readonly Selection[],
  count: number,
): Selection[] {
  const candidates = selections.flatMap((selection, run) =>
    selection.map((index) => ({ run, index, result: states[run]?.results[index] })),
  );
  const kept = candidates
    .filter(
      (candidate): candidate is typeof candidate & { result: SarifResult } => candidate.result !== undefined,
    )
    .sort((a, b) => compareForKeeping(a.result, b.result))
    .slice(0, count);
  return selections.map((_, run) =>
    kept
      .filter((candidate) => candidate.run === run)
      .map((candidate) => candidate.index)
      .sort((a, b) => a - b),
  );
}

function withNotice(run: SarifRun, notice: SarifNotification): SarifRun {
  const [first, ...rest] = run.invocations ?? [];
  const invocation = first ?? { executionSuccessful: true };
  const notifications = [...(invocation.toolExecutionNotifications ?? []), notice];
  return { ...run, invocations: [{ ...invocation, toolExecutionNotifications: notifications }, ...rest] };
}

function noticeText(state: RunState, kept: number): string | undefined {
  const parts: string[] = [];
  const dropped = state.results.length - kept;
  if (dropped > 0) {
    parts.push(
      `Vouch left out ${dropped} of ${state.results.length} results (${state.reasons.join('; ')}), ` +
        "keeping the most severe; the full list is in Vouch's JSON output.",
    );
  }
  if (state.truncatedLocations > 0) {
    parts.push(
      `${state.truncatedLocations} result${state.truncatedLocations === 1 ? '' : 's'} had more locations than GitHub accepts; only the first were kept.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function assemble(
  log: SarifLog,
  states: readonly RunState[],
  selections: readonly Selection[],
): LimitedSarif {
  const notes: string[] = [];
  const runs = states.map((state, run) => {
    const selection = selections[run] ?? [];
    const results = selection.flatMap((index) => state.results[index] ?? []);
    const text = noticeText(state, selection.length);
    if (text === undefined) return { ...state.run, results };
    notes.push(`${state.run.tool.driver.name}: ${text}`);
    return withNotice({ ...state.run, results }, { level: 'warning', message: { text } });
  });
  return { log: { ...log, runs }, notes };
}

function capResultsPerRun(states: readonly RunState[], max: number): Selection[] {
  return states.map((state, run) => {
    const all = state.results.map((_, index) => index);
    if (all.length <= max) return all;
    state.reasons.push(`GitHub accepts at most ${max} results per run`);
    const onlyThisRun = states.map((_, other) => (other === run ? all : []));
    return keepMostSevere(states, onlyThisRun, max)[run] ?? [];
  });
}

/** Halves the number of results, least severe out first, until the gzipped log fits. */
function fitGzipSize(
  log: SarifLog,
  states: readonly RunState[],
  initial: Selection[],
  maxBytes: number,
): LimitedSarif {
  const reason = `the upload must stay under ${maxBytes} bytes gzipped`;
  let selections = initial;
  let limited = assemble(log, states, selections);
  let total = selections.reduce((sum, selection) => sum + selection.length, 0);
  while (gzipSync(JSON.stringify(limited.log)).length > maxBytes) {
    if (total === 0) throw new Error(`SARIF: even without results the log exceeds ${maxBytes} bytes gzipped`);
    total = Math.floor(total / 2);
    const before = selections;
    selections = keepMostSevere(states, selections, total);
    for (const [run, state] of states.entries()) {
      const shrank = (selections[run]?.length ?? 0) < (before[run]?.length ?? 0);
      if (shrank && !state.reasons.includes(reason)) state.reasons.push(reason);
    }
    limited = assemble(log, states, selections);
  }
  return limited;
}

/**
 * Trims a SARIF log to what GitHub accepts, saying in each affected run (and in `notes`) what was left out.
 * More runs than allowed is a programming error (Vouch emits one run per tool), so it throws.
 */
export function applyLimits(log: SarifLog, overrides: Partial<GithubLimits> = {}): LimitedSarif {
  const limits: GithubLimits = { ...GITHUB_LIMITS, ...overrides };
  if (log.runs.length > limits.maxRuns) {
    throw new Error(
      `SARIF: ${log.runs.length} runs, but GitHub accepts at most ${limits.maxRuns} per upload`,
    );
  }
  const states = log.runs.map((run) => capLocations(run, limits.maxLocationsPerResult));
  return fitGzipSize(log, states, capResultsPerRun(states, limits.maxResultsPerRun), limits.maxGzipBytes);
}
