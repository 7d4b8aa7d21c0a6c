import { join } from 'node:path';
import type { Policy } from '../policy/policy.js';
import { createBuiltinAdapter } from './builtin/adapter.js';
import { createGitleaksAdapter } from './gitleaks/adapter.js';
import type { ScannerAdapter } from './scanner.js';

export interface RegistryOptions {
  readonly policy: Policy;
  /** Vouch's own root, holding data/. */
  readonly vouchRoot: string;
  readonly vouchVersion: string;
  readonly toolVersion: (id: string) => string;
}

/** Every scanner Vouch knows; adding one is one folder under scanners/ and one line here. */
export function createAdapters(options: RegistryOptions): ScannerAdapter[] {
  return [
    createGitleaksAdapter({
      version: options.toolVersion('gitleaks'),
      configPath: join(options.vouchRoot, 'data', 'tools', 'gitleaks.toml'),
      maxFileBytes: options.policy.maxFileBytes,
    }),
    createBuiltinAdapter(undefined, options.vouchVersion),
  ];
}
