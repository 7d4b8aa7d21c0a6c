import { join } from 'node:path';
import type { Policy } from '../policy/policy.js';
import { createBuiltinAdapter } from './builtin/adapter.js';
import { createDependencyHallucinationCheck } from './builtin/checks/dependency-hallucination.js';
import { createCheckovAdapter } from './checkov/adapter.js';
import { createGitleaksAdapter } from './gitleaks/adapter.js';
import { createOsvAdapter } from './osv/adapter.js';
import { createSarifImportAdapter } from './sarif-import/adapter.js';
import { createSemgrepAdapter } from './semgrep/adapter.js';
import type { ScannerAdapter } from './scanner.js';

export interface RegistryOptions {
  readonly policy: Policy;
  /** Vouch's own root, holding data/. */
  readonly vouchRoot: string;
  readonly vouchVersion: string;
  readonly toolVersion: (id: string) => string;
  /** Other tools' SARIF files to judge too (paths or globs). */
  readonly sarifPatterns: readonly string[];
}

function dependencyOptions(policy: Policy): Parameters<typeof createDependencyHallucinationCheck>[0] {
  const { minAgeDays, offline, npmRegistry, pypiUrl } = policy.dependencies;
  return { minAgeDays, offline, ...(npmRegistry ? { npmRegistry } : {}), ...(pypiUrl ? { pypiUrl } : {}) };
}

/** Every scanner Vouch knows; adding one is one folder under scanners/ and one line here. */
export function createAdapters(options: RegistryOptions): ScannerAdapter[] {
  return [
    createGitleaksAdapter({
      version: options.toolVersion('gitleaks'),
      configPath: join(options.vouchRoot, 'data', 'tools', 'gitleaks.toml'),
      maxFileBytes: options.policy.maxFileBytes,
    }),
    createSemgrepAdapter({
      version: options.toolVersion('semgrep'),
      rulesDir: join(options.vouchRoot, 'data', 'rules', 'semgrep'),
      maxFileBytes: options.policy.maxFileBytes,
    }),
    createCheckovAdapter({
      version: options.toolVersion('checkov'),
      maxFileBytes: options.policy.maxFileBytes,
    }),
    createOsvAdapter({
      version: options.toolVersion('osv-scanner'),
      offlineDbPath: options.policy.osvOfflineDb,
      resolveTransitive: options.policy.osvResolveTransitive,
      unknownSeverity: options.policy.unknownSeverity,
    }),
    createBuiltinAdapter(undefined, options.vouchVersion, {
      repositoryChecks: [createDependencyHallucinationCheck(dependencyOptions(options.policy))],
    }),
    // Imported SARIF is judged only when some was handed in; otherwise there is no scanner to report on.
    ...(options.sarifPatterns.length > 0
      ? [createSarifImportAdapter({ patterns: options.sarifPatterns })]
      : []),
  ];
}
