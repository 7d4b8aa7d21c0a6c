import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { parseShard, type ShardSpec } from '../core/shard.js';
import type { RepositoryInfo } from '../core/sbom-output.js';
import type { PullRequestRef, RepositoryRef, SarifTarget } from '../github/client.js';

/** Everything the action is told, read once and checked. */
export interface ActionSettings {
  readonly workspace: string;
  readonly scanPath: string;
  readonly policy: string;
  readonly outputDir: string;
  readonly cacheDir: string;
  readonly installScanners: boolean;
  /** Keep the installed scanners in the Actions cache between runs. */
  readonly cacheScanners: boolean;
  readonly annotations: boolean;
  /** The pull request's base commit, from the event; undefined outside pull requests. */
  readonly base?: string;
  /** Other tools' SARIF files (paths or globs, one per line or comma-separated). */
  readonly sarif: readonly string[];
  readonly signing: SigningChoice;
  /** Build outputs the decision attestation names (globs relative to the workspace). */
  readonly subjects: readonly string[];
  readonly repository: RepositoryInfo;
  readonly verifierId: string;
  /** Set on pull_request events: where the sticky comment goes. */
  readonly pullRequest?: PullRequestRef & { readonly headSha: string };
  /** Comment on the pull request (`pr-comment`: auto comments when there is a pull request and a token). */
  readonly prComment: boolean;
  readonly githubToken: string;
  /** Publish a check run with every blocking finding and warning as annotations (`check-run`). */
  readonly checkRunTarget?: RepositoryRef & { readonly headSha: string };
  /** Upload the SARIF to code scanning for this commit and ref (`upload-sarif`). */
  readonly uploadTarget?: SarifTarget;
  /** `shard: i/n`: scan one part of the files. */
  readonly shard?: ShardSpec;
  /** `merge-results`: judge these shards' results instead of scanning. */
  readonly mergeResults: readonly string[];
  /** GITHUB_SERVER_URL, and the run's page for links. */
  readonly serverUrl: string;
  readonly runUrl?: string;
}

export type SigningChoice =
  | { readonly mode: 'none' | 'unsigned' | 'keyless' }
  | { readonly mode: 'key'; readonly privateKeyPem: string }
  | { readonly mode: 'auto' };

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

function listInput(name: string): string[] {
  return core
    .getMultilineInput(name)
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const SIGNING_MODES = ['auto', 'keyless', 'key', 'unsigned', 'none'] as const;

/** keyless needs `id-token: write`; key needs a PEM from a secret; auto picks keyless when a token can be had. */
function signingInput(env: NodeJS.ProcessEnv): SigningChoice {
  const mode = core.getInput('attestation-signing').trim() || 'auto';
  if (!(SIGNING_MODES as readonly string[]).includes(mode)) {
    throw new ConfigError(
      'INVALID_INPUT',
      `input "attestation-signing" must be one of ${SIGNING_MODES.join(', ')}, got "${mode}"`,
    );
  }
  if (mode === 'key') {
    const privateKeyPem = core.getInput('signing-key');
    if (!privateKeyPem.includes('PRIVATE KEY')) {
      throw new ConfigError(
        'INVALID_INPUT',
        'attestation-signing is key but input "signing-key" holds no PEM private key',
      );
    }
    // The runner masks secrets from `secrets.*` already; masking each line also covers a key passed any other
    // way, since multi-line values are not reliably masked as a whole.
    for (const line of privateKeyPem.split(/\r?\n/).filter((l) => l.trim() !== ''))
      core.setSecret(line.trim());
    return { mode: 'key', privateKeyPem };
  }
  if (mode === 'auto') return { mode: env.ACTIONS_ID_TOKEN_REQUEST_URL ? 'keyless' : 'unsigned' };
  return { mode } as SigningChoice;
}

/** The repository at the commit being judged: a pull request's head, else the pushed commit. */
function repositoryInfo(env: NodeJS.ProcessEnv, headSha: string | undefined): RepositoryInfo {
  const name = env.GITHUB_REPOSITORY ?? 'repository';
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const commit = headSha ?? env.GITHUB_SHA;
  return { name, uri: `${server}/${name}`, ...(commit && /^[0-9a-f]{40}$/.test(commit) ? { commit } : {}) };
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);

interface PullRequestPayload {
  readonly pull_request?: { number?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } };
  readonly merge_group?: { base_sha?: unknown };
}

/** The payload of a pull request or merge queue event, read once; undefined for other events. */
function pullRequestPayload(
  env: NodeJS.ProcessEnv,
): { name: string; payload: PullRequestPayload } | undefined {
  const name = env.GITHUB_EVENT_NAME ?? '';
  if (!PULL_REQUEST_EVENTS.has(name) || !env.GITHUB_EVENT_PATH) return undefined;
  try {
    return { name, payload: JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PullRequestPayload };
  } catch (cause) {
    throw new ConfigError('INVALID_INPUT', `cannot read the ${name} event payload at GITHUB_EVENT_PATH`, {
      cause,
    });
  }
}

type EventRead = ReturnType<typeof pullRequestPayload>;

