import AjvDraft04 from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../data/schemas/sarif-2.1.0.json' with { type: 'json' };

/** One way a document breaks the SARIF 2.1.0 schema. */
export interface SarifViolation {
  /** JSON pointer (RFC 6901) into the document; `''` is the document itself. */
  readonly pointer: string;
  readonly message: string;
}

// RFC 3986 characters only: an unencoded space or a bad percent escape in a URI is a violation, as it
// is for GitHub's upload. ajv-formats' full URI grammar would be stricter than the tools that write SARIF.
const URI_CHARS = String.raw`(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*`;
const FORMATS: Readonly<Record<string, RegExp>> = {
  'uri-reference': new RegExp(`^${URI_CHARS}$`),
  uri: new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${URI_CHARS}$`),
  'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i,
};

let compiled: ValidateFunction | undefined;

/** Compiled on first use: the schema is large and most runs of Vouch never import SARIF. */
function validator(): ValidateFunction {
  if (compiled) return compiled;
  // The schema is draft-04, and its `language` pattern is not a valid unicode-mode regular expression,
  // so ajv must compile it with `unicodeRegExp: false` (FACTS.md). A CommonJS module seen from ESM: the
  // class is its `default` export.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  for (const [name, pattern] of Object.entries(FORMATS)) ajv.addFormat(name, pattern);
  compiled = ajv.compile(schema);
  return compiled;
}

function describe(error: ErrorObject): string {
  const message = error.message ?? error.keyword;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `${message}: ${params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return `${message}: ${JSON.stringify(params.additionalProperty)}`;
  }
  return message;
}

/**
 * Schema violations of a SARIF log, in the validator's order (document order for sibling properties),
 * at most `limit` of them; empty when the log is valid.
 */
export function sarifViolations(log: unknown, limit = Number.POSITIVE_INFINITY): SarifViolation[] {
  const validate = validator();
  if (validate(log)) return [];
  return (validate.errors ?? [])
    .slice(0, limit)
    .map((error) => ({ pointer: error.instancePath, message: describe(error) }));
}

/** `<JSON pointer> <message>`, with `/` standing for the document itself. */
export function formatViolation(violation: SarifViolation): string {
  return `${violation.pointer || '/'} ${violation.message}`;
}
