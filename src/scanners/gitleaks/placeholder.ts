import data from '../../../data/scanners/secret-placeholders.json' with { type: 'json' };
import type { SecretKind } from '../../findings/finding.js';

const WORDS = data.words.map((word) => word.toLowerCase());
const SHAPES = data.shapes.map((shape) => new RegExp(shape, 'i'));

/**
 * `placeholder` when the value a secret rule matched reads as a documented stand-in (`your-api-key`,
 * `AKIAIOSFODNN7EXAMPLE`, `xxxx…`, `${TOKEN}`, `<token>`, one character repeated); otherwise `live`.
 * The decision rests on the value alone: after the first `=` or `:` of the match, unquoted. Only the
 * resulting word ever leaves this function.
 */
export function secretKind(matched: string): SecretKind {
  const value = valueOf(matched);
  if (value === '') return 'live';
  const lower = value.toLowerCase();
  if (WORDS.some((word) => lower.includes(word))) return 'placeholder';
  if (SHAPES.some((shape) => shape.test(value))) return 'placeholder';
  if (new Set(value.replace(/[-_.\s]/g, '')).size <= data.maxDistinctCharacters) return 'placeholder';
  return 'live';
}

function valueOf(matched: string): string {
  const assignment = matched.match(/[=:]\s*(?:>\s*)?(["'`]?)([^"'`]*)\1\s*[,;]?\s*$/);
  const value = assignment?.[2] ?? matched;
  return value.trim().replace(/^["'`]|["'`,;]$/g, '');
}
