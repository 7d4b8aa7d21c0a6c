import type { ProgressEvent } from './pipeline.js';

/** One line per scanner start and finish, for the CLI's stderr and the action's log. */
export function progressLine(event: ProgressEvent): string {
  switch (event.kind) {
    case 'discovered':
      return `discovered ${event.files} files (${event.skipped} skipped)`;
    case 'scanner-started':
      return `${event.scanner}: started`;
    case 'scanner-finished':
      return `${event.scanner}: ${event.outcome}, ${event.findings} finding(s) in ${(event.durationMs / 1000).toFixed(1)}s`;
  }
}
