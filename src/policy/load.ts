import { createHash } from 'node:crypto';
import { isAbsolute, join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError } from '../core/errors.js';
import type { FileSystem } from '../core/ports.js';
import { isSeverity, type Severity } from '../findings/severity.js';
import {
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_SCANNER_TIMEOUT_SECONDS,
  type Policy,
  type ScannerSettings,
} from './policy.js';
import { validatePolicyDocument } from './validate.js';

export const PRESETS = ['default', 'strict', 'audit'] as const;

export interface LoadPolicyOptions {
  /** A preset name or a path (relative paths resolve against `workspace`). */
  readonly spec: string;
  readonly workspace: string;
  readonly vouchRoot: string;
  readonly fs: FileSystem;
}

export async function loadPolicy(options: LoadPolicyOptions): Promise<Policy> {
  const isPreset = (PRESETS as readonly string[]).includes(options.spec);
  const path = isPreset
    ? join(options.vouchRoot, 'policies', `${options.spec}.yml`)
    : isAbsolute(options.spec)
      ? options.spec
      : join(options.workspace, options.spec);
  const label = isPreset ? `preset:${options.spec}` : displayPath(path, options.workspace);
  let bytes: Buffer;
  try {
    bytes = await options.fs.readFile(path);
  } catch (cause) {
    throw new ConfigError('INVALID_POLICY', `policy ${label}: cannot be read (${(cause as Error).message})`, {
      cause,
    });
  }
  return parsePolicy(bytes, label);
}

function displayPath(path: string, workspace: string): string {
  const rel = relative(workspace, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** Parses YAML or JSON policy text, validates it against the schema, and applies defaults. */
export function parsePolicy(bytes: Buffer, label: string): Policy {
  const text = bytes.toString('utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = document.errors[0];
  if (yamlError) {
    const at = lineCounter.linePos(yamlError.pos[0]);
    throw new ConfigError(
      'INVALID_POLICY',
      `policy ${label}:${at.line}:${at.col}: not valid YAML/JSON: ${yamlError.message.split('\n')[0] ?? ''}`,
    );
  }
  const data: unknown = document.toJS();
  const problems = validatePolicyDocument(data, document, lineCounter);
  const first = problems[0];
  if (first) {
    const where = first.line === undefined ? label : `${label}:${first.line}`;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
    throw new ConfigError(
      'INVALID_POLICY',
      `policy ${where}: ${first.pointer || '/'}: ${first.message}${more}`,
    );
  }
  return applyDefaults(data as PolicyDocument, label, createHash('sha256').update(bytes).digest('hex'));
}

interface PolicyDocument {
  readonly description?: string;
  readonly scanners?: Record<string, { enabled?: boolean; required?: boolean; 'timeout-seconds'?: number }>;
  readonly block?: { severities?: string[] };
  readonly 'on-scanner-error'?: 'fail' | 'warn';
  readonly 'unknown-severity'?: string;
  readonly paths?: { exclude?: string[]; 'max-file-bytes'?: number };
}

function applyDefaults(doc: PolicyDocument, source: string, digest: string): Policy {
  const scanners: Record<string, ScannerSettings> = {};
  for (const [id, settings] of Object.entries(doc.scanners ?? {})) {
    scanners[id] = {
      enabled: settings.enabled ?? true,
      required: settings.required ?? true,
      timeoutSeconds: settings['timeout-seconds'] ?? DEFAULT_SCANNER_TIMEOUT_SECONDS,
    };
  }
  return {
    source,
    description: doc.description,
    digest,
    scanners,
    blockSeverities: (doc.block?.severities ?? ['critical', 'high']).filter(isSeverity),
    onScannerError: doc['on-scanner-error'] ?? 'fail',
    unknownSeverity: asSeverity(doc['unknown-severity'], 'high'),
    excludes: doc.paths?.exclude ?? [],
    maxFileBytes: doc.paths?.['max-file-bytes'] ?? DEFAULT_MAX_FILE_BYTES,
  };
}

function asSeverity(value: string | undefined, fallback: Severity): Severity {
  return isSeverity(value) ? value : fallback;
}
