import * as core from '@actions/core';
import type { Logger } from '../core/ports.js';

export const actionsLogger: Logger = {
  debug: (message) => {
    core.debug(message);
  },
  info: (message) => {
    core.info(message);
  },
  warning: (message) => {
    core.warning(message);
  },
  error: (message) => {
    core.error(message);
  },
};
