/** What a lockfile says about one package; the SBOM's components and dependency graph are built from these. */

export type Ecosystem = 'npm' | 'pypi' | 'golang' | 'cargo' | 'gem' | 'composer';

export type Scope = 'required' | 'dev' | 'optional';

export interface ComponentHash {
  /** CycloneDX algorithm names: `SHA-1`, `SHA-256`, `SHA-384`, `SHA-512`, `MD5`. */
  readonly alg: 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
  /** Lowercase hex. */
  readonly content: string;
}

export interface Component {
  readonly ecosystem: Ecosystem;
  /** As the ecosystem spells it, scope included for npm (`@types/node`). */
  readonly name: string;
  readonly version: string;
  /** Package URL (https://github.com/package-url/purl-spec), e.g. `pkg:npm/%40types/node@24.0.0`. */
  readonly purl: string;
  readonly scope: Scope;
  readonly hashes: readonly ComponentHash[];
  /** purls of the components this one depends on, when the lockfile records edges. */
  readonly dependsOn: readonly string[];
  /** Repository-relative path of the lockfile and the 1-based line of the entry. */
  readonly source: { readonly path: string; readonly line: number };
}

/** A lockfile that could not be read as what it claims to be: reported with file and line, never fatal to the SBOM. */
export interface LockfileProblem {
  readonly path: string;
  readonly line?: number;
  readonly message: string;
}

export interface LockfileResult {
  readonly components: readonly Component[];
  /** purls the project itself depends on directly, when the lockfile says. */
  readonly direct: readonly string[];
  readonly problems: readonly LockfileProblem[];
}

/** One module per format under lockfiles/; parse is pure (text in, result out) and never throws. */
export interface LockfileParser {
  readonly id: string;
  /** Does this repository-relative path name a file of this format? */
  matches(path: string): boolean;
  /** `readSibling` reads another repository file (e.g. package.json beside a lockfile, or an `-r` include). */
  parse(path: string, text: string, readSibling: (path: string) => string | undefined): LockfileResult;
}
