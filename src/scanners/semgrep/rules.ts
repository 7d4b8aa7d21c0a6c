import { join } from 'node:path';
import { parse } from 'yaml';
import type { FileSystem } from '../../core/ports.js';
import type { Precision, RuleDescriptor } from '../../findings/finding.js';
import { defaultScore, severityFromScore, type Severity } from '../../findings/severity.js';

/** The fields of one Semgrep rule that Vouch reads (data/rules/semgrep/README.md, "Rule contract"). */
export interface SemgrepRuleSource {
  readonly id: string;
  readonly message?: string;
  readonly severity?: string;
  readonly languages: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface SemgrepRuleset {
  /** By Semgrep rule id (without the `semgrep/` prefix). */
  readonly rules: ReadonlyMap<string, RuleDescriptor>;
  /** Every `languages:` entry, lower-cased. */
  readonly languages: ReadonlySet<string>;
  /** Rule files the yaml package could not read; Semgrep itself decides whether they are fatal. */
  readonly unreadable: readonly string[];
  /**
   * Tiered rules (metadata `vouch-supersedes`): rule id → the ids of broader, less severe rules whose
   * result on the same line it replaces (request data into SQL supersedes any formatted SQL).
   */
  readonly supersedes: ReadonlyMap<string, readonly string[]>;
  /** Each readable rule file with the languages of its rules, so a run can load only the files it needs. */
  readonly files: readonly { readonly path: string; readonly languages: readonly string[] }[];
}

/** Semgrep's levels, for rules without a numeric `security-severity`; unknown levels count as high. */
const LEVELS: Readonly<Record<string, Severity>> = {
  CRITICAL: 'critical',
  ERROR: 'high',
  HIGH: 'high',
  WARNING: 'medium',
  MEDIUM: 'medium',
  INFO: 'low',
  LOW: 'low',
};

const PRECISIONS: Readonly<Record<string, Precision>> = { HIGH: 'high', MEDIUM: 'medium', LOW: 'low' };

const ASVS_ID = /^v5\.0\.0-\d+\.\d+\.\d+$/;

/** Reads every `*.yaml` / `*.yml` under the rules directory, as `semgrep --config <dir>` does. */
export async function loadSemgrepRuleset(fs: FileSystem, rulesDir: string): Promise<SemgrepRuleset> {
  const rules = new Map<string, RuleDescriptor>();
  const languages = new Set<string>();
  const unreadable: string[] = [];
  const supersedes = new Map<string, string[]>();
  const files: { path: string; languages: string[] }[] = [];
  for (const file of await ruleFiles(fs, rulesDir)) {
    const sources = ruleSources((await fs.readFile(file)).toString('utf8'));
    if (sources === undefined) {
      unreadable.push(file);
      continue;
    }
    files.push({
      path: file,
      languages: [...new Set(sources.flatMap((s) => s.languages.map((l) => l.toLowerCase())))],
    });
    for (const source of sources) {
      rules.set(source.id, semgrepRuleDescriptor(source));
      for (const language of source.languages) languages.add(language.toLowerCase());
      const replaced = stringList(source.metadata['vouch-supersedes']);
      if (replaced.length > 0) supersedes.set(source.id, replaced);
    }
  }
  return { rules, languages, unreadable, supersedes, files };
}

/** Hidden entries are skipped as Semgrep skips them; symlinks are not followed. */
async function ruleFiles(fs: FileSystem, dir: string): Promise<string[]> {
  const files: string[] = [];
  const entries = await fs.readdir(dir);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.kind === 'directory') files.push(...(await ruleFiles(fs, path)));
    else if (entry.kind === 'file' && /\.ya?ml$/.test(entry.name)) files.push(path);
  }
  return files;
}

/** The rules of one file, or undefined when it is not a readable `rules:` document. */
export function ruleSources(text: string): SemgrepRuleSource[] | undefined {
  let document: unknown;
  try {
    document = parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(document) || !Array.isArray(document.rules)) return undefined;
  const sources: SemgrepRuleSource[] = [];
  for (const rule of document.rules) {
    if (!isRecord(rule) || typeof rule.id !== 'string' || rule.id === '') return undefined;
    sources.push({
      id: rule.id,
      ...(typeof rule.message === 'string' ? { message: rule.message.trim() } : {}),
      ...(typeof rule.severity === 'string' ? { severity: rule.severity } : {}),
      languages: stringList(rule.languages),
      metadata: isRecord(rule.metadata) ? rule.metadata : {},
    });
  }
  return sources;
}

export function semgrepRuleDescriptor(source: SemgrepRuleSource): RuleDescriptor {
  const { metadata } = source;
  const title = typeof metadata.title === 'string' ? metadata.title.trim() : '';
  const message = source.message ?? '';
  const references = stringList(metadata.references).filter((url) => /^https?:\/\//.test(url));
  const score = securityScore(metadata['security-severity']);
  const severity = score === undefined ? levelSeverity(source.severity) : severityFromScore(score);
  const category = typeof metadata.category === 'string' ? [metadata.category] : [];
  return {
    id: `semgrep/${source.id}`,
    name: source.id,
    shortDescription: title || firstSentence(message) || source.id,
    fullDescription: message || title || source.id,
    help: helpText(message || title || source.id, references),
    ...(references[0] === undefined ? {} : { helpUri: references[0] }),
    severity,
    securitySeverity: score ?? defaultScore(severity),
    precision: PRECISIONS[String(metadata.confidence).toUpperCase()] ?? 'medium',
    cwe: cweIds(metadata.cwe),
    asvs: stringList(metadata.asvs).filter((id) => ASVS_ID.test(id)),
    tags: [...new Set([...category, ...source.languages.map((language) => language.toLowerCase())])],
  };
}

/**
 * The rule id inside a Semgrep `check_id`. With --no-rewrite-rule-ids it is the id itself; without, Semgrep
 * prefixes the config's directory path with dots (`data.rules.semgrep.python.<id>`, or the absolute path),
 * so a known id that ends the check id wins, then the last dotted component (Vouch's ids have no dots).
 */
export function ruleIdFromCheckId(checkId: string, known: ReadonlyMap<string, unknown>): string {
  if (known.has(checkId)) return checkId;
  const suffixed = [...known.keys()].filter((id) => checkId.endsWith(`.${id}`));
  const longest = suffixed.sort((a, b) => b.length - a.length)[0];
  return longest ?? checkId.slice(checkId.lastIndexOf('.') + 1);
}

/** `security-severity` as a number in (0, 10]; a quoted number is accepted (Semgrep 1.180.0 rejects floats). */
function securityScore(value: unknown): number | undefined {
  const score = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof score === 'number' && Number.isFinite(score) && score > 0 && score <= 10 ? score : undefined;
}

function levelSeverity(level: string | undefined): Severity {
  return LEVELS[(level ?? '').toUpperCase()] ?? 'high';
}

/** "CWE-89: Improper Neutralization…" → "CWE-89". */
export function cweIds(value: unknown): string[] {
  const entries = typeof value === 'string' ? [value] : stringList(value);
  const ids = entries.map((entry) => /^\s*CWE-(\d+)\b/i.exec(entry)?.[1]);
  return [...new Set(ids.filter((id) => id !== undefined).map((id) => `CWE-${Number(id)}`))];
}

function helpText(message: string, references: readonly string[]): string {
  if (references.length === 0) return message;
  return [message, '', '**References**', '', ...references.map((url) => `- ${url}`)].join('\n');
}

function firstSentence(text: string): string {
  return /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
