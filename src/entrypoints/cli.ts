#!/usr/bin/env node
import { NodeHttpClient } from '../core/node-http-client.js';
import { runCli } from '../cli/main.js';
import { consoleLogger } from '../cli/console-logger.js';
import { NodeFileSystem, systemClock } from '../core/node-file-system.js';
import { NodeProcessRunner } from '../core/node-process-runner.js';
import { VOUCH_ROOT } from '../paths.js';
import { VOUCH_VERSION } from '../version.js';

const stderr = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr,
  env: process.env,
  cwd: process.cwd(),
  vouchRoot: VOUCH_ROOT,
  vouchVersion: VOUCH_VERSION,
  ports: {
    logger: consoleLogger(stderr, process.env.VOUCH_DEBUG === '1'),
    processes: new NodeProcessRunner(),
    fs: new NodeFileSystem(),
    clock: systemClock,
    http: new NodeHttpClient(),
  },
});
