import { describe, expect, it } from '@jest/globals';
import {
  literalSecretReason,
  workflowLiteralSecret,
} from '../../../src/scanners/builtin/checks/workflow-literal-secret.js';
import { describeFixtures } from './fixture-runner.js';

const run = (text: string) => workflowLiteralSecret.run({ path: '.github/workflows/x.yml', text });

// Token-shaped test values are assembled here, so the repository holds no string a secret scanner would block.
const fake = (prefix: string, body: string) => `${prefix}${body}`;

describeFixtures(workflowLiteralSecret, {
  minChecked: 2,
  minFlagged: 8,
  region: (covered, detection) => {
    expect(detection.evidence).toMatch(/^`[^`]+` of .*: <redacted>$/);
    // The secret itself never leaves the file: not in the message, not in the evidence.
    const secret = covered.trim();
    expect(detection.message).not.toContain(secret);
    expect(detection.evidence).not.toContain(secret);
    expect(detection.message).toMatch(/^Literal secret: `[^`]+` of (?:the workflow|job|step)/);
  },
});

describe('literalSecretReason', () => {
  it.each([
    ['X', fake('ghp_', 'a'.repeat(36)), 'GitHub personal access token'],
    ['X', fake('github_pat_', 'A1'.repeat(41)), 'fine-grained'],
    ['X', fake('ghs_', 'b'.repeat(36)), 'GitHub OAuth or app token'],
    ['X', fake('xoxb-', '1234567890-abcdef'), 'Slack'],
    ['X', fake('sk_', 'live_' + 'c'.repeat(24)), 'Stripe'],
    ['X', fake('AIza', 'd'.repeat(35)), 'Google API key'],
    ['X', fake('glpat-', 'e'.repeat(20)), 'GitLab'],
    ['X', fake('npm_', 'f'.repeat(36)), 'npm'],
    ['X', fake('sk-ant-', 'api03-' + 'g'.repeat(30)), 'Anthropic'],
    ['X', fake('sk-proj-', 'h'.repeat(30)), 'OpenAI'],
    ['X', '-----BEGIN RSA PRIVATE KEY-----\nabc', 'private key'],
    ['db-password', 'qT7vL9pX2mN4wR8z', 'name says'],
    ['apiKey', 'qT7vL9pX2mN4wR8z', 'name says'],
  ])('flags %s = <%s>', (key, value, reason) => {
    expect(literalSecretReason(key, value)).toContain(reason);
  });

  it.each([
    ['TOKEN', '${{ secrets.TOKEN }}'],
    ['PASSWORD', 'short'],
    ['PASSWORD', '1234567890123'],
    ['PASSWORD', 'aaaaaaaaaaaaaaaa'],
    ['PASSWORD', 'your-password-here'],
    ['PASSWORD', 'two words here ok'],
    ['PASSWORD', '$DB_PASSWORD_FROM_ENV'],
    ['TOKEN_ENDPOINT', 'https://example.org/token'],
    ['SECRET_PATH', '/var/run/secrets/x'],
    ['HOSTNAME', 'qT7vL9pX2mN4wR8z'],
    ['X', fake('ghp_', 'a'.repeat(35))],
  ])('accepts %s = <%s>', (key, value) => {
    expect(literalSecretReason(key, value)).toBeUndefined();
  });

  it('only trusts token shapes where asked to (service containers)', () => {
    expect(literalSecretReason('POSTGRES_PASSWORD', 'qT7vL9pX2mN4wR8z', true)).toBeUndefined();
    expect(literalSecretReason('X', fake('ghp_', 'a'.repeat(36)), true)).toBeDefined();
  });
});

describe('workflow-literal-secret on hostile input', () => {
  it('stays silent on invalid YAML and odd shapes', () => {
    for (const text of ['env: [', 'env: [a, b]\n', 'env:\n  TOKEN: 12345678901234\n  PASSWORD: [x]\n', '']) {
      expect(run(text)).toEqual({ detections: [], notes: [] });
    }
  });

  it('handles huge values quickly', () => {
    const huge = `env:\n  PASSWORD: "${'-----BEGIN '.repeat(50_000)}${'A'.repeat(100_000)}"\n`;
    expect(run(huge).detections).toHaveLength(0);
  });
});
