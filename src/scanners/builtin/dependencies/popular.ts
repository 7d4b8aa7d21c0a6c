import npm from '../../../../data/popular-packages/npm.json' with { type: 'json' };
import pypi from '../../../../data/popular-packages/pypi.json' with { type: 'json' };
import { popularIndex, type PopularIndex } from './typosquat.js';
import type { Ecosystem } from './types.js';

/** The shipped popular-name lists (see data/popular-packages/README.md), indexed once. */
export const POPULAR: Readonly<Record<Ecosystem, PopularIndex>> = {
  npm: popularIndex('npm', npm.names),
  pypi: popularIndex('pypi', pypi.names),
};
