import { describe, expect, it } from '@jest/globals';
import {
  isSecretRule,
  MAX_MESSAGE_LENGTH,
  messageText,
  redactSecrets,
} from '../../../src/scanners/sarif-import/messages.js';
import type {
  ImportedComponent,
  ImportedDescriptor,
  ImportedMessage,
} from '../../../src/scanners/sarif-import/model.js';

const rule: ImportedDescriptor = {
  id: 'r',
  messageStrings: new Map([['default', 'From {0} to {1}; literal {{0}}.']]),
  relationships: [],
  properties: {},
};
const driver: ImportedComponent = {
  name: 'T',
  rules: [rule],
  taxa: [],
  globalMessageStrings: new Map([['global', 'Global {0}.']]),
};

function text(message: Partial<ImportedMessage>): string | undefined {
  return messageText({ arguments: [], ...message }, rule, [driver]);
}

describe('messageText', () => {
  it('fills a rule message string from arguments, honouring escaped braces', () => {
    expect(text({ id: 'default', arguments: ['a', 'b'] })).toBe('From a to b; literal {0}.');
  });

  it("falls back to the tool's global message strings", () => {
    expect(text({ id: 'global', arguments: ['x'] })).toBe('Global x.');
  });

  it('leaves a placeholder without an argument as it is', () => {
    expect(text({ id: 'default', arguments: ['a'] })).toBe('From a to {1}; literal {0}.');
  });

  it('fills placeholders in text when arguments are given, and leaves plain text alone', () => {
    expect(text({ text: 'Sink {0}', arguments: ['eval'] })).toBe('Sink eval');
    expect(text({ text: 'Template {{ user.name }} renders {0}' })).toBe(
      'Template {{ user.name }} renders {0}',
    );
  });

  it('prefers text over a message id and is undefined when neither resolves', () => {
    expect(text({ text: 'T', id: 'default' })).toBe('T');
    expect(text({ id: 'unknown' })).toBeUndefined();
    expect(text({})).toBeUndefined();
  });

  it('drops control characters such as terminal escapes, keeping newlines and tabs', () => {
    expect(text({ text: 'red \u001b[31mALERT\u001b[0m\r\nline\ttab\u0000' })).toBe(
      'red [31mALERT[0m\nline\ttab',
    );
  });

  it('bounds the length', () => {
    const long = text({ text: 'x'.repeat(10_000) });
    expect(long).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(long?.endsWith('…')).toBe(true);
  });
});

describe('secret redaction', () => {
  it.each([
    [{ id: 'B105', name: 'hardcoded_password_string', tags: [], cwe: ['CWE-259'] }, true],
    [{ id: 'generic-api-key', tags: [], cwe: [] }, true],
    [{ id: 'x', tags: ['secret'], cwe: [] }, true],
    [
      { id: 'B602', name: 'subprocess_popen_with_shell_equals_true', tags: ['security'], cwe: ['CWE-78'] },
      false,
    ],
  ])('recognises rules about credentials: %j', (traits, expected) => {
    expect(isSecretRule(traits)).toBe(expected);
  });

  it('masks quoted values and key-like tokens', () => {
    expect(redactSecrets("Possible hardcoded password: 'hunter2'")).toBe(
      "Possible hardcoded password: '[redacted]'",
    );
    expect(redactSecrets('token "abc" and `def`')).toBe('token "[redacted]" and `[redacted]`');
    expect(redactSecrets('AWS key AKIAIOSFODNN7EXAMPLE found')).toBe('AWS key [redacted] found');
    expect(redactSecrets('in config/settings_production.py')).toBe('in config/settings_production.py');
  });
});
