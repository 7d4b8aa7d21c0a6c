import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
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
  /** The pull request's base commit, from the event; undefined outside pull requests. */
  readonly base?: string;
  /** Other tools' SARIF files (paths or globs, one per line or comma-separated). */
  readonly sarif: readonly string[];
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

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);

/** The base commit of a pull request (or merge queue entry) from the event payload. */
function baseCommit(env: NodeJS.ProcessEnv): string | undefined {
  const name = env.GITHUB_EVENT_NAME ?? '';
  if (!PULL_REQUEST_EVENTS.has(name) || !env.GITHUB_EVENT_PATH) return undefined;
  let event: unknown;
  try {
    event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch (cause) {
    throw new ConfigError('INVALID_INPUT', `cannot read the ${name} event payload at GITHUB_EVENT_PATH`, {
      cause,
    });
  }
  const payload = event as {
    pull_request?: { base?: { sha?: unknown } };
    merge_group?: { base_sha?: unknown };
  };
  const sha = name === 'merge_group' ? payload.merge_group?.base_sha : payload.pull_request?.base?.sha;
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha)) {
    throw new ConfigError('INVALID_INPUT', `the ${name} event payload has no base commit sha`);
  }
  return sha;
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
    base: baseCommit(env),
    sarif: core
      .getMultilineInput('sarif')
      .flatMap((line) => line.split(','))
      .map((pattern) => pattern.trim())
      .filter((pattern) => pattern !== ''),
  };
}
