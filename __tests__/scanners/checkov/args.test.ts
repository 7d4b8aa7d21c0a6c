import { describe, expect, it } from '@jest/globals';
import {
  CHECKOV_FRAMEWORKS,
  checkovArgs,
  checkovEnv,
  FAILED_CHECKS_EXIT_CODE,
} from '../../../src/scanners/checkov/args.js';

describe('checkovArgs', () => {
  const args = checkovArgs({ root: '/repo root', outputDir: '/work/out' });
  const valueOf = (flag: string): string | undefined => args[args.indexOf(flag) + 1];

  it('names the repository in one --directory= argument, so Checkov reads no .checkov.yaml from it', () => {
    expect(args[0]).toBe('--directory=/repo root');
    expect(args).not.toContain('-d');
    expect(args).not.toContain('--directory');
    expect(args.some((arg) => arg.startsWith('--config-file'))).toBe(false);
  });

  it('writes JSON into the work directory, offline, without code blocks', () => {
    expect(valueOf('--output')).toBe('json');
    expect(valueOf('--output-file-path')).toBe('/work/out');
    expect(args).toEqual(expect.arrayContaining(['--skip-download', '--skip-results-upload', '--compact']));
  });

  it('keeps skipped checks and parsing errors in the report and never soft-fails', () => {
    expect(args).not.toContain('--quiet');
    expect(args).not.toContain('--soft-fail');
    expect(args).not.toContain('--no-fail-on-crash');
    expect(FAILED_CHECKS_EXIT_CODE).toBe(1);
  });

  it('runs the self-contained IaC frameworks, secrets included, and nothing that downloads', () => {
    expect(valueOf('--framework')).toBe(
      'terraform,cloudformation,kubernetes,dockerfile,github_actions,secrets',
    );
    expect(CHECKOV_FRAMEWORKS).toContain('secrets');
    for (const networked of ['helm', 'kustomize', 'sca_package', 'sca_image', 'github_configuration']) {
      expect(CHECKOV_FRAMEWORKS).not.toContain(networked);
    }
  });
});

describe('checkovEnv', () => {
  it('points HOME at an empty directory, skips the update check and aligns the size limits', () => {
    expect(checkovEnv({ home: '/work/home', maxFileBytes: 1_048_576 })).toEqual({
      HOME: '/work/home',
      CKV_SKIP_PACKAGE_UPDATE_CHECK: 'true',
      CHECKOV_MAX_IAC_FILE_SIZE: '1048576',
      CHECKOV_MAX_FILE_SIZE: '1048576',
    });
  });

  it('sets no API key or Checkov option a caller could have meant to inherit', () => {
    const env = checkovEnv({ home: '/h', maxFileBytes: 10 });
    for (const name of ['BC_API_KEY', 'CKV_FRAMEWORK', 'CKV_SKIP_CHECK', 'CKV_NO_FAIL_ON_CRASH']) {
      expect(env).not.toHaveProperty(name);
    }
  });
});
