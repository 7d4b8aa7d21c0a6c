import type { LockfileParser } from '../component.js';
import { cargoLockfile } from './cargo.js';
import { composerLockfile } from './composer.js';
import { gemfileLockfile } from './gemfile.js';
import { goModLockfile } from './gomod.js';
import { npmLockfile } from './npm.js';
import { pipfileLockfile } from './pipfile.js';
import { pnpmLockfile } from './pnpm.js';
import { poetryLockfile } from './poetry.js';
import { requirementsLockfile } from './requirements.js';
import { uvLockfile } from './uv.js';
import { yarnLockfile } from './yarn.js';

/** Every lockfile format the SBOM reads; adding one is one module and one line here. */
export const LOCKFILE_PARSERS: readonly LockfileParser[] = [
  npmLockfile,
  yarnLockfile,
  pnpmLockfile,
  requirementsLockfile,
  poetryLockfile,
  pipfileLockfile,
  uvLockfile,
  goModLockfile,
  cargoLockfile,
  gemfileLockfile,
  composerLockfile,
];
