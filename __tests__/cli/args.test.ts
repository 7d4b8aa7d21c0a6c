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
      sign: 'none',
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
      sign: 'none',
    });
  });

  it('reads verify with its checks', () => {
    expect(
      parseCli(['verify', 'b.json', '--key', 'k.pem', '--commit', 'a'.repeat(40), '--policy', 'p.yml']),
    ).toMatchObject({
      kind: 'verify',
      bundle: 'b.json',
      key: 'k.pem',
      commit: 'a'.repeat(40),
      policy: 'p.yml',
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
    [['scan', '--sign', 'maybe'], /--sign must be none, unsigned or key/],
    [['scan', '--sign', 'key'], /--sign key needs --signing-key FILE/],
    [['verify'], /expected: vouch verify BUNDLE/],
    [['scan', '--base=--output=/tmp/x'], /--base must be a commit or ref name/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(ConfigError);
    expect(() => parseCli(argv)).toThrow(message);
  });
});
