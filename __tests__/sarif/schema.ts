import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import type { ErrorObject } from 'ajv';

// The official SARIF 2.1.0 schema is draft-04, hence ajv-draft-04. Its `language` pattern is not a valid
// unicode-mode regular expression, so it must be compiled with `unicodeRegExp: false` (FACTS.md).
const schemaPath = createRequire(import.meta.url).resolve(
  '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
// A CommonJS module seen from ESM: the class is its `default` export.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });

// ajv-formats is not a dependency, and without these ajv would ignore the schema's formats, letting an
// unencoded space or a bad percent escape in an artifact URI pass. RFC 3986 characters only:
const URI_CHARS = String.raw`(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*`;
ajv.addFormat('uri-reference', new RegExp(`^${URI_CHARS}$`));
ajv.addFormat('uri', new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${URI_CHARS}$`));
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i);

const validate = ajv.compile(schema);

function describe(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}`;
}

/** Schema violations of a SARIF log, as `<JSON pointer> <message>` lines; empty when valid. */
export function validateSarif(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map(describe);
}
