import { describe, expect, it } from '@jest/globals';
import { secretKind } from '../../../src/scanners/gitleaks/placeholder.js';

// Random-looking values built at run time, so that this file holds no credential-shaped literal.
const random = (length: number) =>
  Array.from({ length }, (_, i) => 'q7Zk2MvX9pLr4TnB8wYc3HdF6sJa'[(i * 7 + 3) % 28]).join('');

describe('secretKind', () => {
  it.each([
    ['api_key = "your-api-key-here"'],
    ["SECRET_KEY = 'changeme'"],
    ['token: "<YOUR_TOKEN>"'],
    ['password = "${DB_PASSWORD}"'],
    ['"apiKey": "{{ api_key }}"'],
    ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE'],
    ['key = "xxxxxxxxxxxxxxxxxxxxxxxx"'],
    ['secret = "****************"'],
    ['token = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"'],
    ['client_secret = "0123456789abcdef0123456789abcdef"'],
    ['API_TOKEN=$API_TOKEN'],
    ['password = "not-a-secret-dummy"'],
  ])('%s is a placeholder', (matched) => {
    expect(secretKind(matched)).toBe('placeholder');
  });

  it('calls a random value live, whatever the key is named', () => {
    expect(secretKind(`api_key = "${random(32)}"`)).toBe('live');
    expect(secretKind(`EXAMPLE_API_KEY = "${random(40)}"`)).toBe('live');
    expect(secretKind(`your_token: ${random(36)}`)).toBe('live');
    expect(secretKind(random(40))).toBe('live');
  });

  it('keeps test-mode provider keys live: they are real credentials', () => {
    expect(secretKind(`stripe_key = "sk_test_${random(24)}"`)).toBe('live');
  });

  it('calls an empty value live rather than guessing', () => {
    expect(secretKind('')).toBe('live');
    expect(secretKind('token = ""')).toBe('live');
  });
});
