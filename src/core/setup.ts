import { describeError } from './errors.js';
import { ensureTool, type InstallOptions, type LocatedTool } from './install.js';
import { pinnedTools } from './tools.js';

export type SetupResult =
  | { readonly kind: 'ready'; readonly tool: LocatedTool; readonly durationMs: number }
  | { readonly kind: 'failed'; readonly id: string; readonly message: string; readonly durationMs: number };

export interface SetupReport {
  readonly results: readonly SetupResult[];
  readonly durationMs: number;
}

/**
 * Installs every pinned scanner that neither the cache nor PATH has, all at once: the Go builds are
 * CPU-bound and the pip installs wait on the network, so together they take about as long as the
 * slowest one instead of the sum. Each result says how long its tool took; one failure does not stop
 * the others.
 */
export async function setupTools(
  options: InstallOptions & { readonly only?: readonly string[] },
): Promise<SetupReport> {
  const { clock } = options.ports;
  const started = clock.monotonicMs();
  const pins = pinnedTools().filter((pin) => options.only?.includes(pin.id) ?? true);
  const results = await Promise.all(
    pins.map(async (pin): Promise<SetupResult> => {
      const toolStarted = clock.monotonicMs();
      try {
        const tool = await ensureTool(pin.id, options);
        return { kind: 'ready', tool, durationMs: clock.monotonicMs() - toolStarted };
      } catch (error) {
        return {
          kind: 'failed',
          id: pin.id,
          message: describeError(error),
          durationMs: clock.monotonicMs() - toolStarted,
        };
      }
    }),
  );
  return { results, durationMs: clock.monotonicMs() - started };
}

/** One line per tool and a total: `semgrep 1.180.0: installed in 15.2s (/…/semgrep)`. */
export function setupLines(report: SetupReport): string[] {
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;
  const lines = report.results.map((result) =>
    result.kind === 'ready'
      ? `${result.tool.id} ${result.tool.version}: ${result.tool.source} in ${seconds(result.durationMs)} (${result.tool.path})`
      : `${result.id}: FAILED after ${seconds(result.durationMs)}: ${result.message}`,
  );
  const failed = report.results.filter((result) => result.kind === 'failed').length;
  const ready = report.results.length - failed;
  lines.push(
    `setup: ${ready} scanner(s) ready${failed > 0 ? `, ${failed} failed` : ''} in ${seconds(report.durationMs)}`,
  );
  return lines;
}
