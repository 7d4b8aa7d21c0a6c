import { describe, expect, it } from '@jest/globals';
import { gitleaksArgs, LEAKS_EXIT_CODE } from '../../../src/scanners/gitleaks/args.js';

describe('gitleaksArgs', () => {
  const args = gitleaksArgs({
    reportPath: '/w/r.json',
    configPath: '/v/gitleaks.toml',
    ignoreDir: '/w/none',
    maxFileBytes: 3 * 1024 * 1024 + 1,
  });
  const valueOf = (flag: string): string | undefined => args[args.indexOf(flag) + 1];

  it('redacts, writes JSON to the report file and separates leaks from failures by exit code', () => {
    expect(args.slice(0, 2)).toEqual(['dir', '.']);
    expect(args).toContain('--redact');
    expect(valueOf('--report-format')).toBe('json');
    expect(valueOf('--report-path')).toBe('/w/r.json');
    expect(valueOf('--exit-code')).toBe(String(LEAKS_EXIT_CODE));
    expect(LEAKS_EXIT_CODE).not.toBe(0);
    expect(LEAKS_EXIT_CODE).not.toBe(1);
  });

  it("uses Vouch's config and no repository ignore file or inline allow comments", () => {
    expect(valueOf('--config')).toBe('/v/gitleaks.toml');
    expect(valueOf('--gitleaks-ignore-path')).toBe('/w/none');
    expect(args).toContain('--ignore-gitleaks-allow');
  });

  it('rounds the size limit up to whole megabytes', () => {
    expect(valueOf('--max-target-megabytes')).toBe('4');
  });

  it('reads the commits after a given one in git mode, with the same flags', () => {
    const history = gitleaksArgs({
      reportPath: '/w/r.json',
      configPath: '/v/gitleaks.toml',
      ignoreDir: '/w/none',
      maxFileBytes: 1024,
      commitsAfter: 'a'.repeat(40),
    });
    expect(history.slice(0, 4)).toEqual(['git', '.', '--log-opts', `--no-merges ${'a'.repeat(40)}..HEAD`]);
    expect(history.slice(4)).toEqual(
      gitleaksArgs({
        reportPath: '/w/r.json',
        configPath: '/v/gitleaks.toml',
        ignoreDir: '/w/none',
        maxFileBytes: 1024,
      }).slice(2),
    );
  });
});
