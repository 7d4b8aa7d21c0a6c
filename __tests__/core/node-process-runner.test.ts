import { describe, expect, it } from '@jest/globals';
import { NodeProcessRunner } from '../../src/core/node-process-runner.js';

const runner = new NodeProcessRunner();

describe('NodeProcessRunner', () => {
  it('passes arguments as an array: no shell interprets them', async () => {
    const result = await runner.run({
      command: 'printf',
      args: ['%s', '$(echo pwned); `id`'],
      timeoutMs: 10_000,
    });
    expect(result).toMatchObject({ kind: 'exited', exitCode: 0, stdout: '$(echo pwned); `id`' });
  });

  it('kills the whole process group on timeout', async () => {
    const started = Date.now();
    const result = await runner.run({ command: 'sh', args: ['-c', 'sleep 30 & sleep 30'], timeoutMs: 300 });
    expect(result.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('keeps only the tail of a long stderr', async () => {
    const result = await runner.run({
      command: 'sh',
      args: ['-c', 'i=0; while [ $i -lt 3000 ]; do echo "line $i" >&2; i=$((i+1)); done'],
      timeoutMs: 10_000,
    });
    if (result.kind !== 'exited') throw new Error(result.kind);
    expect(result.stderrTail.length).toBeLessThanOrEqual(2000);
    expect(result.stderrTail.endsWith('line 2999')).toBe(true);
  });

  it('keeps only the head of a huge stdout (reports are read from files, not stdout)', async () => {
    const result = await runner.run({
      command: 'sh',
      args: ['-c', "head -c 3000000 /dev/zero | tr '\\0' a; echo"],
      timeoutMs: 20_000,
    });
    if (result.kind !== 'exited') throw new Error(result.kind);
    expect(result.stdout.length).toBe(1_000_000);
    expect(result.stdout.startsWith('aaa')).toBe(true);
  });

  it('does not hand the job token or other secrets to scanners', async () => {
    process.env.GITHUB_TOKEN = 'ghs_should_not_leak';
    process.env.INPUT_SIGNING_KEY = 'private';
    try {
      const result = await runner.run({ command: 'env', args: [], timeoutMs: 10_000 });
      if (result.kind !== 'exited') throw new Error(result.kind);
      expect(result.stdout).not.toContain('ghs_should_not_leak');
      expect(result.stdout).not.toContain('INPUT_SIGNING_KEY');
      expect(result.stdout).toMatch(/^PATH=/m);
    } finally {
      delete process.env.GITHUB_TOKEN;
      delete process.env.INPUT_SIGNING_KEY;
    }
  });

  it('reports a missing executable as a spawn error, not a crash', async () => {
    expect(await runner.run({ command: 'vouch-no-such-tool', args: [], timeoutMs: 10_000 })).toMatchObject({
      kind: 'spawn-error',
      errorCode: 'ENOENT',
    });
  });
});
