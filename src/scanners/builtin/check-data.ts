import { ruleFromMeta, type Check, type CheckSpec } from './check.js';
import type { RuleDescriptor } from '../../findings/finding.js';

/**
 * Curated lists a check keeps beside its metadata in data/checks/<id>.json. Like `ruleFromMeta`, broken
 * shipped data throws at module load, where the registry test sees it, instead of silently matching nothing.
 */
function record(meta: unknown): Record<string, unknown> {
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw new Error('check metadata must be a JSON object');
  }
  return meta as Record<string, unknown>;
}

function where(meta: unknown, key: string): string {
  const id = record(meta)['id'];
  return `data/checks/${typeof id === 'string' ? id : '?'}.json: "${key}"`;
}

export function dataStrings(meta: unknown, key: string): string[] {
  const value = record(meta)[key];
  if (!Array.isArray(value) || value.length === 0) throw new Error(`${where(meta, key)} must be a list`);
  return value.map((item: unknown) => {
    if (typeof item !== 'string' || item === '') throw new Error(`${where(meta, key)} must hold strings`);
    return item;
  });
}

function compiled(meta: unknown, key: string, source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (thrown: unknown) {
    throw new Error(`${where(meta, key)} holds an invalid pattern: ${source}`, { cause: thrown });
  }
}

/** Regular expressions kept as strings; `flags` are added to each. */
export function dataPatterns(meta: unknown, key: string, flags = ''): RegExp[] {
  return dataStrings(meta, key).map((source) => compiled(meta, key, source, flags));
}

export interface NamedPattern {
  readonly name: string;
  readonly pattern: RegExp;
}

/** A list of `{ "name": …, "pattern": … }` objects. */
export function dataNamedPatterns(meta: unknown, key: string): NamedPattern[] {
  const value = record(meta)[key];
  if (!Array.isArray(value) || value.length === 0) throw new Error(`${where(meta, key)} must be a list`);
  return value.map((item: unknown) => {
    const entry = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const { name, pattern } = entry;
    if (typeof name !== 'string' || typeof pattern !== 'string' || name === '' || pattern === '') {
      throw new Error(`${where(meta, key)} must hold { "name", "pattern" } strings`);
    }
    return { name, pattern: compiled(meta, key, pattern, '') };
  });
}

/**
 * The rule of an informational check. `ruleFromMeta` insists on a security-severity inside the severity's
 * band, which `info` cannot have: GitHub bands start at 0.1 and severity.ts maps info to 0. So info metadata
 * carries no "security-severity"; everything else is validated by `ruleFromMeta` itself, and the SARIF
 * writer leaves `security-severity` (and the `security` tag) off info rules.
 */
export function infoRuleFromMeta(meta: unknown): RuleDescriptor {
  const fields = record(meta);
  if (fields['severity'] !== 'info' || 'security-severity' in fields) {
    throw new Error(`${where(meta, 'severity')} must be "info", without a "security-severity"`);
  }
  const rule = ruleFromMeta({ ...fields, severity: 'low', 'security-severity': 0.1 });
  return { ...rule, severity: 'info', securitySeverity: 0 };
}

/** `defineCheck` for informational checks (see `infoRuleFromMeta`). */
export function defineInfoCheck(spec: CheckSpec): Check {
  const rule = infoRuleFromMeta(spec.meta);
  return {
    id: rule.name,
    rule,
    appliesTo: (path) => spec.appliesTo(path),
    run: (file) => spec.run(file, rule),
  };
}

export function dataString(meta: unknown, key: string): string {
  const value = record(meta)[key];
  if (typeof value !== 'string' || value === '')
    throw new Error(`${where(meta, key)} must be a non-empty string`);
  return value;
}

export function dataNumber(meta: unknown, key: string): number {
  const value = record(meta)[key];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error(`${where(meta, key)} must be a number`);
  return value;
}
