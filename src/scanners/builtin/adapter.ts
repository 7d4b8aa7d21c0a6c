import { isAbsolute, join } from 'node:path';
import { describeError, ScannerError } from '../../core/errors.js';
import type { Detection } from '../../findings/finding.js';
import type { ScanContext, ScanNote, ScanOutcome, ScannerAdapter, ToolInfo } from '../scanner.js';
import type { Check, CheckFile } from './check.js';
import { ALL_CHECKS, REPOSITORY_CHECKS } from './checks/index.js';
import type { RepositoryCheck, RepositoryView } from './repository-check.js';

const SCANNER_ID = 'builtin';

type FileText =
  { readonly kind: 'text'; readonly file: CheckFile } | { readonly kind: 'note'; readonly note: ScanNote };

/** Discovery promises repo-relative POSIX paths; a path that could leave the root is refused all the same. */
function isInsideRoot(path: string): boolean {
  return path !== '' && !isAbsolute(path) && !path.split('/').includes('..');
}

async function readText(context: ScanContext, path: string): Promise<FileText> {
  if (!isInsideRoot(path)) {
    return {
      kind: 'note',
      note: { path, message: `${path} was not checked: not a path inside the repository` },
    };
  }
  let bytes: Buffer;
  try {
    bytes = await context.ports.fs.readFile(join(context.root, path));
  } catch (thrown: unknown) {
    return { kind: 'note', note: { path, message: `${path} was not checked: ${describeError(thrown)}` } };
  }
  try {
    // fatal: invalid UTF-8 is hostile or binary input, not text to guess at; the BOM is dropped.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { kind: 'text', file: { path, text } };
  } catch {
    return { kind: 'note', note: { path, message: `${path} was not checked: it is not valid UTF-8` } };
  }
}

/** `path` is the file a per-file check failed on; a repository check fails on the whole repository. */
function internalError(checkId: string, path: string | undefined, thrown: unknown): ScannerError {
  const where = path === undefined ? '' : ` on ${path}`;
  return new ScannerError(
    'INTERNAL',
    {
      scanner: SCANNER_ID,
      message: `builtin check "${checkId}" failed${where}: ${describeError(thrown)}. This is a bug in Vouch; please report it.`,
    },
    { cause: thrown },
  );
}

interface Collected {
  readonly detections: Detection[];
  readonly notes: ScanNote[];
}

/** Runs the checks that apply to one file; a throwing check is returned as an error instead of escaping. */
function runChecks(checks: readonly Check[], file: CheckFile, into: Collected): ScannerError | undefined {
  for (const check of checks) {
    try {
      const result = check.run(file);
      into.detections.push(...result.detections);
      into.notes.push(...result.notes);
    } catch (thrown: unknown) {
      return internalError(check.id, file.path, thrown);
    }
  }
  return undefined;
}

async function scanFiles(checks: readonly Check[], context: ScanContext): Promise<Collected | ScannerError> {
  const collected: Collected = { detections: [], notes: [] };
  // Each file check sees one file, so on a pull request only the changed files can give new findings.
  for (const path of context.changedFiles ?? context.files) {
    const applicable = checks.filter((check) => check.appliesTo(path));
    if (applicable.length === 0) continue;
    const read = await readText(context, path);
    if (read.kind === 'note') {
      collected.notes.push(read.note);
      continue;
    }
    const error = runChecks(applicable, read.file, collected);
    if (error !== undefined) return error;
  }
  return collected;
}

function repositoryView(context: ScanContext): RepositoryView {
  return {
    files: context.files,
    readText: async (path) => {
      const read = await readText(context, path);
      return read.kind === 'text' ? read.file.text : undefined;
    },
    http: context.ports.http,
    clock: context.ports.clock,
  };
}

/** Runs every repository check at once; the first to throw is returned as an error instead of escaping. */
async function scanRepository(
  checks: readonly RepositoryCheck[],
  context: ScanContext,
): Promise<Collected | ScannerError> {
  const view = repositoryView(context);
  const results = await Promise.all(
    checks.map(async (check) => {
      try {
        return await check.run(view);
      } catch (thrown: unknown) {
        return internalError(check.id, undefined, thrown);
      }
    }),
  );
  const collected: Collected = { detections: [], notes: [] };
  for (const result of results) {
    if (result instanceof ScannerError) return result;
    collected.detections.push(...result.detections);
    collected.notes.push(...result.notes);
  }
  return collected;
}

interface Registered {
  readonly checks: readonly Check[];
  readonly repositoryChecks: readonly RepositoryCheck[];
}

async function scan(
  { checks, repositoryChecks }: Registered,
  tool: ToolInfo,
  context: ScanContext,
): Promise<ScanOutcome> {
  const [files, repository] = await Promise.all([
    scanFiles(checks, context),
    scanRepository(repositoryChecks, context),
  ]);
  if (files instanceof ScannerError) return { kind: 'error', error: files };
  if (repository instanceof ScannerError) return { kind: 'error', error: repository };
  const rules = [...checks.map((check) => check.rule), ...repositoryChecks.flatMap((check) => check.rules)];
  const detections = [...files.detections, ...repository.detections];
  const completed = { tool, rules, notes: [...files.notes, ...repository.notes] };
  return detections.length === 0
    ? { kind: 'clean', ...completed }
    : { kind: 'findings', ...completed, detections };
}

export interface BuiltinAdapterOptions {
  /** Checks over the whole repository, run concurrently with the per-file pass. Default: REPOSITORY_CHECKS. */
  readonly repositoryChecks?: readonly RepositoryCheck[];
}

/** The in-process scanner: Vouch's own checks, run over the files discovery kept. */
export function createBuiltinAdapter(
  checks: readonly Check[] = ALL_CHECKS,
  version?: string,
  options: BuiltinAdapterOptions = {},
): ScannerAdapter {
  const registered: Registered = { checks, repositoryChecks: options.repositoryChecks ?? REPOSITORY_CHECKS };
  const tool: ToolInfo = { name: 'vouch-builtin', ...(version === undefined ? {} : { version }) };
  return {
    id: SCANNER_ID,
    async scan(context) {
      try {
        return await scan(registered, tool, context);
      } catch (thrown: unknown) {
        // A throwing `appliesTo` or port is as much a bug as a throwing check: fail closed, never escape.
        const message = `builtin scanner failed: ${describeError(thrown)}. This is a bug in Vouch; please report it.`;
        return {
          kind: 'error',
          error: new ScannerError('INTERNAL', { scanner: SCANNER_ID, message }, { cause: thrown }),
        };
      }
    },
  };
}
