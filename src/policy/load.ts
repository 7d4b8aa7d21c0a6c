import { createHash } from 'node:crypto';
import { isAbsolute, join, relative } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError } from '../core/errors.js';
import type { FileSystem } from '../core/ports.js';
import {
  buildPolicy,
  buildSuppressions,
  type PolicyDocument,
  type SuppressionsDocument,
} from './defaults.js';
import type { Policy, Suppression } from './policy.js';
import { validatePolicyDocument, type DocumentKind } from './validate.js';

export const PRESETS = ['default', 'strict', 'audit'] as const;

export interface LoadPolicyOptions {
  /** A preset name or a path (relative paths resolve against `workspace`). */
  readonly spec: string;
  readonly workspace: string;
  readonly vouchRoot: string;
  readonly fs: FileSystem;
}

export function isPreset(spec: string): boolean {
  return (PRESETS as readonly string[]).includes(spec);
}

/** Absolute path of a preset or policy file, and the label messages use for it. */
export function policyLocation(options: Omit<LoadPolicyOptions, 'fs'>): { path: string; label: string } {
  if (isPreset(options.spec)) {
    return {
      path: join(options.vouchRoot, 'policies', `${options.spec}.yml`),
      label: `preset:${options.spec}`,
    };
  }
  const path = isAbsolute(options.spec) ? options.spec : join(options.workspace, options.spec);
  const rel = relative(options.workspace, path);
  return { path, label: rel.startsWith('..') || isAbsolute(rel) ? path : rel };
}

export async function loadPolicy(options: LoadPolicyOptions): Promise<Policy> {
  const { path, label } = policyLocation(options);
  return parsePolicy(await readOrExplain(options.fs, path, `policy ${label}`), label);
}

export async function loadSuppressionsFile(
  fs: FileSystem,
  path: string,
  label: string,
): Promise<Suppression[]> {
  return parseSuppressions(await readOrExplain(fs, path, `suppressions file ${label}`), label);
}

async function readOrExplain(fs: FileSystem, path: string, what: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (cause) {
    throw new ConfigError('INVALID_POLICY', `${what}: cannot be read (${(cause as Error).message})`, {
      cause,
    });
  }
}

interface Parsed {
  readonly data: unknown;
  readonly document: Document;
  readonly lines: LineCounter;
}

/** YAML (JSON is YAML) → data, rejecting syntax errors and duplicate keys, then schema-validated. */
function parseValidated(bytes: Buffer, label: string, kind: DocumentKind): Parsed {
  const lines = new LineCounter();
  const document = parseDocument(bytes.toString('utf8'), {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const yamlError = document.errors[0];
  if (yamlError) {
    const at = lines.linePos(yamlError.pos[0]);
    const reason = yamlError.message.split('\n')[0] ?? '';
    throw new ConfigError(
      'INVALID_POLICY',
      `${kind} ${label}:${at.line}:${at.col}: not valid YAML/JSON: ${reason}`,
    );
  }
  const data: unknown = document.toJS();
  const problems = validatePolicyDocument(data, document, lines, kind);
  const first = problems[0];
  if (first) {
    const where = first.line === undefined ? label : `${label}:${first.line}`;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
    throw new ConfigError(
      'INVALID_POLICY',
      `${kind} ${where}: ${first.pointer || '/'}: ${first.message}${more}`,
    );
  }
  return { data, document, lines };
}

/** Parses YAML or JSON policy text, validates it against the schema, and applies defaults. */
export function parsePolicy(bytes: Buffer, label: string): Policy {
  const parsed = parseValidated(bytes, label, 'policy');
  const digest = createHash('sha256').update(bytes).digest('hex');
  return buildPolicy(parsed.data as PolicyDocument, {
    label,
    digest,
    document: parsed.document,
    lines: parsed.lines,
  });
}

export function parseSuppressions(bytes: Buffer, label: string): Suppression[] {
  const parsed = parseValidated(bytes, label, 'suppressions');
  const doc = parsed.data as SuppressionsDocument;
  return buildSuppressions(doc.suppressions, '/suppressions', {
    label,
    document: parsed.document,
    lines: parsed.lines,
  });
}
