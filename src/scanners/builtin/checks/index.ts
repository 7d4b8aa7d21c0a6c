import type { Check } from '../check.js';
import { actionsUnpinned } from './actions-unpinned.js';

/** Every builtin check; adding one is one file under checks/, one under data/checks/ and one line here. */
export const ALL_CHECKS: readonly Check[] = [actionsUnpinned];
