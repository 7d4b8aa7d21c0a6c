import { NodeHttpClient } from '../../src/core/node-http-client.js';
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InstallError } from '../../src/core/errors.js';
import { ensureTool, locateTool } from '../../src/core/install.js';
import { NodeFileSystem, systemClock } from '../../src/core/node-file-system.js';
import type { Ports, ProcessRequest, ProcessResult } from '../../src/core/ports.js';
import { silentLogger } from '../helpers/tools.js';

type Script = (request: ProcessRequest) => ProcessResult;

/** A ProcessRunner that answers from a script and records what was asked: the port, not a mock of node. */
function scripted(script: Script): { ports: Ports; calls: ProcessRequest[] } {
  const calls: ProcessRequest[] = [];
  const ports: Ports = {
    logger: silentLogger,
    fs: new NodeFileSystem(),
    clock: systemClock,
    http: new NodeHttpClient(),
    processes: {
      run: (request) => {
        calls.push(request);
        return Promise.resolve(script(request));
      },
    },
  };
  return { ports, calls };
}

const exited = (exitCode: number, stdout = ''): ProcessResult => ({
  kind: 'exited',
  exitCode,
  signal: null,
  stdout,
  stderrTail: 'go: boom',
  durationMs: 1,
});
const notFound: ProcessResult = { kind: 'spawn-error', errorCode: 'ENOENT', message: 'spawn go ENOENT' };

describe('locateTool', () => {
  it('uses the cached binary without running anything', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'vouch-cache-'));
    mkdirSync(join(cacheDir, 'gitleaks', '8.30.1', 'bin'), { recursive: true });
    writeFileSync(join(cacheDir, 'gitleaks', '8.30.1', 'bin', 'gitleaks'), '');
    const { ports, calls } = scripted(() => exited(0));
    const tool = await locateTool('gitleaks', { cacheDir, ports });
    expect(tool).toEqual({
      id: 'gitleaks',
      path: join(cacheDir, 'gitleaks', '8.30.1', 'bin', 'gitleaks'),
      version: '8.30.1',
      source: 'cache',
    });
    expect(calls).toEqual([]);
  });

  it('uses PATH only at exactly the pinned version', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'vouch-cache-'));
    expect(
      await locateTool('gitleaks', { cacheDir, ports: scripted(() => exited(0, 'v8.30.1\n')).ports }),
    ).toMatchObject({ path: 'gitleaks', source: 'path' });
    expect(
      await locateTool('gitleaks', { cacheDir, ports: scripted(() => exited(0, '8.18.0\n')).ports }),
    ).toBeUndefined();
    expect(await locateTool('gitleaks', { cacheDir, ports: scripted(() => notFound).ports })).toBeUndefined();
  });

  it('finds a pip-installed tool inside its venv', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'vouch-cache-'));
    mkdirSync(join(cacheDir, 'semgrep', '1.180.0', 'venv', 'bin'), { recursive: true });
    writeFileSync(join(cacheDir, 'semgrep', '1.180.0', 'venv', 'bin', 'semgrep'), '');
    expect(await locateTool('semgrep', { cacheDir, ports: scripted(() => notFound).ports })).toMatchObject({
      source: 'cache',
    });
  });

  it('refuses a tool without a pin', async () => {
    await expect(
      locateTool('trivy', { cacheDir: tmpdir(), ports: scripted(() => notFound).ports }),
    ).rejects.toThrow(/no pinned version for scanner "trivy"/);
  });
});

describe('ensureTool', () => {
  it('go-installs the pinned module version with the version stamped, into the cache', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'vouch-cache-'));
    const { ports, calls } = scripted((request) =>
      request.command === 'go' ? exited(0) : request.command === 'gitleaks' ? notFound : exited(0, '8.30.1'),
    );
    const tool = await ensureTool('gitleaks', { cacheDir, ports, vouchRoot: '.' });
    const install = calls.find((c) => c.command === 'go');
    expect(install?.args).toEqual([
      'install',
      '-trimpath',
      '-ldflags=-s -w -X github.com/zricethezav/gitleaks/v8/version.Version=8.30.1',
      'github.com/zricethezav/gitleaks/v8@v8.30.1',
    ]);
    expect(install?.env?.GOBIN).toBe(join(cacheDir, 'gitleaks', '8.30.1', 'bin'));
    expect(tool).toMatchObject({ source: 'installed', version: '8.30.1' });
  });

  it('pip-installs with --require-hashes into a venv of its own', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'vouch-cache-'));
    const { ports, calls } = scripted((request) =>
      request.command === 'semgrep' ? notFound : exited(0, '1.180.0'),
    );
    await ensureTool('semgrep', { cacheDir, ports, vouchRoot: '/vouch' });
    const venv = join(cacheDir, 'semgrep', '1.180.0', 'venv');
    expect(calls.map((c) => c.command)).toEqual([
      'semgrep',
      'python3',
      join(venv, 'bin', 'pip'),
      join(venv, 'bin', 'semgrep'),
    ]);
    expect(calls[2]?.args).toEqual(
      expect.arrayContaining([
        '--require-hashes',
        '--no-deps',
        '--no-compile',
        '-r',
        '/vouch/data/tools/semgrep-requirements.txt',
      ]),
    );
  });

  it('says Go is needed when it is missing', async () => {
    const { ports } = scripted(() => notFound);
    const attempt = ensureTool('gitleaks', {
      cacheDir: mkdtempSync(join(tmpdir(), 'vouch-cache-')),
      ports,
      vouchRoot: '.',
    });
    await expect(attempt).rejects.toThrow(InstallError);
    await expect(
      ensureTool('gitleaks', { cacheDir: mkdtempSync(join(tmpdir(), 'c-')), ports, vouchRoot: '.' }),
    ).rejects.toThrow(/needs `go` on PATH/);
  });

  it('reports a failed go install with its exit code and stderr', async () => {
    const { ports } = scripted((request) => (request.command === 'go' ? exited(1) : notFound));
    await expect(
      ensureTool('gitleaks', { cacheDir: mkdtempSync(join(tmpdir(), 'c-')), ports, vouchRoot: '.' }),
    ).rejects.toThrow(/failed with exit code 1: go: boom/);
  });

  it('refuses an installed binary that reports another version', async () => {
    const { ports } = scripted((request) =>
      request.command === 'go' ? exited(0) : request.command === 'gitleaks' ? notFound : exited(0, '8.0.0'),
    );
    await expect(
      ensureTool('gitleaks', { cacheDir: mkdtempSync(join(tmpdir(), 'c-')), ports, vouchRoot: '.' }),
    ).rejects.toThrow(/reports version 8\.0\.0, expected 8\.30\.1/);
  });
});
