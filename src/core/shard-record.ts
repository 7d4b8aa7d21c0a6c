import type { Finding, RuleDescriptor } from '../findings/finding.js';
import { isSeverity } from '../findings/severity.js';
import type { Policy } from '../policy/policy.js';
import type { ScanNote, ToolInfo } from '../scanners/scanner.js';
import type { ScannerProblem } from './decision.js';
import type { SkippedPath } from './discover.js';
import { ConfigError } from './errors.js';
import type { RepositoryInfo } from './sbom-output.js';
import type { ShardSpec } from './shard.js';

/** One scanner's part of a shard, as its results file records it. */
export interface ShardScanner {
  readonly id: string;
  readonly outcome: 'clean' | 'findings' | 'skipped' | 'error';
  readonly durationMs: number;
  readonly tool?: ToolInfo;
  readonly rules: readonly RuleDescriptor[];
  readonly notes: readonly ScanNote[];
  readonly reason?: string;
}

/** What `vouch merge` reads back from one shard's `vouch-results.json`. */
export interface ShardRecord {
  readonly file: string;
  readonly vouchVersion: string;
  readonly shard: ShardSpec;
  readonly repository: RepositoryInfo;
  readonly files: { readonly count: number; readonly digest: string };
  readonly newOnly: boolean;
  readonly policy: Policy;
  readonly findings: readonly (Finding & { readonly isNew: boolean })[];
  readonly scanners: readonly ShardScanner[];
  readonly problems: readonly ScannerProblem[];
  readonly notes: readonly string[];
  readonly skipped: readonly SkippedPath[];
}

type Json = Record<string, unknown>;

class Reader {
  constructor(readonly file: string) {}

  fail(pointer: string, what: string): never {
    throw new ConfigError('INVALID_INPUT', `${this.file}: ${pointer || '/'} ${what}`);
  }

  object(value: unknown, pointer: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      this.fail(pointer, 'is not an object');
    return value as Json;
  }

  array(value: unknown, pointer: string): unknown[] {
    if (!Array.isArray(value)) this.fail(pointer, 'is not an array');
    return value;
  }

  string(value: unknown, pointer: string): string {
    if (typeof value !== 'string') this.fail(pointer, 'is not a string');
    return value;
  }

  integer(value: unknown, pointer: string): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
      this.fail(pointer, 'is not a non-negative integer');
    return value;
  }

  boolean(value: unknown, pointer: string): boolean {
    if (typeof value !== 'boolean') this.fail(pointer, 'is not true or false');
    return value;
  }
}

const OUTCOMES = new Set(['clean', 'findings', 'skipped', 'error']);

function repoPath(read: Reader, value: unknown, pointer: string): string {
  const path = read.string(value, pointer);
  if (path === '' || path.startsWith('/') || path.split('/').includes('..'))
    read.fail(pointer, `is not a repository-relative path: ${JSON.stringify(path)}`);
  return path;
}

function finding(read: Reader, value: unknown, pointer: string): Finding & { isNew: boolean } {
  const item = read.object(value, pointer);
  read.string(item.tool, `${pointer}/tool`);
  read.string(item.ruleId, `${pointer}/ruleId`);
  read.string(item.message, `${pointer}/message`);
  read.string(item.fingerprint, `${pointer}/fingerprint`);
  if (!isSeverity(item.severity)) read.fail(`${pointer}/severity`, 'is not a severity');
  const location = read.object(item.location, `${pointer}/location`);
  repoPath(read, location.path, `${pointer}/location/path`);
  for (const list of ['cwe', 'owasp2021', 'owasp2025', 'asvs', 'alsoReportedBy'])
    read
      .array(item[list], `${pointer}/${list}`)
      .forEach((entry, i) => read.string(entry, `${pointer}/${list}/${i}`));
  read.boolean(item.isNew, `${pointer}/isNew`);
  // The verdict is the shard's; the merge judges again.
  const JUDGED = new Set(['verdict', 'mode', 'reasons']);
  const rest = Object.fromEntries(Object.entries(item).filter(([key]) => !JUDGED.has(key)));
  return rest as unknown as Finding & { isNew: boolean };
}

