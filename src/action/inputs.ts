import * as core from '@actions/core';
import { join, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';

/** Everything the action is told, read once and checked. */
export interface ActionSettings {
  readonly workspace: string;
  readonly scanPath: string;
  readonly policy: string;
  readonly outputDir: string;
  readonly cacheDir: string;
  readonly installScanners: boolean;
  readonly annotations: boolean;
}

function booleanInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase();
  if (raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigError('INVALID_INPUT', `input "${name}" must be true or false, got "${raw}"`);
}

function requiredEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value)
    throw new ConfigError(
      'INVALID_INPUT',
      `${name} is not set; Vouch must run as a step of a GitHub Actions job`,
    );
  return value;
}

/** The workspace comes from GITHUB_WORKSPACE, never from the action's own directory. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): ActionSettings {
  const workspace = resolve(requiredEnv(env, 'GITHUB_WORKSPACE'));
  const scanPath = resolve(workspace, core.getInput('path') || '.');
  if (scanPath !== workspace && !scanPath.startsWith(`${workspace}/`)) {
    throw new ConfigError(
      'INVALID_INPUT',
      `input "path" must stay inside the workspace, got "${core.getInput('path')}"`,
    );
  }
  const temp = env.RUNNER_TEMP ?? join(workspace, '.vouch-tmp');
  const outputInput = core.getInput('output-dir');
  return {
    workspace,
    scanPath,
    policy: core.getInput('policy') || 'default',
    outputDir: outputInput ? resolve(workspace, outputInput) : join(temp, 'vouch-results'),
    cacheDir: join(env.RUNNER_TOOL_CACHE ?? join(temp, 'tool-cache'), 'vouch'),
    installScanners: booleanInput('install-scanners', true),
    annotations: booleanInput('annotations', true),
  };
}