/** The base commit of a pull request (or merge queue entry) from the event payload. */
function baseCommit(event: EventRead): string | undefined {
  if (!event) return undefined;
  const { name, payload } = event;
  const sha = name === 'merge_group' ? payload.merge_group?.base_sha : payload.pull_request?.base?.sha;
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha)) {
    throw new ConfigError('INVALID_INPUT', `the ${name} event payload has no base commit sha`);
  }
  return sha;
}

function headCommit(event: EventRead): string | undefined {
  const sha = event?.payload.pull_request?.head?.sha;
  return typeof sha === 'string' ? sha : undefined;
}

/** The pull request of a pull_request event, from its payload and GITHUB_REPOSITORY. */
function pullRequestOf(
  env: NodeJS.ProcessEnv,
  event: EventRead,
): (PullRequestRef & { headSha: string }) | undefined {
  if (event?.name !== 'pull_request' && event?.name !== 'pull_request_target') return undefined;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const number = event.payload.pull_request?.number;
  const headSha = headCommit(event);
  if (!owner || !repo || typeof number !== 'number' || headSha === undefined) return undefined;
  return { owner, repo, number, headSha };
}

const SWITCH_MODES = ['auto', 'true', 'false'] as const;

/** An `auto | true | false` input. */
export function switchInput(name: string): (typeof SWITCH_MODES)[number] {
  const mode = core.getInput(name) || 'auto';
  const known = SWITCH_MODES.find((candidate) => candidate === mode);
  if (!known)
    throw new ConfigError(
      'INVALID_INPUT',
      `input "${name}" must be one of ${SWITCH_MODES.join(', ')}, got "${mode}"`,
    );
  return known;
}

function prCommentInput(pullRequest: unknown, token: string): boolean {
  return switchInput('pr-comment') !== 'false' && pullRequest !== undefined && token !== '';
}

/** `check-run`: on the pull request's head commit, else the pushed one; auto when there is a token. */
function checkRunTargetOf(
  env: NodeJS.ProcessEnv,
  token: string,
  pullRequest: { headSha: string } | undefined,
): (RepositoryRef & { headSha: string }) | undefined {
  const mode = switchInput('check-run');
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const headSha = pullRequest?.headSha ?? env.GITHUB_SHA ?? '';
  if (mode === 'false' || token === '' || !owner || !repo || !/^[0-9a-f]{40}$/.test(headSha))
    return undefined;
  return { owner, repo, headSha };
}

/** `upload-sarif`: auto uploads whenever there is a token and a commit to attach the results to. */
function uploadTargetOf(env: NodeJS.ProcessEnv, token: string): SarifTarget | undefined {
  const mode = switchInput('upload-sarif');
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const commitSha = env.GITHUB_SHA ?? '';
  const ref = env.GITHUB_REF ?? '';
  const possible =
    token !== '' && owner && repo && /^[0-9a-f]{40}$/.test(commitSha) && ref.startsWith('refs/');
  if (mode === 'true' && !possible) {
    throw new ConfigError(
      'INVALID_INPUT',
      'upload-sarif is true, but the token, GITHUB_REPOSITORY, GITHUB_SHA or GITHUB_REF is missing',
    );
  }
  return mode !== 'false' && possible ? { owner, repo, commitSha, ref } : undefined;
}

function shardInputs(workspace: string): Pick<ActionSettings, 'shard' | 'mergeResults'> {
  const shard = core.getInput('shard').trim();
  const mergeResults = listInput('merge-results').map((path) => resolve(workspace, path));
  if (shard !== '' && mergeResults.length > 0)
    throw new ConfigError(
      'INVALID_INPUT',
      'a step either scans a shard (shard) or merges shards (merge-results), not both',
    );
  return { ...(shard === '' ? {} : { shard: parseShard(shard, 'input "shard"') }), mergeResults };
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
  const event = pullRequestPayload(env);
  const pullRequest = pullRequestOf(env, event);
  const githubToken = core.getInput('github-token');
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const outputInput = core.getInput('output-dir');
  return {
    workspace,
    scanPath,
    policy: core.getInput('policy') || 'default',
    outputDir: outputInput ? resolve(workspace, outputInput) : join(temp, 'vouch-results'),
    cacheDir: join(env.RUNNER_TOOL_CACHE ?? join(temp, 'tool-cache'), 'vouch'),
    installScanners: booleanInput('install-scanners', true),
    cacheScanners: booleanInput('cache-scanners', true),
    annotations: booleanInput('annotations', true),
    base: baseCommit(event),
    sarif: listInput('sarif'),
    signing: signingInput(env),
    subjects: listInput('subjects'),
    repository: repositoryInfo(env, headCommit(event)),
    verifierId: env.GITHUB_ACTION_REPOSITORY
      ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_ACTION_REPOSITORY}@${env.GITHUB_ACTION_REF ?? 'unknown'}`
      : 'urn:vouch:action',
    pullRequest,
    prComment: prCommentInput(pullRequest, githubToken),
    githubToken,
    uploadTarget: uploadTargetOf(env, githubToken),
    checkRunTarget: checkRunTargetOf(env, githubToken, pullRequest),
    ...shardInputs(workspace),
    serverUrl,
    runUrl:
      env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
  };
}
