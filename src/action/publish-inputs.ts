import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { switchInput } from './inputs.js';

/** A `workflow_run` job posting what a pull request's run left behind (`publish-results`). */
export interface PublishSettings {
  /** The downloaded artifact: Vouch's output directory of the pull request's run. */
  readonly dir: string;
  readonly owner: string;
  readonly repo: string;
  /** The commit the finished run judged, from the workflow_run event: trusted, unlike the artifact. */
  readonly headSha: string;
  readonly githubToken: string;
  readonly prComment: boolean;
  readonly uploadSarif: boolean;
}

interface WorkflowRunPayload {
  readonly workflow_run?: { head_sha?: unknown; event?: unknown };
}

function workflowRun(env: NodeJS.ProcessEnv): { headSha: string; event: string } {
  if (env.GITHUB_EVENT_NAME !== 'workflow_run' || !env.GITHUB_EVENT_PATH) {
    throw new ConfigError(
      'INVALID_INPUT',
      `publish-results is for a job on the workflow_run event, not ${env.GITHUB_EVENT_NAME ?? 'no event'}`,
    );
  }
  let payload: WorkflowRunPayload;
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as WorkflowRunPayload;
  } catch (cause) {
    throw new ConfigError(
      'INVALID_INPUT',
      'cannot read the workflow_run event payload at GITHUB_EVENT_PATH',
      {
        cause,
      },
    );
  }
  const headSha = payload.workflow_run?.head_sha;
  if (typeof headSha !== 'string' || !/^[0-9a-f]{40}$/.test(headSha))
    throw new ConfigError('INVALID_INPUT', 'the workflow_run event payload has no head_sha');
  const event = payload.workflow_run?.event;
  return { headSha, event: typeof event === 'string' ? event : '' };
}

/** Set when the `publish-results` input is: then the action posts instead of scanning. */
export function readPublishSettings(env: NodeJS.ProcessEnv = process.env): PublishSettings | undefined {
  const input = core.getInput('publish-results').trim();
  if (input === '') return undefined;
  const run = workflowRun(env);
  if (run.event !== 'pull_request')
    throw new ConfigError(
      'INVALID_INPUT',
      `publish-results posts for pull_request runs; the finished run was a ${run.event || 'unknown'} run`,
    );
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const githubToken = core.getInput('github-token');
  if (!owner || !repo || githubToken === '')
    throw new ConfigError('INVALID_INPUT', 'publish-results needs GITHUB_REPOSITORY and a github-token');
  return {
    dir: resolve(env.GITHUB_WORKSPACE ?? process.cwd(), input),
    owner,
    repo,
    headSha: run.headSha,
    githubToken,
    prComment: switchInput('pr-comment') !== 'false',
    uploadSarif: switchInput('upload-sarif') !== 'false',
  };
}
