import { parseArgs } from 'node:util';
import { ConfigError } from '../core/errors.js';
import { parseShard, type ShardSpec } from '../core/shard.js';
import type { InstructionsArgs } from './instructions.js';
import type { VerifyArgs } from './verify.js';

export type OutputFormat = 'text' | 'json';

export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'setup'; readonly cacheDir?: string }
  | { readonly kind: 'policy-validate'; readonly file: string }
  | {
      readonly kind: 'scan';
      readonly dir: string;
      readonly policy: string;
      readonly outDir: string;
      readonly format: OutputFormat;
      readonly cacheDir?: string;
      /** Judge as a pull request against this base commit or ref. */
      readonly base?: string;
      /** Other tools' SARIF files to judge too. */
      readonly sarif?: readonly string[];
      /** none (default): no attestations; unsigned; key (with signingKey, a PEM file). */
      readonly sign: 'none' | 'unsigned' | 'key';
      readonly signingKey?: string;
      readonly subjects?: readonly string[];
      /** Scan one shard of the files, `i/n`. */
      readonly shard?: ShardSpec;
    }
  | {
      readonly kind: 'merge';
      /** The shards' output directories. */
      readonly dirs: readonly string[];
      readonly root: string;
      readonly outDir: string;
      readonly format: OutputFormat;
      readonly sign: 'none' | 'unsigned' | 'key';
      readonly signingKey?: string;
      readonly subjects?: readonly string[];
    }
  | ({ readonly kind: 'instructions' } & InstructionsArgs)
  | ({ readonly kind: 'verify' } & VerifyArgs);

export const USAGE = `Usage:
  vouch scan [dir] [--policy default|strict|audit|FILE] [--out DIR] [--format text|json] [--base REF]
             [--sarif FILE_OR_GLOB]... [--cache-dir DIR]
             [--sign none|unsigned|key] [--signing-key PEM_FILE] [--subject FILE_OR_GLOB]... [--shard I/N]
  vouch merge SHARD_DIR... [--root DIR] [--out DIR] [--format text|json]
             [--sign none|unsigned|key] [--signing-key PEM_FILE] [--subject FILE_OR_GLOB]...
                                      judge the shards' results together (every shard 1..N is needed)
  vouch verify BUNDLE [--key PEM | --certificate-identity ID --certificate-oidc-issuer URL]
               [--subject FILE | --commit SHA] [--policy FILE]
  vouch instructions [dir] [--write FILE] [--results FILE] [--print]
                                      write or update the security section of the AI instruction files
  vouch setup [--cache-dir DIR]       install the pinned scanners
  vouch policy validate FILE          check a policy file against the schema
  vouch --version | --help

Exit status of scan: 0 pass, 1 blocked by policy, 2 could not evaluate.`;

const OPTIONS = {
  policy: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  'cache-dir': { type: 'string' },
  base: { type: 'string' },
  sign: { type: 'string' },
  'signing-key': { type: 'string' },
  subject: { type: 'string', multiple: true },
  key: { type: 'string' },
  'certificate-identity': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  commit: { type: 'string' },
  sarif: { type: 'string', multiple: true },
  shard: { type: 'string' },
  root: { type: 'string' },
  write: { type: 'string' },
  results: { type: 'string' },
  print: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** argv (without node and script) → a command; anything unexpected is a ConfigError naming it. */
export function parseCli(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new ConfigError('INVALID_ARGUMENT', `${(cause as Error).message}\n\n${USAGE}`, { cause });
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...rest] = positionals;
  const cacheDir = values['cache-dir'];
  switch (command) {
    case 'scan':
      return {
        ...scanCommand(rest, values.policy, values.out, values.format, cacheDir),
        ...baseOption(values.base),
        ...(values.sarif ? { sarif: values.sarif } : {}),
        ...signOptions(values.sign, values['signing-key']),
        ...(values.subject ? { subjects: values.subject } : {}),
        ...(values.shard === undefined ? {} : { shard: parseShard(values.shard, '--shard') }),
      };
    case 'merge':
      return mergeCommand(rest, values.root, values.out, values.format, {
        ...signOptions(values.sign, values['signing-key']),
        ...(values.subject ? { subjects: values.subject } : {}),
      });
    case 'instructions':
      if (rest.length > 1)
        throw new ConfigError('INVALID_ARGUMENT', `instructions takes one directory, got: ${rest.join(' ')}`);
      return {
        kind: 'instructions',
        dir: rest[0] ?? '.',
        print: values.print === true,
        ...(values.write === undefined ? {} : { write: values.write }),
        ...(values.results === undefined ? {} : { results: values.results }),
      };
    case 'verify':
      return verifyCommand(rest, values);
    case 'setup':
      expectNoMore('setup', rest);
      return { kind: 'setup', cacheDir };
    case 'policy':
      return policyCommand(rest);
    case undefined:
      return { kind: 'help' };
    default:
      throw new ConfigError('INVALID_ARGUMENT', `unknown command "${command}"\n\n${USAGE}`);
  }
}

