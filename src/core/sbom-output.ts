import { basename, join, posix } from 'node:path';
import type { Finding } from '../findings/finding.js';
import { collectLockfiles } from '../supplychain/collect.js';
import type { LockfileParser, LockfileProblem } from '../supplychain/component.js';
import { buildSbom } from '../supplychain/sbom.js';
import type { Discovery } from './discover.js';
import type { Ports } from './ports.js';

export interface RepositoryInfo {
  readonly name: string;
  readonly uri?: string;
  readonly commit?: string;
}

export interface SbomRequest {
  readonly root: string;
  readonly outDir: string;
  readonly discovery: Discovery;
  readonly findings: readonly Finding[];
  readonly repository: RepositoryInfo;
  readonly vouchVersion: string;
  readonly parsers: readonly LockfileParser[];
  readonly ports: Ports;
}

export interface SbomOutput {
  readonly sbomFile: string;
  readonly components: number;
  readonly problems: readonly LockfileProblem[];
}

export const SBOM_FILE = 'vouch.cdx.json';

/** Files a parser may consult beside a lockfile: manifests, go.sum, requirements includes. */
const SIBLING =
  /(^|\/)(package\.json|pyproject\.toml|Pipfile|go\.sum|[^/]*requirements[^/]*\.(txt|in)|[^/]*constraints[^/]*\.txt)$/;

/** CycloneDX SBOM from every lockfile discovery kept; a malformed lockfile is a problem, never a lost SBOM. */
export async function writeSbom(request: SbomRequest): Promise<SbomOutput> {
  const { ports } = request;
  const wanted = request.discovery.files.filter(
    (path) => SIBLING.test(path) || request.parsers.some((parser) => safeMatches(parser, path)),
  );
  const texts = new Map<string, string>();
  for (const path of wanted) {
    try {
      texts.set(path, (await ports.fs.readFile(posix.join(request.root, path))).toString('utf8'));
    } catch {
      // Unreadable files surface as problems through collectLockfiles' `read` returning undefined.
    }
  }
  const collected = collectLockfiles(
    request.discovery.files,
    (path) => texts.get(posix.normalize(path)),
    request.parsers,
  );
  const sbom = buildSbom({
    repository: request.repository,
    tool: { name: 'vouch', version: request.vouchVersion },
    results: collected.map(({ path, result }) => ({ path, result })),
    vulnerabilities: request.findings,
    timestamp: ports.clock.now(),
  });
  const sbomFile = join(request.outDir, SBOM_FILE);
  await ports.fs.writeFile(sbomFile, `${JSON.stringify(sbom, null, 2)}\n`);
  return {
    sbomFile,
    components: sbom.components?.length ?? 0,
    problems: collected.flatMap(({ result }) => result.problems),
  };
}

function safeMatches(parser: LockfileParser, path: string): boolean {
  try {
    return parser.matches(path);
  } catch {
    return false;
  }
}

export function defaultRepository(root: string): RepositoryInfo {
  return { name: basename(root) };
}
