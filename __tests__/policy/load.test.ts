import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { ConfigError } from '../../src/core/errors.js';
import { parsePolicy } from '../../src/policy/load.js';

const parse = (text: string) => parsePolicy(Buffer.from(text), 'policy.yml');

function errorOf(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the policy to be rejected');
}

describe('parsePolicy', () => {
  it('applies defaults: block critical and high, fail on scanner error, unknown severity high', () => {
    const policy = parse('version: 1\n');
    expect(policy.blockSeverities).toEqual(['critical', 'high']);
    expect(policy.onScannerError).toBe('fail');
    expect(policy.unknownSeverity).toBe('high');
    expect(policy.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads scanners, block list, excludes and size limit', () => {
    const policy = parse(
      'version: 1\nscanners:\n  gitleaks: { required: false, timeout-seconds: 30 }\nblock:\n  severities: [critical]\npaths:\n  exclude: ["vendor/**"]\n  max-file-bytes: 1000\n',
    );
    expect(policy.scanners.gitleaks).toEqual({ enabled: true, required: false, timeoutSeconds: 30 });
    expect(policy.blockSeverities).toEqual(['critical']);
    expect(policy.excludes).toEqual(['vendor/**']);
    expect(policy.maxFileBytes).toBe(1000);
  });

  it('reads the OSV-Scanner settings: a local database and opt-in transitive resolution', () => {
    expect(parse('version: 1\n').osvResolveTransitive).toBe(false);
    const policy = parse('version: 1\nosv:\n  offline-db: .osv-db\n  resolve-transitive: true\n');
    expect(policy.osvOfflineDb).toBe('.osv-db');
    expect(policy.osvResolveTransitive).toBe(true);
    expect(errorOf('version: 1\nosv:\n  resolve-transitive: "yes"\n')).toMatch(/resolve-transitive/);
  });

  it('reads modes with their selectors and lines, a role or a list of roles', () => {
    const policy = parse(
      'version: 1\nmodes:\n  - name: tests\n    role: test\n    mode: warn\n  - role: [docs, vendored]\n    secret: placeholder\n    path: "docs/**"\n    mode: report\n',
    );
    expect(policy.modes).toEqual([
      expect.objectContaining({
        label: 'modes[0] "tests"',
        roles: ['test'],
        mode: 'warn',
        source: { file: 'policy.yml', line: 3 },
      }),
      expect.objectContaining({
        label: 'modes[1]',
        roles: ['docs', 'vendored'],
        secret: 'placeholder',
        path: 'docs/**',
        mode: 'report',
      }),
    ]);
    expect(parse('version: 1\n').modes).toEqual([]);
  });

  it('rejects an unknown mode, role or secret kind, naming the field', () => {
    expect(errorOf('version: 1\nmodes:\n  - role: test\n    mode: ignore\n')).toMatch(/modes\/0\/mode/);
    expect(errorOf('version: 1\nmodes:\n  - role: tests\n    mode: warn\n')).toMatch(/modes\/0\/role/);
    expect(errorOf('version: 1\nmodes:\n  - secret: real\n    mode: warn\n')).toMatch(/modes\/0\/secret/);
    expect(errorOf('version: 1\nmodes:\n  - role: test\n')).toMatch(/mode/);
  });

  it('accepts JSON', () => {
    expect(parse('{"version": 1, "block": {"severities": ["low"]}}').blockSeverities).toEqual(['low']);
  });

  it('points at the line and field of a wrong enum value, saying what was expected and found', () => {
    const message = errorOf('version: 1\nblock:\n  severities:\n    - critical\n    - severe\n');
    expect(message).toContain('policy.yml:5');
    expect(message).toContain('/block/severities/1');
    expect(message).toContain('"severe"');
    expect(message).toContain('"critical", "high"');
  });

  it('names an unknown field and its line', () => {
    expect(errorOf('version: 1\nblok:\n  severities: [high]\n')).toMatch(
      /policy\.yml:2: \/blok: unknown field "blok"/,
    );
  });

  it('names an unknown scanner', () => {
    expect(errorOf('version: 1\nscanners:\n  trivy: {}\n')).toMatch(
      /policy\.yml:3: \/scanners\/trivy: unknown name "trivy"/,
    );
  });

  it('rejects a wrong type with the value found', () => {
    expect(errorOf('version: 1\nscanners:\n  gitleaks:\n    timeout-seconds: "soon"\n')).toMatch(
      /:4: \/scanners\/gitleaks\/timeout-seconds: must be integer, found "soon"/,
    );
  });

  it('rejects a missing version and a wrong version', () => {
    expect(errorOf('block: {}\n')).toMatch(/must have required property 'version'/);
    expect(errorOf('version: 2\n')).toMatch(/\/version: expected 1, found 2/);
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(errorOf('version: 1\nblock: [unclosed\n')).toMatch(/policy\.yml:\d+:\d+: not valid YAML\/JSON/);
  });

  it('rejects duplicate keys instead of silently keeping one', () => {
    expect(errorOf('version: 1\nversion: 1\n')).toMatch(/not valid YAML\/JSON/);
  });

  it('validates every shipped preset', () => {
    const presets = readdirSync('policies').filter((name) => name.endsWith('.yml'));
    expect(presets.sort()).toEqual(['audit.yml', 'default.yml', 'strict.yml']);
    for (const name of presets)
      expect(() => parsePolicy(readFileSync(`policies/${name}`), name)).not.toThrow();
  });
});
