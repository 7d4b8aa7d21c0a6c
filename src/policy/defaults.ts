import type { Document, LineCounter } from 'yaml';
import type { SecretKind } from '../findings/finding.js';
import { isFileRole, type FileRole } from '../findings/roles.js';
import { isSeverity, type Severity } from '../findings/severity.js';
import {
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_SCANNER_TIMEOUT_SECONDS,
  type EnforcementMode,
  type FindingSelectors,
  type ModeRule,
  type Policy,
  type ScannerSettings,
  type Suppression,
  type Threshold,
} from './policy.js';
import { lineOf } from './validate.js';

interface SelectorsDocument {
  readonly name?: string;
  readonly severity?: string;
  readonly 'min-severity'?: string;
  readonly owasp?: string;
  readonly asvs?: string;
  readonly scanner?: string;
  readonly rule?: string;
  readonly role?: string | string[];
  readonly path?: string;
  readonly secret?: SecretKind;
}

interface ThresholdDocument extends SelectorsDocument {
  readonly max: number;
}

interface ModeDocument extends SelectorsDocument {
  readonly mode: EnforcementMode;
}

interface SuppressionDocument {
  readonly rule?: string;
  readonly fingerprint?: string;
  readonly path?: string;
  readonly reason: string;
  readonly owner: string;
  readonly expires: string;
}

/** The shape the schema guarantees once validation passed. */
export interface PolicyDocument {
  readonly description?: string;
  readonly scanners?: Record<string, { enabled?: boolean; required?: boolean; 'timeout-seconds'?: number }>;
  readonly block?: { severities?: string[] };
  readonly thresholds?: ThresholdDocument[];
  readonly modes?: ModeDocument[];
  readonly 'new-only'?: 'auto' | 'always' | 'never';
  readonly baseline?: string;
  readonly suppressions?: SuppressionDocument[];
  readonly 'suppressions-file'?: string;
  readonly 'on-scanner-error'?: 'fail' | 'warn';
  readonly 'unknown-severity'?: string;
  readonly paths?: { exclude?: string[]; 'max-file-bytes'?: number };
  readonly dependencies?: {
    'min-age-days'?: number;
    offline?: boolean;
    'npm-registry'?: string;
    'pypi-url'?: string;
  };
  readonly osv?: { 'offline-db'?: string; 'resolve-transitive'?: boolean };
}

export interface SuppressionsDocument {
  readonly suppressions: SuppressionDocument[];
}

export interface SourceContext {
  readonly label: string;
  readonly document: Document;
  readonly lines: LineCounter;
}

function severityOr(value: string | undefined, fallback: Severity): Severity {
  return isSeverity(value) ? value : fallback;
}

function optionalSeverity(value: string | undefined): Severity | undefined {
  return isSeverity(value) ? value : undefined;
}

export function buildPolicy(doc: PolicyDocument, context: SourceContext & { digest: string }): Policy {
  return {
    source: context.label,
    description: doc.description,
    digest: context.digest,
    scanners: scanners(doc),
    blockSeverities: (doc.block?.severities ?? ['critical', 'high']).filter(isSeverity),
    thresholds: (doc.thresholds ?? []).map((t, i) => threshold(t, i, context)),
    modes: (doc.modes ?? []).map((m, i) => modeRule(m, i, context)),
    newOnly: doc['new-only'] ?? 'auto',
    baseline: doc.baseline,
    suppressions: buildSuppressions(doc.suppressions ?? [], '/suppressions', context),
    suppressionsFile: doc['suppressions-file'],
    onScannerError: doc['on-scanner-error'] ?? 'fail',
    unknownSeverity: severityOr(doc['unknown-severity'], 'high'),
    excludes: doc.paths?.exclude ?? [],
    maxFileBytes: doc.paths?.['max-file-bytes'] ?? DEFAULT_MAX_FILE_BYTES,
    dependencies: {
      minAgeDays: doc.dependencies?.['min-age-days'] ?? 30,
      offline: doc.dependencies?.offline ?? false,
      npmRegistry: doc.dependencies?.['npm-registry'],
      pypiUrl: doc.dependencies?.['pypi-url'],
    },
    osvOfflineDb: doc.osv?.['offline-db'],
    osvResolveTransitive: doc.osv?.['resolve-transitive'] ?? false,
  };
}

function scanners(doc: PolicyDocument): Record<string, ScannerSettings> {
  const result: Record<string, ScannerSettings> = {};
  for (const [id, settings] of Object.entries(doc.scanners ?? {})) {
    result[id] = {
      enabled: settings.enabled ?? true,
      required: settings.required ?? true,
      timeoutSeconds: settings['timeout-seconds'] ?? DEFAULT_SCANNER_TIMEOUT_SECONDS,
    };
  }
  return result;
}

function selectors(doc: SelectorsDocument): FindingSelectors {
  const roles: FileRole[] | undefined =
    doc.role === undefined ? undefined : [doc.role].flat().filter(isFileRole);
  return {
    severity: optionalSeverity(doc.severity),
    minSeverity: optionalSeverity(doc['min-severity']),
    owasp: doc.owasp,
    asvs: doc.asvs,
    scanner: doc.scanner,
    rule: doc.rule,
    ...(roles ? { roles } : {}),
    ...(doc.path ? { path: doc.path } : {}),
    ...(doc.secret ? { secret: doc.secret } : {}),
  };
}

function label(list: string, index: number, name: string | undefined): string {
  return name ? `${list}[${index}] "${name}"` : `${list}[${index}]`;
}

function threshold(doc: ThresholdDocument, index: number, context: SourceContext): Threshold {
  return {
    label: label('thresholds', index, doc.name),
    ...selectors(doc),
    max: doc.max,
    source: { file: context.label, line: lineOf(context.document, context.lines, `/thresholds/${index}`) },
  };
}

function modeRule(doc: ModeDocument, index: number, context: SourceContext): ModeRule {
  return {
    label: label('modes', index, doc.name),
    ...selectors(doc),
    mode: doc.mode,
    source: { file: context.label, line: lineOf(context.document, context.lines, `/modes/${index}`) },
  };
}

export function buildSuppressions(
  docs: readonly SuppressionDocument[],
  pointer: string,
  context: SourceContext,
): Suppression[] {
  return docs.map((doc, index) => ({
    rule: doc.rule,
    fingerprint: doc.fingerprint,
    path: doc.path,
    reason: doc.reason,
    owner: doc.owner,
    expires: doc.expires,
    source: { file: context.label, line: lineOf(context.document, context.lines, `${pointer}/${index}`) },
  }));
}
