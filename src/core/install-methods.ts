import { join } from 'node:path';
import { InstallError } from './errors.js';
import type { Ports, ProcessRequest } from './ports.js';
import type { GoInstall, PipInstall, ToolPin } from './tools.js';

const INSTALL_TIMEOUT_MS = 20 * 60_000;

export interface MethodOptions {
  /** `<cache>/<tool>/<version>` */
  readonly toolDir: string;
  /** Vouch's own root, for data files such as requirements. */
  readonly vouchRoot: string;
  readonly ports: Ports;
}

/** Where each install method leaves the executable inside the tool's cache directory. */
export function installedBinary(pin: ToolPin, toolDir: string): string {
  return pin.pip ? join(toolDir, 'venv', 'bin', pin.binary) : join(toolDir, 'bin', pin.binary);
}

async function run(step: string, pin: ToolPin, request: ProcessRequest, ports: Ports): Promise<void> {
  const result = await ports.processes.run(request);
  if (result.kind === 'spawn-error') {
    throw new InstallError(
      'TOOLCHAIN_MISSING',
      `installing ${pin.id} needs \`${request.command}\` on PATH (${result.message})`,
    );
  }
  if (result.kind === 'timeout') throw new InstallError('INSTALL_FAILED', `${step} for ${pin.id} timed out`);
  if (result.exitCode !== 0) {
    throw new InstallError(
      'INSTALL_FAILED',
      `${step} for ${pin.id} failed with exit code ${result.exitCode}: ${result.stderrTail}`,
    );
  }
}

/**
 * go install verifies the module against Go's checksum database; -X stamps the version where the tool
 * leaves it to the build. `-s -w` drops the debug tables nobody reads from a scanner binary and
 * shortens the link, the slowest single step of a build on a small runner.
 */
export async function goInstall(pin: ToolPin, go: GoInstall, options: MethodOptions): Promise<void> {
  const gobin = join(options.toolDir, 'bin');
  await options.ports.fs.mkdir(gobin);
  options.ports.logger.info(`installing ${pin.id} ${pin.version}: go install ${go.module}@v${pin.version}`);
  const request = {
    command: 'go',
    args: [
      'install',
      '-trimpath',
      `-ldflags=${['-s', '-w', ...(go.versionVariable ? [`-X ${go.versionVariable}=${pin.version}`] : [])].join(' ')}`,
      `${go.module}@v${pin.version}`,
    ],
    env: { GOBIN: gobin, GO111MODULE: 'on' },
    timeoutMs: INSTALL_TIMEOUT_MS,
  };
  await run(
    'go install (needs Go >= 1.24; on GitHub Actions add actions/setup-go)',
    pin,
    request,
    options.ports,
  );
}

/**
 * An isolated venv per tool version; every file pip fetches must match a hash in the requirements.
 * `--no-compile` leaves byte-compiling to Python's first import, which compiles only the modules the
 * scanner loads instead of every file of every wheel (Checkov ships thousands).
 */
export async function pipInstall(pin: ToolPin, pip: PipInstall, options: MethodOptions): Promise<void> {
  const venv = join(options.toolDir, 'venv');
  const requirements = join(options.vouchRoot, pip.requirements);
  options.ports.logger.info(`installing ${pin.id} ${pin.version}: pip install --require-hashes into ${venv}`);
  await options.ports.fs.remove(venv);
  const venvRequest = { command: 'python3', args: ['-m', 'venv', venv], timeoutMs: INSTALL_TIMEOUT_MS };
  await run(
    `creating a virtual environment (needs Python >= ${pip.python})`,
    pin,
    venvRequest,
    options.ports,
  );
  const pipRequest = {
    command: join(venv, 'bin', 'pip'),
    args: [
      'install',
      '--require-hashes',
      '--no-deps',
      '--only-binary',
      ':all:',
      '--disable-pip-version-check',
      '--no-input',
      '--no-compile',
      '-r',
      requirements,
    ],
    timeoutMs: INSTALL_TIMEOUT_MS,
  };
  await run('pip install', pin, pipRequest, options.ports);
}
