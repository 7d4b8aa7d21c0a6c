import type { Clock, HttpClient } from '../../../../src/core/ports.js';
import type { Detection } from '../../../../src/findings/finding.js';
import type { CheckResult } from '../../../../src/scanners/builtin/check.js';
import type { RepositoryView } from '../../../../src/scanners/builtin/repository-check.js';

export const NOW = new Date('2026-11-21T12:00:00.000Z');
export const fixedClock: Clock = { now: () => NOW, monotonicMs: () => 0 };

/** A date `days` before NOW, as registries write it. */
export function daysAgo(days: number): string {
  return new Date(NOW.getTime() - days * 86_400_000).toISOString();
}

export const noNetwork: HttpClient = {
  get: () => Promise.reject(new Error('this test must not use the network')),
};

/** A repository held in memory; `readText` answers undefined for paths it does not hold, as the adapter does. */
export function memoryRepo(
  files: Readonly<Record<string, string>>,
  http: HttpClient = noNetwork,
): RepositoryView {
  return {
    files: Object.keys(files),
    readText: (path) => Promise.resolve(files[path]),
    http,
    clock: fixedClock,
  };
}

/** `rule-name path:line` for each detection, sorted, for compact expectations. */
export function summary(result: CheckResult): string[] {
  return result.detections.map(brief).sort();
}

export function brief(detection: Detection): string {
  const rule = detection.ruleId.replace(/^builtin\/dependency-/, '');
  return `${rule} ${detection.location.path}:${detection.location.region?.startLine ?? 0}`;
}
