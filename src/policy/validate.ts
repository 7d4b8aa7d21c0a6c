import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isMap, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import schema from '../../data/schemas/policy.schema.json' with { type: 'json' };
import suppressionsSchema from '../../data/schemas/suppressions.schema.json' with { type: 'json' };

export interface PolicyProblem {
  /** JSON pointer of the offending field. */
  readonly pointer: string;
  readonly line?: number;
  readonly message: string;
}

// verbose: parentSchema lets messages list the allowed values. strictRequired is off because the
// suppression's anyOf names properties declared beside it, which is valid JSON Schema.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true });
addFormats.default(ajv, ['date', 'uri']);
const validators = { policy: ajv.compile(schema), suppressions: ajv.compile(suppressionsSchema) };

export type DocumentKind = keyof typeof validators;

export function validatePolicyDocument(
  data: unknown,
  document: Document,
  lineCounter: LineCounter,
  kind: DocumentKind = 'policy',
): PolicyProblem[] {
  const validate = validators[kind];
  if (validate(data)) return [];
  // ajv reports a bad property name twice: the inner `enum` and the `propertyNames` that names the key.
  // Likewise an unmet anyOf: its branches' errors say less than the anyOf error itself.
  const errors = (validate.errors ?? []).filter(
    (error) => !error.schemaPath.includes('/propertyNames/') && !error.schemaPath.includes('/anyOf/'),
  );
  return errors.map((error) => ({
    pointer: pointerOf(error),
    line: lineOf(document, lineCounter, pointerOf(error)),
    message: describe(error, data),
  }));
}

function pointerOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return `${error.instancePath}/${escapePointer(extra)}`;
  }
  if (error.keyword === 'propertyNames') {
    const name = (error.params as { propertyName: string }).propertyName;
    return `${error.instancePath}/${escapePointer(name)}`;
  }
  return error.instancePath;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function describe(error: ErrorObject, data: unknown): string {
  const found = valueAt(data, error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown field "${(error.params as { additionalProperty: string }).additionalProperty}"`;
    case 'propertyNames':
      return `unknown name "${(error.params as { propertyName: string }).propertyName}"; expected one of ${allowed(error)}`;
    case 'enum':
      return `expected one of ${allowed(error)}, found ${JSON.stringify(found)}`;
    case 'anyOf':
      return 'needs at least one of rule, fingerprint or path';
    case 'const':
      return `expected ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}, found ${JSON.stringify(found)}`;
    default:
      return `${error.message ?? error.keyword}, found ${JSON.stringify(found)}`;
  }
}

function allowed(error: ErrorObject): string {
  const params = error.params as { allowedValues?: unknown[] };
  const parent = error.parentSchema as { enum?: unknown[]; propertyNames?: { enum?: unknown[] } } | undefined;
  const schemaEnum = parent?.propertyNames?.enum ?? parent?.enum;
  return (params.allowedValues ?? schemaEnum ?? []).map((v) => JSON.stringify(v)).join(', ');
}

function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function valueAt(data: unknown, pointer: string): unknown {
  let current: unknown = data;
  for (const segment of segments(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The 1-based line of the node at the pointer, or of its key when the pointer names a key. */
export function lineOf(document: Document, lineCounter: LineCounter, pointer: string): number | undefined {
  const path = segments(pointer);
  const parent = path.length > 0 ? document.getIn(path.slice(0, -1), true) : undefined;
  const last = path[path.length - 1];
  if (isMap(parent) && last !== undefined) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === last);
    const keyRange = (pair?.key as Node | undefined)?.range;
    if (keyRange) return lineCounter.linePos(keyRange[0]).line;
  }
  const node = document.getIn(path, true) as Node | undefined;
  const range = node?.range ?? document.contents?.range;
  return range ? lineCounter.linePos(range[0]).line : undefined;
}
