import { dirname, join, posix, relative, resolve } from 'node:path';
import meta from '../../data/checks/ai-instructions-no-security-guidance.json' with { type: 'json' };
import { discover } from '../core/discover.js';
import { RESULTS_FILE } from '../core/emit.js';
import { ConfigError } from '../core/errors.js';
import { renderBlock, withBlock } from '../instructions/block.js';
import { MANIFESTS, profileOf } from '../instructions/profile.js';
import { dataPatterns } from '../scanners/builtin/check-data.js';
import type { CliIo } from './main.js';

export interface InstructionsArgs {
  readonly dir: string;
  /** Only this file (created when missing); absent: every primary instruction file, or AGENTS.md. */
  readonly write?: string;
  /** A scan's vouch-results.json; absent: `<dir>/vouch-results/vouch-results.json` when there is one. */
  readonly results?: string;
  /** Print the section instead of writing it. */
  readonly print: boolean;
}

const PRIMARY = dataPatterns(meta, 'primary-instruction-files');
const MAX_FILE_BYTES = 5 * 1024 * 1024;

async function readOptional(io: CliIo, path: string): Promise<string | undefined> {
  if ((await io.ports.fs.lstat(path))?.kind !== 'file') return undefined;
  return (await io.ports.fs.readFile(path)).toString('utf8');
}

/** The CWEs of what the last scan found, from its results file. */
async function foundCwes(io: CliIo, root: string, results: string | undefined): Promise<string[]> {
  const path = results ? resolve(io.cwd, results) : join(root, 'vouch-results', RESULTS_FILE);
  const text = await readOptional(io, path);
  if (text === undefined) {
    if (results) throw new ConfigError('INVALID_ARGUMENT', `--results ${results}: not a file`);
    return [];
  }
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError('INVALID_INPUT', `${path}: not JSON (${(cause as Error).message})`, { cause });
  }
  const findings = (record as { findings?: unknown }).findings;
  if (!Array.isArray(findings))
    throw new ConfigError('INVALID_INPUT', `${path}: no "findings" list (is it a vouch-results.json?)`);
  return findings.flatMap((finding: { cwe?: unknown; verdict?: unknown }) =>
    finding.verdict === 'suppressed' || !Array.isArray(finding.cwe)
      ? []
      : finding.cwe.filter((c): c is string => typeof c === 'string'),
  );
}

/** `vouch instructions`: writes or updates Vouch's security section in the repository's instruction files. */
export async function runInstructions(args: InstructionsArgs, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, args.dir);
  if ((await io.ports.fs.lstat(root))?.kind !== 'directory')
    throw new ConfigError('INVALID_PATH', `not a directory: ${args.dir}`);
  const discovery = await discover({
    root,
    fs: io.ports.fs,
    excludes: ['vouch-results/**'],
    maxFileBytes: MAX_FILE_BYTES,
  });
  const texts = new Map<string, string>();
  for (const path of discovery.files.filter((p) => MANIFESTS.has(posix.basename(p))))
    texts.set(path, (await io.ports.fs.readFile(join(root, path))).toString('utf8'));
  const block = renderBlock(
    profileOf(discovery.files, (path) => texts.get(path)),
    await foundCwes(io, root, args.results),
  );
  if (args.print) {
    io.stdout(block);
    return 0;
  }
  const present = discovery.files.filter((path) => PRIMARY.some((pattern) => pattern.test(path)));
  const targets = args.write
    ? [resolve(io.cwd, args.write)]
    : (present.length > 0 ? present : ['AGENTS.md']).map((p) => join(root, p));
  for (const target of targets) {
    const existing = await readOptional(io, target);
    const next = withBlock(relative(io.cwd, target) || target, existing, block);
    const shown = relative(io.cwd, target) || target;
    if (next === existing) {
      io.stdout(`${shown}: up to date`);
      continue;
    }
    await io.ports.fs.mkdir(dirname(target));
    await io.ports.fs.writeFile(target, next);
    io.stdout(`${shown}: ${existing === undefined ? 'created' : 'updated'}`);
  }
  return 0;
}
