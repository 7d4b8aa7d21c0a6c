import type { Document, LineCounter, Scalar } from 'yaml';
import meta from '../../../../data/checks/workflow-literal-secret.json' with { type: 'json' };
import type { Detection, RuleDescriptor } from '../../../findings/finding.js';
import { defineCheck, scalarRegion, SKIP, type CheckFile, type CheckResult } from '../check.js';
import { dataNamedPatterns, dataNumber, dataStrings } from '../check-data.js';
import {
  describeStep,
  isWorkflow,
  isWorkflowOrAction,
  jobsOf,
  parseWorkflowFile,
  stepsOf,
} from '../workflow-model.js';
import { entriesOf, stringScalar, valueOf } from '../yaml-nodes.js';

const TOKEN_SHAPES = dataNamedPatterns(meta, 'token-shapes');
const SECRET_KEY_NAMES = dataStrings(meta, 'secret-key-names');
const NOT_SECRET_KEY_PARTS = dataStrings(meta, 'not-secret-key-parts');
const PLACEHOLDER_WORDS = dataStrings(meta, 'placeholder-words');
const MIN_LENGTH = dataNumber(meta, 'min-length');
const MIN_ENTROPY = dataNumber(meta, 'min-entropy');
const NOT_A_SECRET_VALUE = /^(?:\d+|\$.*|https?:\/\/.*|\.{0,2}\/.*|~.*)$/is;

/** A mapping whose values are handed to a step, a job or a container. */
interface Place {
  readonly node: unknown;
  /** How a message names it, e.g. "`env` of job `build`". */
  readonly name: string;
  readonly where: string;
  /** Service containers are throwaway test databases: only values with a known token shape count there. */
  readonly shapesOnly: boolean;
}

function jobPlaces(document: Document.Parsed): Place[] {
  return jobsOf(document).flatMap((job) => {
    const where = `job \`${job.id}\``;
    const container = valueOf(job.node, 'container', document);
    const services = entriesOf(valueOf(job.node, 'services', document), document).flatMap((service) => [
      {
        node: valueOf(service.value, 'env', document),
        name: `services.${service.key}.env`,
        shapesOnly: true,
      },
      { node: valueOf(service.value, 'credentials', document), name: `services.${service.key}.credentials` },
    ]);
    return [
      { node: valueOf(job.node, 'env', document), name: 'env' },
      { node: valueOf(job.node, 'with', document), name: 'with' },
      { node: valueOf(container, 'env', document), name: 'container.env' },
      { node: valueOf(container, 'credentials', document), name: 'container.credentials' },
      ...services,
    ].map((place) => ({ shapesOnly: false, ...place, where }));
  });
}

function placesOf(path: string, document: Document.Parsed): Place[] {
  const steps = stepsOf(path, document).flatMap((step) => {
    const where = describeStep(step, document);
    return ['env', 'with'].map((name) => ({
      node: valueOf(step.node, name, document),
      name,
      where,
      shapesOnly: false,
    }));
  });
  if (!isWorkflow(path)) return steps;
  const top = { node: valueOf(document.contents, 'env', document), name: 'env', where: 'the workflow' };
  return [{ ...top, shapesOnly: false }, ...jobPlaces(document), ...steps];
}

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  const chars = Array.from(value);
  for (const char of chars) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / chars.length) * Math.log2(count / chars.length);
  return bits;
}

function namedLikeSecret(key: string): boolean {
  const name = key.toLowerCase();
  return (
    SECRET_KEY_NAMES.some((word) => name.includes(word)) &&
    !NOT_SECRET_KEY_PARTS.some((part) => name.includes(part))
  );
}

function looksRandom(raw: string): boolean {
  const value = raw.trim();
  if (value.length < MIN_LENGTH || /\s/.test(value) || value.includes('${{')) return false;
  if (NOT_A_SECRET_VALUE.test(value)) return false;
  const lower = value.toLowerCase();
  return !PLACEHOLDER_WORDS.some((word) => lower.includes(word)) && entropy(value) >= MIN_ENTROPY;
}

/** Why a value is a literal secret, never quoting it; undefined when it is not one. */
export function literalSecretReason(key: string, value: string, shapesOnly = false): string | undefined {
  const shape = TOKEN_SHAPES.find((candidate) => candidate.pattern.test(value));
  if (shape !== undefined) return `it has the shape of ${shape.name}`;
  if (shapesOnly || !namedLikeSecret(key) || !looksRandom(value)) return undefined;
  return 'its name says it is a credential and it holds a random-looking literal instead of an expression';
}

interface Literal {
  readonly scalar: Scalar<string>;
  readonly label: string;
  readonly reason: string;
}

function literalsIn(place: Place, document: Document.Parsed): Literal[] {
  return entriesOf(place.node, document).flatMap((entry) => {
    const scalar = stringScalar(entry.value);
    const reason = scalar && literalSecretReason(entry.key, scalar.value, place.shapesOnly);
    if (scalar === undefined || reason === undefined) return [];
    return [{ scalar, label: `\`${place.name}.${entry.key.slice(0, 100)}\` of ${place.where}`, reason }];
  });
}

function detectionFor(
  literal: Literal,
  context: { file: CheckFile; lines: LineCounter; rule: RuleDescriptor },
): Detection {
  const region = scalarRegion(literal.scalar, context.lines);
  return {
    ruleId: context.rule.id,
    message:
      `Literal secret: ${literal.label} holds a literal credential (${literal.reason}). Treat it as leaked: ` +
      'revoke it, store the new one as an encrypted secret and reference it as `${{ secrets.NAME }}`.',
    location: { path: context.file.path, ...(region === undefined ? {} : { region }) },
    evidence: `${literal.label}: <redacted>`,
  };
}

function run(file: CheckFile, rule: RuleDescriptor): CheckResult {
  const parsed = parseWorkflowFile(file);
  if (parsed === undefined) return SKIP;
  const seen = new Map<Scalar, Literal>();
  for (const document of parsed.documents) {
    for (const place of placesOf(file.path, document)) {
      for (const literal of literalsIn(place, document))
        if (!seen.has(literal.scalar)) seen.set(literal.scalar, literal);
    }
  }
  const detections = [...seen.values()]
    .sort((a, b) => (a.scalar.range?.[0] ?? 0) - (b.scalar.range?.[0] ?? 0))
    .map((literal) => detectionFor(literal, { file, lines: parsed.lines, rule }));
  return detections.length === 0 ? SKIP : { detections, notes: [] };
}

export const workflowLiteralSecret = defineCheck({ meta, appliesTo: isWorkflowOrAction, run });
