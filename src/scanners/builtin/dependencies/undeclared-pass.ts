import type { Detection, RuleDescriptor } from '../../../findings/finding.js';
import type { RepositoryView } from '../repository-check.js';
import { JS_SOURCE, jsImports, PYTHON_SOURCE, pythonImports, type ImportSite } from './imports.js';
import { mapConcurrent } from './lookup.js';
import type { Manifests } from './manifests.js';
import { undeclaredImport } from './messages.js';
import {
  enclosingManifests,
  firstSites,
  jsLocalNames,
  knownProviders,
  localModuleNames,
  npmImportScope,
  pythonImportSatisfied,
} from './undeclared.js';

/** Installed, vendored, built or minified code: its imports are not the repository's to declare. */
const NOT_OWN_SOURCE =
  /(?:^|\/)(?:node_modules|bower_components|vendor|dist|\.next|\.nuxt|coverage|site-packages|\.venv|venv)\/|\.min\.[cm]?js$/i;
const READ_CONCURRENCY = 16;

async function sitesOf(
  repo: RepositoryView,
  files: readonly string[],
  extract: (path: string, text: string) => ImportSite[],
): Promise<ImportSite[]> {
  const perFile = await mapConcurrent(files, READ_CONCURRENCY, async (path) => {
    const text = await repo.readText(path);
    return text === undefined ? [] : extract(path, text);
  });
  return perFile.flat();
}

function describeNpmScope(path: string, dirs: readonly string[]): string {
  const manifests = enclosingManifests(path, dirs)
    .sort((a, b) => b.length - a.length)
    .map((dir) => (dir === '' ? 'package.json' : `${dir}/package.json`));
  return `no package.json in scope (${manifests.join(', ')})`;
}

/** JavaScript and TypeScript files under some package.json, against what those package.json files declare. */
async function npmUndeclared(repo: RepositoryView, manifests: Manifests, rule: RuleDescriptor) {
  const dirs = [...manifests.npmDeclared.keys()];
  if (dirs.length === 0) return [];
  const files = repo.files.filter((file) => JS_SOURCE.test(file) && !NOT_OWN_SOURCE.test(file));
  const scopes = {
    declaredByDir: manifests.npmDeclared,
    workspaceNames: manifests.workspaceNames,
    local: jsLocalNames(repo.files, dirs),
  };
  const undeclared = (await sitesOf(repo, files, jsImports)).flatMap((site) => {
    const scope = npmImportScope(site, scopes);
    return scope === undefined ? [] : [{ scope, site }];
  });
  return firstSites(undeclared).map((found) =>
    undeclaredImport(rule, found, describeNpmScope(found.first.path, dirs)),
  );
}

/** Python files under a Python project directory, against what that project (and enclosing ones) declare. */
async function pythonUndeclared(repo: RepositoryView, manifests: Manifests, rule: RuleDescriptor) {
  const dirs = [...manifests.pythonDeclared.keys()];
  if (dirs.length === 0) return [];
  const files = repo.files.filter(
    (file) =>
      PYTHON_SOURCE.test(file) && !NOT_OWN_SOURCE.test(file) && enclosingManifests(file, dirs).length > 0,
  );
  const local = localModuleNames(repo.files, PYTHON_SOURCE);
  const undeclared = (await sitesOf(repo, files, pythonImports)).flatMap((site) => {
    const scopes = enclosingManifests(site.path, dirs);
    const declared = new Set(scopes.flatMap((dir) => [...(manifests.pythonDeclared.get(dir) ?? [])]));
    if (pythonImportSatisfied(site.module, declared, local)) return [];
    return [{ scope: scopes.reduce((a, b) => (b.length > a.length ? b : a)), site }];
  });
  const checked = (dir: string) =>
    `no requirements file, pyproject.toml or Pipfile of ${dir === '' ? 'the repository' : `${dir}/`}`;
  return firstSites(undeclared).map((found) =>
    undeclaredImport(rule, found, checked(found.scope), knownProviders(found.first.module)),
  );
}

/**
 * Imports of third-party packages that no manifest declares, one finding per package and scope, at its
 * first import. Only where the repository has a manifest of that ecosystem: without one there is
 * nothing to compare with.
 */
export async function undeclaredImports(
  repo: RepositoryView,
  manifests: Manifests,
  rule: RuleDescriptor,
): Promise<Detection[]> {
  const [npm, python] = await Promise.all([
    npmUndeclared(repo, manifests, rule),
    pythonUndeclared(repo, manifests, rule),
  ]);
  return [...npm, ...python];
}
