import type { Logger } from '../core/ports.js';

/** Everything but results goes to stderr, so `--format json` output stays parseable. */
export function consoleLogger(write: (text: string) => void, verbose: boolean): Logger {
  return {
    debug: (message) => {
      if (verbose) write(`debug: ${message}`);
    },
    info: (message) => {
      write(message);
    },
    warning: (message) => {
      write(`warning: ${message}`);
    },
    error: (message) => {
      write(`error: ${message}`);
    },
  };
}
