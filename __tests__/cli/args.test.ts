import { describe, expect, it } from '@jest/globals';
import { parseCli } from '../../src/cli/args.js';
import { ConfigError } from '../../src/core/errors.js';

describe('parseCli', () => {
  it('reads scan with defaults and with every flag', () => {
    expect(parseCli(['scan'])).toEqual({
      kind: 'scan',
      dir: '.',
      policy: 'default',
      outDir: 'vouch-results',
      format: 'text',
      cacheDir: undefined,
    });
    expect(
      parseCli(['scan', 'repo', '--policy', 'strict', '--out', 'o', '--format', 'json', '--cache-dir', 'c']),
    ).toEqual({
      kind: 'scan',
      dir: 'repo',
      policy: 'strict',
      outDir: 'o',
      format: 'json',
      cacheDir: 'c',
    });
  });

  it('reads setup, policy validate, help and version', () => {
    expect(parseCli(['setup'])).toEqual({ kind: 'setup', cacheDir: undefined });
    expect(parseCli(['policy', 'validate', 'p.yml'])).toEqual({ kind: 'policy-validate', file: 'p.yml' });
    expect(parseCli(['--help'])).toEqual({ kind: 'help' });
    expect(parseCli([])).toEqual({ kind: 'help' });
    expect(parseCli(['--version'])).toEqual({ kind: 'version' });
  });

  it.each([
    [['scan', '--format', 'xml'], /--format must be text or json, got "xml"/],
    [['scan', 'a', 'b'], /scan takes one directory/],
    [['scna'], /unknown command "scna"/],
    [['scan', '--polcy', 'x'], /Unknown option '--polcy'/],
    [['policy', 'check', 'x'], /expected: vouch policy validate FILE/],
    [['setup', 'extra'], /setup takes no arguments/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(ConfigError);
    expect(() => parseCli(argv)).toThrow(message);
  });
});