function scanCommand(
  rest: string[],
  policy: string | undefined,
  out: string | undefined,
  format: string | undefined,
  cacheDir: string | undefined,
): Omit<Extract<CliCommand, { kind: 'scan' }>, 'sign'> {
  if (rest.length > 1)
    throw new ConfigError('INVALID_ARGUMENT', `scan takes one directory, got: ${rest.join(' ')}`);
  if (format !== undefined && format !== 'text' && format !== 'json') {
    throw new ConfigError('INVALID_ARGUMENT', `--format must be text or json, got "${format}"`);
  }
  const dir = rest[0] ?? '.';
  return {
    kind: 'scan',
    dir,
    policy: policy ?? 'default',
    outDir: out ?? 'vouch-results',
    format: format ?? 'text',
    cacheDir,
  };
}

function mergeCommand(
  dirs: string[],
  root: string | undefined,
  out: string | undefined,
  format: string | undefined,
  signing: Pick<Extract<CliCommand, { kind: 'merge' }>, 'sign' | 'signingKey' | 'subjects'>,
): CliCommand {
  if (dirs.length === 0)
    throw new ConfigError('INVALID_ARGUMENT', `merge needs the output directory of every shard\n\n${USAGE}`);
  if (format !== undefined && format !== 'text' && format !== 'json') {
    throw new ConfigError('INVALID_ARGUMENT', `--format must be text or json, got "${format}"`);
  }
  return {
    kind: 'merge',
    dirs,
    root: root ?? '.',
    outDir: out ?? 'vouch-results',
    format: format ?? 'text',
    ...signing,
  };
}

function signOptions(
  sign: string | undefined,
  signingKey: string | undefined,
): { sign: 'none' | 'unsigned' | 'key'; signingKey?: string } {
  const mode = sign ?? 'none';
  if (mode !== 'none' && mode !== 'unsigned' && mode !== 'key') {
    throw new ConfigError('INVALID_ARGUMENT', `--sign must be none, unsigned or key, got "${mode}"`);
  }
  if (mode === 'key' && !signingKey)
    throw new ConfigError('INVALID_ARGUMENT', '--sign key needs --signing-key FILE');
  return { sign: mode, ...(signingKey ? { signingKey } : {}) };
}

function verifyCommand(rest: string[], values: Record<string, unknown>): CliCommand {
  const [bundle, ...extra] = rest;
  if (bundle === undefined || extra.length > 0)
    throw new ConfigError('INVALID_ARGUMENT', `expected: vouch verify BUNDLE [options]\n\n${USAGE}`);
  const text = (name: string): string | undefined =>
    typeof values[name] === 'string' ? values[name] : undefined;
  return {
    kind: 'verify',
    bundle,
    key: text('key'),
    certificateIdentity: text('certificate-identity'),
    certificateOidcIssuer: text('certificate-oidc-issuer'),
    subject: (values.subject as string[] | undefined)?.[0],
    commit: text('commit'),
    policy: text('policy'),
  };
}

/** A git revision, never something git could read as an option. */
function baseOption(base: string | undefined): { base?: string } {
  if (base === undefined) return {};
  if (!/^[\w./@^~{}-]+$/.test(base) || base.startsWith('-')) {
    throw new ConfigError('INVALID_ARGUMENT', `--base must be a commit or ref name, got "${base}"`);
  }
  return { base };
}

function policyCommand(rest: string[]): CliCommand {
  const [sub, file, ...extra] = rest;
  if (sub !== 'validate' || file === undefined || extra.length > 0) {
    throw new ConfigError('INVALID_ARGUMENT', `expected: vouch policy validate FILE\n\n${USAGE}`);
  }
  return { kind: 'policy-validate', file };
}

function expectNoMore(command: string, rest: string[]): void {
  if (rest.length > 0)
    throw new ConfigError('INVALID_ARGUMENT', `${command} takes no arguments, got: ${rest.join(' ')}`);
}
