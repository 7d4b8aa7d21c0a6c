// Medians over runs and the printed tables. Every number is the median of --runs measurements; ratios are
// medians of per-run ratios. The targets are issue 12's; the benchmark prints them, it never asserts them.
import { median } from './measure.js';
import { SCANNERS } from './run.js';

const seconds = (ms) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));
const megabytes = (kb) => (kb === undefined ? '-' : String(Math.round(kb / 1024)));
const ratio = (value) => (value === undefined ? '-' : `${value.toFixed(2)}x`);
const percent = (value) => (value === undefined ? '-' : `${(value * 100).toFixed(1)}%`);

export const TARGETS = { fullOverSum: 0.6, fullOverSlowest: 1.05, prOverFull: 0.15, ownShare: 0.05 };

function med(runs, pick) {
  return median(
    runs.map((run) => {
      try {
        return pick(run);
      } catch {
        return undefined;
      }
    }),
  );
}

const slowest = (run) => Math.max(...SCANNERS.map((id) => run.alone.perScanner[id]?.wallMs ?? 0));
const ownMs = (scan) => scan.phases.discoveredMs + scan.phases.afterScannersMs;

export function summarizeRepository(repo) {
  const { runs } = repo;
  const alone = Object.fromEntries(
    SCANNERS.map((id) => [
      id,
      {
        wallMs: med(runs, (run) => run.alone.perScanner[id].wallMs),
        processMs: med(runs, (run) => run.alone.perScanner[id].processMs),
        results: med(runs, (run) => run.alone.perScanner[id].results),
        inVouchMs: med(runs, (run) => run.full.phases.perScannerMs[id]),
        inPullRequestMs: med(runs, (run) => run.pr.phases.perScannerMs[id]),
      },
    ]),
  );
  return {
    name: repo.name,
    files: repo.files,
    changedFiles: repo.changedFiles,
    catMs: med(runs, (run) => run.cat.wallMs),
    alone,
    sumMs: med(runs, (run) => run.alone.sumMs),
    slowestMs: med(runs, slowest),
    slowestId: SCANNERS.reduce((a, b) => ((alone[a].wallMs ?? 0) >= (alone[b].wallMs ?? 0) ? a : b)),
    fullMs: med(runs, (run) => run.full.wallMs),
    prMs: med(runs, (run) => run.pr.wallMs),
    ownMs: med(runs, (run) => ownMs(run.full)),
    fullOverSum: med(runs, (run) => run.full.wallMs / run.alone.sumMs),
    fullOverSlowest: med(runs, (run) => run.full.wallMs / slowest(run)),
    prOverFull: med(runs, (run) => run.pr.wallMs / run.full.wallMs),
    ownShare: med(runs, (run) => ownMs(run.full) / run.full.wallMs),
    vouchOwnRssKb: med(runs, (run) => run.full.ownRssKb),
    vouchTreeRssKb: med(runs, (run) => run.full.peakTreeKb),
    aloneTreeRssKb: med(runs, (run) => run.alone.peakTreeKb),
    findings: med(runs, (run) => run.full.findings),
    prFindings: med(runs, (run) => run.pr.findings),
    problems: [
      ...new Set(runs.flatMap((run) => [run.cat, run.alone, run.full, run.pr].flatMap((m) => m.problems))),
    ],
  };
}

function table(header, rows) {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padStart(widths[i])).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

const verdict = (value, target) => (value === undefined ? '' : value <= target ? ' ok' : ' OVER');

export function ratioTable(summaries) {
  return table(
    [
      'repository',
      'files',
      'PR files',
      'full s',
      'Σ alone s',
      `full/Σ (≤${TARGETS.fullOverSum})`,
      'slowest alone s',
      `full/slowest (≤${TARGETS.fullOverSlowest})`,
      'PR s',
      `PR/full (≤${TARGETS.prOverFull})`,
      `own (≤${percent(TARGETS.ownShare)})`,
    ],
    summaries.map((s) => [
      s.name,
      s.files,
      s.changedFiles,
      seconds(s.fullMs),
      seconds(s.sumMs),
      ratio(s.fullOverSum) + verdict(s.fullOverSum, TARGETS.fullOverSum),
      `${seconds(s.slowestMs)} ${s.slowestId}`,
      ratio(s.fullOverSlowest) + verdict(s.fullOverSlowest, TARGETS.fullOverSlowest),
      seconds(s.prMs),
      ratio(s.prOverFull) + verdict(s.prOverFull, TARGETS.prOverFull),
      percent(s.ownShare) + verdict(s.ownShare, TARGETS.ownShare),
    ]),
  );
}

export function scannerTable(summaries) {
  return table(
    ['repository', 'scanner', 'alone s', 'its processes s', 'results', 'in vouch s', 'in PR s'],
    summaries.flatMap((s) =>
      SCANNERS.map((id) => [
        s.name,
        id,
        seconds(s.alone[id].wallMs),
        seconds(s.alone[id].processMs),
        s.alone[id].results ?? '-',
        seconds(s.alone[id].inVouchMs),
        seconds(s.alone[id].inPullRequestMs),
      ]),
    ),
  );
}

export function resourceTable(summaries) {
  return table(
    [
      'repository',
      'cat s',
      'vouch own s',
      'vouch RSS MB',
      'vouch tree RSS MB',
      'alone tree RSS MB',
      'findings',
      'PR findings',
    ],
    summaries.map((s) => [
      s.name,
      seconds(s.catMs),
      seconds(s.ownMs),
      megabytes(s.vouchOwnRssKb),
      megabytes(s.vouchTreeRssKb),
      megabytes(s.aloneTreeRssKb),
      s.findings ?? '-',
      s.prFindings ?? '-',
    ]),
  );
}
