import type { ImportedComponent, ImportedDescriptor, ImportedMessage } from './model.js';

/** Long enough for any real tool's message; a hostile file cannot flood summaries and comments. */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * Text without control characters other than newlines and tabs, trimmed: a hostile file could
 * otherwise put terminal escape sequences into logs and job summaries.
 */
export function cleanText(value: string): string {
  return value.replace(/\p{Cc}/gu, (char) => (char === '\n' || char === '\t' ? char : '')).trim();
}

/** `{{` and `}}` are literal braces; `{n}` is the n-th argument (SARIF §3.11.5). */
const PLACEHOLDER = /\{\{|\}\}|\{(\d+)\}/g;

function fill(template: string, args: readonly string[]): string {
  return template.replace(PLACEHOLDER, (match, index: string | undefined) => {
    if (index === undefined) return match[0] ?? '';
    return args[Number(index)] ?? match;
  });
}

/**
 * A result's message text: `message.text`, or the rule's (then the component's global) message string
 * named by `message.id`, with its placeholders filled from `message.arguments`. A `text` that comes
 * with no arguments is taken verbatim: tools put literal `{{ … }}` (Jinja, Go templates) in plain text
 * without escaping it.
 */
export function messageText(
  message: ImportedMessage,
  rule: ImportedDescriptor | undefined,
  components: readonly ImportedComponent[],
): string | undefined {
  let template = message.text;
  if (template === undefined && message.id !== undefined) {
    const id = message.id;
    template =
      rule?.messageStrings.get(id) ??
      components.map((component) => component.globalMessageStrings.get(id)).find((found) => found);
  }
  if (template === undefined) return undefined;
  const filled =
    message.text !== undefined && message.arguments.length === 0
      ? template
      : fill(template, message.arguments);
  const trimmed = cleanText(filled);
  return trimmed.length > MAX_MESSAGE_LENGTH ? `${trimmed.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : trimmed;
}

/** CWEs of rules about credentials in code or in the clear: their messages may quote the value. */
const SECRET_CWES = new Set(['CWE-256', 'CWE-259', 'CWE-312', 'CWE-321', 'CWE-522', 'CWE-540', 'CWE-798']);
const SECRET_WORDS = /secret|passw|credential|token|api[-_ ]?key|private[-_ ]?key|access[-_ ]?key/i;

export interface RuleTraits {
  readonly id: string;
  readonly name?: string;
  readonly tags: readonly string[];
  readonly cwe: readonly string[];
}

export function isSecretRule(rule: RuleTraits): boolean {
  return (
    rule.cwe.some((cwe) => SECRET_CWES.has(cwe)) ||
    [rule.id, rule.name ?? '', ...rule.tags].some((word) => SECRET_WORDS.test(word))
  );
}

const QUOTED = /(['"`])[^'"`\r\n]+\1/g;
/** Long runs of key-like characters with a letter and a digit: tokens, keys, hashes of secrets. */
const TOKEN_LIKE = /[A-Za-z0-9+/=_-]{16,}/g;

/**
 * Masks what a secret-finding rule's message may quote. Bandit's B105 writes "Possible hardcoded
 * password: '<the password>'", and Vouch never puts a secret value in a finding (DESIGN.md).
 */
export function redactSecrets(message: string): string {
  return message
    .replace(QUOTED, (_match, quote: string) => `${quote}[redacted]${quote}`)
    .replace(TOKEN_LIKE, (token) => (/[A-Za-z]/.test(token) && /\d/.test(token) ? '[redacted]' : token));
}
