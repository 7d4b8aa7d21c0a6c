import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_CACHE_DIR } from './tools.js';

export interface ActionRun {
  readonly status: number | null;
  readonly log: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly outDir: string;
}

export interface ActionEvent {
  readonly name: string;
  readonly payload: unknown;
}

const PUSH: ActionEvent = {
  name: 'push',
  payload: { ref: 'refs/heads/main', after: '0'.repeat(40), repository: { full_name: 'o/r' } },
};

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks as the runner does. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}

interface PreparedRun {
  readonly env: NodeJS.ProcessEnv;
  readonly outputFile: string;
  readonly summaryFile: string;
}

function prepare(
  workspace: string,
  inputs: Record<string, string>,
  event: ActionEvent,
  extraEnv: Record<string, string>,
): PreparedRun {
  const runnerDir = mkdtempSync(join(tmpdir(), 'vouch-runner-'));
  const outputFile = join(runnerDir, 'output');
  const summaryFile = join(runnerDir, 'summary');
  const eventFile = join(runnerDir, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, JSON.stringify(event.payload));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: join(runnerDir, 'temp'),
    // The action looks in <tool cache>/vouch, where `vouch setup` put the pinned scanners.
    RUNNER_TOOL_CACHE: dirname(DEFAULT_CACHE_DIR),
  };
  Object.assign(env, extraEnv);
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return { env, outputFile, summaryFile };
}

function finished(run: PreparedRun, status: number | null, log: string): ActionRun {
  const outputs = parseOutputs(readFileSync(run.outputFile, 'utf8'));
  return {
    status,
    log,
    outputs,
    summary: readFileSync(run.summaryFile, 'utf8'),
    outDir: dirname(outputs['sarif-file'] ?? run.outputFile),
  };
}

/** Runs dist/index.js the way a runner does: INPUT_* variables, workspace, output and summary files, event. */
export function runAction(
  workspace: string,
  inputs: Record<string, string>,
  event: ActionEvent = PUSH,
  extraEnv: Record<string, string> = {},
): ActionRun {
  const run = prepare(workspace, inputs, event, extraEnv);
  const child = spawnSync(process.execPath, ['dist/index.js'], {
    env: run.env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return finished(run, child.status, `${child.stdout}${child.stderr}`);
}

/** As runAction, without blocking the event loop: for tests whose local servers must answer the action. */
export function runActionAsync(
  workspace: string,
  inputs: Record<string, string>,
  event: ActionEvent = PUSH,
  extraEnv: Record<string, string> = {},
): Promise<ActionRun> {
  const run = prepare(workspace, inputs, event, extraEnv);
  const child = spawn(process.execPath, ['dist/index.js'], { env: run.env });
  let log = '';
  const collect = (chunk: Buffer) => {
    log += chunk.toString('utf8');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      resolve(finished(run, status, log));
    });
  });
}

export function pullRequestEvent(baseSha: string, headSha: string): ActionEvent {
  return {
    name: 'pull_request',
    payload: {
      number: 7,
      pull_request: {
        number: 7,
        base: { sha: baseSha, ref: 'main' },
        head: { sha: headSha, ref: 'feature' },
      },
    },
  };
}
