import { join } from 'node:path';

/** Where osv-scanner 2.5+ reads `<Ecosystem>/all.zip` inside `--local-db-path` (osv-scalibr's osvlocal matcher). */
export const CURRENT_DB_LAYOUT = 'osv-scalibr';
/** Where osv-scanner before 2.5, and its documentation, put them. */
export const LEGACY_DB_LAYOUT = 'osv-scanner';

export interface OsvArgsInput {
  readonly reportPath: string;
  /** An empty TOML file: it replaces every osv-scanner.toml of the repository. */
  readonly configPath: string;
  /**
   * Resolve the transitive dependencies of manifests (requirements.txt, pom.xml) through deps.dev and
   * Maven registries. Off by default: the gate would otherwise depend on services the policy never named,
   * and fail where they are unreachable; lockfiles already list every package.
   */
  readonly resolveTransitive?: boolean;
  /** Offline mode when set: the directory holding `osv-scalibr/<Ecosystem>/all.zip`. */
  readonly localDbPath?: string;
  /** On a pull request: only these repository-relative lockfiles and manifests; absent: the whole tree. */
  readonly lockfiles?: readonly string[];
}

/** Runs in the repository root; osv-scanner still reports absolute source paths. */
export function osvArgs(input: OsvArgsInput): string[] {
  return [
    'scan',
    'source',
    ...(input.lockfiles === undefined
      ? ['--recursive']
      : input.lockfiles.map((path) => `--lockfile=${path}`)),
    '--format',
    'json',
    '--output-file',
    input.reportPath,
    // A repository's osv-scanner.toml can ignore vulnerabilities or whole packages: ungoverned
    // suppressions a change could add to itself (exceptions are Vouch suppressions, with an owner and expiry).
    '--config',
    input.configPath,
    '--verbosity',
    'error',
    // Go call analysis builds the repository's code with the Go toolchain (and may download modules and
    // toolchains); the gate never runs repository code, and reports reachable or not alike.
    '--no-call-analysis',
    'all',
    ...(input.resolveTransitive === true || input.localDbPath !== undefined ? [] : ['--no-resolve']),
    ...(input.localDbPath === undefined ? [] : offlineArgs(input.localDbPath)),
    ...(input.lockfiles === undefined ? ['.'] : []),
  ];
}

/**
 * `--offline` alone implies the other two (cmd/osv-scanner/internal/helper/flags.go); they are spelled out
 * so that no version reading them differently resolves manifests through deps.dev or queries osv.dev.
 */
function offlineArgs(localDbPath: string): string[] {
  return ['--offline', '--offline-vulnerabilities', '--no-resolve', '--local-db-path', localDbPath];
}

/** Ecosystems that have an `all.zip` in each layout of a local database directory. */
export interface LocalDbListing {
  readonly current: readonly string[];
  readonly legacy: readonly string[];
}

export interface DbLink {
  /** Relative to the view's root: `osv-scalibr/<Ecosystem>/all.zip`. */
  readonly link: string;
  /** Absolute path of the archive it points to. */
  readonly target: string;
}

export type LocalDbPlan =
  { readonly kind: 'as-is' } | { readonly kind: 'view'; readonly links: readonly DbLink[] };

/**
 * The user's directory is given to osv-scanner as it is when the current layout already has every
 * ecosystem it holds. Otherwise (a database downloaded by an older osv-scanner, or laid out as the
 * documentation says) Vouch presents it in the current layout, from links in its work directory; the
 * current layout's archive wins for an ecosystem present in both.
 */
export function planLocalDb(dir: string, listing: LocalDbListing): LocalDbPlan {
  const missing = listing.legacy.filter((ecosystem) => !listing.current.includes(ecosystem));
  if (missing.length === 0) return { kind: 'as-is' };
  const archive = (layout: string, ecosystem: string): DbLink => ({
    link: join(CURRENT_DB_LAYOUT, ecosystem, 'all.zip'),
    target: join(dir, layout, ecosystem, 'all.zip'),
  });
  return {
    kind: 'view',
    links: [
      ...listing.current.map((ecosystem) => archive(CURRENT_DB_LAYOUT, ecosystem)),
      ...missing.map((ecosystem) => archive(LEGACY_DB_LAYOUT, ecosystem)),
    ],
  };
}
