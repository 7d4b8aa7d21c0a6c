import type { FileSystem } from '../../core/ports.js';
import { formatViolation, sarifViolations } from '../../sarif/validate.js';
import { importedRuns, type ImportedRun } from './model.js';

/** Well above CodeQL's largest real outputs, well below what JSON.parse and the validator handle. */
export const MAX_SARIF_BYTES = 100 * 1024 * 1024;

export type SarifRead =
  | { readonly kind: 'parsed'; readonly runs: readonly ImportedRun[] }
  | { readonly kind: 'invalid'; readonly message: string };

/**
 * Where JSON.parse stopped, without its excerpt of the input: the file may be anything a pattern
 * matched (a credentials file, a symlink target), and its bytes must not reach logs or summaries.
 */
function jsonFailure(thrown: unknown): string {
  const message = thrown instanceof Error ? thrown.message : '';
  const position = /at position \d+(?: \(line \d+ column \d+\))?/.exec(message)?.[0];
  if (position) return `is not valid JSON (syntax error ${position})`;
  return /unexpected end/i.test(message) ? 'is not valid JSON (it ends too early)' : 'is not valid JSON';
}

/** Parses and schema-checks one SARIF document; `name` is how messages refer to the file. */
export function parseSarif(content: string, name: string): SarifRead {
  let log: unknown;
  try {
    // A UTF-8 byte order mark is legal in a SARIF file (some Windows tools write one) but not in JSON.
    log = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (thrown) {
    return { kind: 'invalid', message: `${name} ${jsonFailure(thrown)}` };
  }
  let violations: ReturnType<typeof sarifViolations>;
  try {
    violations = sarifViolations(log, 1);
  } catch {
    // The validator recurses; a hostile document nested deeply enough exhausts the stack.
    return {
      kind: 'invalid',
      message: `${name} could not be checked against the SARIF 2.1.0 schema (nested too deeply)`,
    };
  }
  const first = violations[0];
  if (first)
    return { kind: 'invalid', message: `${name} is not valid SARIF 2.1.0: ${formatViolation(first)}` };
  return { kind: 'parsed', runs: importedRuns(log) };
}

/** Reads a SARIF file through the FileSystem port, refusing what is too large before reading it. */
export async function readSarif(
  fs: FileSystem,
  path: string,
  name: string,
  maxBytes = MAX_SARIF_BYTES,
): Promise<SarifRead> {
  const stat = await fs.lstat(path);
  if (!stat) return { kind: 'invalid', message: `${name} no longer exists` };
  if (stat.kind !== 'file')
    return { kind: 'invalid', message: `${name} is not a regular file (${stat.kind})` };
  if (stat.size > maxBytes) {
    const size = (bytes: number): string =>
      bytes < 1024 * 1024 ? `${bytes} bytes` : `${Math.round(bytes / (1024 * 1024))} MB`;
    return {
      kind: 'invalid',
      message: `${name} is ${size(stat.size)}, over the ${size(maxBytes)} limit for imported SARIF; split the analysis or filter its results`,
    };
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (thrown) {
    const code = (thrown as { code?: unknown } | null)?.code;
    return {
      kind: 'invalid',
      message: `${name} could not be read${typeof code === 'string' ? ` (${code})` : ''}`,
    };
  }
  return parseSarif(new TextDecoder('utf-8').decode(bytes), name);
}
