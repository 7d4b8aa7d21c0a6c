import type { LockfileParser } from '../component.js';
import { type Collector, collectSafely } from './npm-collect.js';
import { jsonObject, parseJson } from './npm-json.js';
import { besideLockfile, readManifest } from './npm-manifest.js';
import { readPackages } from './npm-packages.js';
import { readV1 } from './npm-v1.js';

/**
 * package-lock.json and npm-shrinkwrap.json (same format), lockfileVersion 1, 2 and 3. Version 2 carries
 * both layouts; `packages` is the complete one, so it wins whenever present.
 */
export const npmLockfile: LockfileParser = {
  id: 'npm',
  matches: (path) => /(?:^|\/)(?:package-lock|npm-shrinkwrap)\.json$/.test(path),
  parse: (path, text, readSibling) =>
    collectSafely(path, (collector) => {
      readLockfile(text, readSibling, collector);
    }),
};

function readLockfile(
  text: string,
  readSibling: (path: string) => string | undefined,
  collector: Collector,
): void {
  const parsed = parseJson(text);
  if (parsed.error) collector.problem(`not valid JSON: ${parsed.error.message}`, parsed.error.line);
  const root = jsonObject(parsed.value);
  if (!root) {
    if (!parsed.error) collector.problem('not a JSON object', 1);
    return;
  }
  const version = root.get('lockfileVersion');
  if (version !== undefined && version !== 1 && version !== 2 && version !== 3) {
    const shown = typeof version === 'number' || typeof version === 'string' ? version : 'of another type';
    collector.problem(
      `unknown lockfileVersion ${shown}; read as the nearest known one`,
      root.lines.get('lockfileVersion'),
    );
  }
  const packages = jsonObject(root.get('packages'));
  const dependencies = jsonObject(root.get('dependencies'));
  if (packages) {
    readPackages(packages, collector);
  } else if (dependencies) {
    const manifest = readManifest(besideLockfile(collector.path, 'package.json'), readSibling, collector);
    readV1(dependencies, manifest, collector);
  } else if (!parsed.error && version === undefined) {
    collector.problem('no lockfileVersion, packages or dependencies: not an npm lockfile', 1);
  }
}