function scanner(read: Reader, value: unknown, pointer: string): ShardScanner {
  const item = read.object(value, pointer);
  const outcome = read.string(item.outcome, `${pointer}/outcome`);
  if (!OUTCOMES.has(outcome)) read.fail(`${pointer}/outcome`, `is not one of ${[...OUTCOMES].join(', ')}`);
  const ran = outcome === 'clean' || outcome === 'findings';
  const rules = ran ? read.array(item.rules, `${pointer}/rules`) : [];
  rules.forEach((rule, i) =>
    read.string(read.object(rule, `${pointer}/rules/${i}`).id, `${pointer}/rules/${i}/id`),
  );
  const tool = ran ? read.object(item.tool, `${pointer}/tool`) : undefined;
  if (tool) read.string(tool.name, `${pointer}/tool/name`);
  return {
    id: read.string(item.id, `${pointer}/id`),
    outcome: outcome as ShardScanner['outcome'],
    durationMs: read.integer(item.durationMs, `${pointer}/durationMs`),
    ...(tool ? { tool: tool as unknown as ToolInfo } : {}),
    rules: rules as RuleDescriptor[],
    notes: (ran ? read.array(item.notes, `${pointer}/notes`) : []) as ScanNote[],
    ...(typeof item.reason === 'string' ? { reason: item.reason } : {}),
  };
}

function problem(read: Reader, value: unknown, pointer: string): ScannerProblem {
  const item = read.object(value, pointer);
  return {
    scanner: read.string(item.scanner, `${pointer}/scanner`),
    message: read.string(item.message, `${pointer}/message`),
    fatal: read.boolean(item.fatal, `${pointer}/fatal`),
  };
}

/** Parses one shard's results file; anything missing or of the wrong type names the file and the field. */
export function parseShardRecord(file: string, text: string): ShardRecord {
  const read = new Reader(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError('INVALID_INPUT', `${file}: not JSON (${(cause as Error).message})`, { cause });
  }
  const root = read.object(data, '');
  if (root.shard === undefined) read.fail('/shard', 'is missing: these are the results of an unsharded scan');
  const shard = read.object(root.shard, '/shard');
  const files = read.object(root.files, '/files');
  const decision = read.object(root.decision, '/decision');
  const repository = read.object(root.repository, '/repository');
  read.string(repository.name, '/repository/name');
  const policy = read.object(root.effectivePolicy, '/effectivePolicy');
  read.string(policy.digest, '/effectivePolicy/digest');
  return {
    file,
    vouchVersion: read.string(root.vouchVersion, '/vouchVersion'),
    shard: {
      index: read.integer(shard.index, '/shard/index'),
      count: read.integer(shard.count, '/shard/count'),
    },
    repository: repository as unknown as RepositoryInfo,
    files: {
      count: read.integer(files.count, '/files/count'),
      digest: read.string(files.digest, '/files/digest'),
    },
    newOnly: read.boolean(read.object(root.evaluation, '/evaluation').newOnly, '/evaluation/newOnly'),
    policy: policy as unknown as Policy,
    findings: read.array(root.findings, '/findings').map((f, i) => finding(read, f, `/findings/${i}`)),
    scanners: read.array(root.scanners, '/scanners').map((s, i) => scanner(read, s, `/scanners/${i}`)),
    problems: read
      .array(decision.problems, '/decision/problems')
      .map((p, i) => problem(read, p, `/decision/problems/${i}`)),
    notes: read
      .array(decision.notes, '/decision/notes')
      .map((n, i) => read.string(n, `/decision/notes/${i}`)),
    skipped: read.array(root.skipped, '/skipped') as SkippedPath[],
  };
}
