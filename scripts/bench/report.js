// Medians over runs and the printed tables. Every number in a table is the median of --runs measurements.
import { median } from './measure.js';

const seconds = (ms) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));
const megabytes = (kb) => (kb === undefined ? '-' : String(Math.round(kb / 1024)));
const ratio = (value) => (value === undefined ? '-' : `${value.toFixed(2)}x`);
const signedSeconds = (ms) => (ms === undefined ? '-' : `${ms >= 0 ? '+' : ''}${(ms / 1000).toFixed(1)}`);

/** The median of `pick(run)` over a repository's runs. */
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

/** Per repository: medians of everything the tables and the JSON show. Ratios are medians of per-run ratios. */
export function summarizeRepository(repo) {
  const { runs } = repo;
  // Vouch's builtin checks have no "alone" counterpart: they run inside its node process.
  const ids = new Set(
    runs.flatMap((run) => [
      ...Object.keys(run.concurrent.perScannerMs),
      ...Object.keys(run.vouch.phases.perScannerMs),
    ]),
  );
  const perScanner = Object.fromEntries(
    [...ids].map((id) => [
      id,
      {
        aloneMs: med(runs, (run) => run.sequential?.perScannerMs[id]),
        concurrentMs: med(runs, (run) => run.concurrent.perScannerMs[id]),
        cpuMs: med(runs, (run) => run.concurrent.perScannerCpuMs[id]),
        inVouchMs: med(runs, (run) => run.vouch.phases.perScannerMs[id]),
      },
    ]),
  );
  return {
    name: repo.name,
    files: repo.files,
    discoveredFiles: med(runs, (run) => run.vouch.phases.discoveredFiles),
    changedFiles: repo.changedFiles,
    scannersConcurrentMs: med(runs, (run) => run.concurrent.wallMs),
    scannersSumMs: med(runs, (run) => run.sequential?.wallMs),
    vouchMs: med(runs, (run) => run.vouch.wallMs),
    ratio: med(runs, (run) => run.vouch.wallMs / run.concurrent.wallMs),
    overheadMs: med(runs, (run) => run.vouch.wallMs - run.concurrent.wallMs),
    scannersCpuMs: med(runs, (run) => run.concurrent.cpuMs),
    vouchCpuMs: med(runs, (run) => run.vouch.cpuMs),
    cpuRatio: med(runs, (run) => run.vouch.cpuMs / run.concurrent.cpuMs),
    vouchOwnRssKb: med(runs, (run) => run.vouch.ownRssKb),
    vouchOwnCpuMs: med(runs, (run) => run.vouch.ownCpuMs),
    vouchTreeRssKb: med(runs, (run) => run.vouch.peakTreeKb),
    scannersTreeRssKb: med(runs, (run) => run.concurrent.peakTreeKb),
    findings: med(runs, (run) => run.vouch.findings),
    scannerResults: med(runs, (run) => run.concurrent.results),
    prMs: med(runs, (run) => run.pr.wallMs),
    prRatio: med(runs, (run) => run.pr.wallMs / run.vouch.wallMs),
    prCpuRatio: med(runs, (run) => run.pr.cpuMs / run.vouch.cpuMs),
    prBlocking: med(runs, (run) => run.pr.blocking),
    prPreExisting: med(runs, (run) => run.pr.preExisting),
    phases: {
      startupToDiscoveredMs: med(runs, (run) => run.vouch.phases.discoveredMs),
      scanningMs: med(runs, (run) => run.vouch.phases.scanningMs),
      afterScannersMs: med(runs, (run) => run.vouch.phases.afterScannersMs),
      prStartupToDiscoveredMs: med(runs, (run) => run.pr.phases.discoveredMs),
    },
    perScanner,
    problems: [
      ...new Set(
        runs.flatMap((run) => [
          ...run.concurrent.problems,
          ...(run.sequential?.problems ?? []),
          ...run.vouch.problems,
          ...run.pr.problems,
        ]),
      ),
    ],
  };
}

function table(headers, rows) {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => String(row[i]).length)),
  );
  const line = (cells) =>
    cells
      .map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])))
      .join('  ');
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function mainTable(summaries) {
  const headers = [
    'repository',
    'files',
    'scanners ‖ s',
    'scanners Σ s',
    'vouch s',
    'vouch/‖',
    'overhead s',
    'vouch RSS MB',
    'findings',
    'PR s',
    'PR/full',
  ];
  const rows = summaries.map((s) => [
    s.name,
    s.files,
    seconds(s.scannersConcurrentMs),
    seconds(s.scannersSumMs),
    seconds(s.vouchMs),
    ratio(s.ratio),
    signedSeconds(s.overheadMs),
    megabytes(s.vouchOwnRssKb),
    s.findings ?? '-',
    seconds(s.prMs),
    ratio(s.prRatio),
  ]);
  return table(headers, rows);
}

/** Where Vouch's wall time goes, next to what the scanners alone cost. */
export function phaseTable(summaries) {
  const headers = [
    'repository',
    'start→discovered s',
    'scanning s',
    'after scanners s',
    'node CPU s',
    'CPU s (alone / vouch)',
    'CPU vouch/alone',
    'tree RSS MB (alone / vouch)',
    'PR start→discovered s',
    'PR CPU/full',
  ];
  const rows = summaries.map((s) => [
    s.name,
    seconds(s.phases.startupToDiscoveredMs),
    seconds(s.phases.scanningMs),
    seconds(s.phases.afterScannersMs),
    seconds(s.vouchOwnCpuMs),
    `${seconds(s.scannersCpuMs)} / ${seconds(s.vouchCpuMs)}`,
    ratio(s.cpuRatio),
    `${megabytes(s.scannersTreeRssKb)} / ${megabytes(s.vouchTreeRssKb)}`,
    seconds(s.phases.prStartupToDiscoveredMs),
    ratio(s.prCpuRatio),
  ]);
  return table(headers, rows);
}

/** Each scanner alone, side by side with the others, and as Vouch saw it (including its parsing). */
export function scannerTable(summaries) {
  const headers = [
    'repository',
    'scanner',
    'alone s',
    'concurrent s',
    'CPU s',
    'in vouch s',
    'in vouch − concurrent s',
  ];
  const rows = summaries.flatMap((s) =>
    Object.entries(s.perScanner).map(([id, scanner]) => [
      s.name,
      id,
      seconds(scanner.aloneMs),
      seconds(scanner.concurrentMs),
      seconds(scanner.cpuMs),
      seconds(scanner.inVouchMs),
      scanner.inVouchMs !== undefined && scanner.concurrentMs !== undefined
        ? signedSeconds(scanner.inVouchMs - scanner.concurrentMs)
        : '-',
    ]),
  );
  return table(headers, rows);
}
