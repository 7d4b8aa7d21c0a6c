import { posix } from 'node:path';
import type { ScanNote } from '../../scanner.js';
import type { RepositoryView } from '../repository-check.js';
import { parseNpmrc } from './npmrc.js';
import { parsePackageJson } from './package-json.js';
import { parsePipfile } from './pipfile.js';
import { parsePyproject } from './pyproject.js';
import { readRequirements } from './requirements-includes.js';
import { normalizePypiName, type Declaration, type ManifestParse } from './types.js';

/** Installed or vendored code is not the repository's own declarations. */
const VENDORED = /(?:^|\/)(?:node_modules|bower_components|site-packages|\.venv|venv)\//;
/** Python manifests Vouch does not read: with one of these, the declared set is incomplete. */
const UNREAD_PYTHON_MANIFEST = /(?:^|\/)(?:setup\.py|setup\.cfg|environment\.ya?ml)$/;

export interface Manifests {
  readonly declarations: readonly Declaration[];
  readonly notes: readonly ScanNote[];
  /** Directory of each package.json ('' for the root) → the names it declares. */
  readonly npmDeclared: ReadonlyMap<string, ReadonlySet<string>>;
  /** The repository's own npm packages: dependencies on them are local. */
  readonly workspaceNames: ReadonlySet<string>;
  /** `@scope` → registry URL from the root .npmrc; '' when the URL was refused. */
  readonly scopeRegistries: ReadonlyMap<string, string>;
  /**
   * Directory a Python project's manifests govern ('' for the root) → the distributions they declare.
   * Only directories whose manifests declare something, and none with a manifest Vouch does not read.
   */
  readonly pythonDeclared: ReadonlyMap<string, ReadonlySet<string>>;
}

function dirOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? '' : dir;
}

/** requirements/base.txt belongs to the project that contains the requirements/ directory. */
function projectDir(manifest: string): string {
  const dir = dirOf(manifest);
  return posix.basename(dir) === 'requirements' ? dirOf(dir) : dir;
}

/**
 * Groups Python declarations by project directory. A project with a setup.py, setup.cfg or conda
 * environment file may declare more than Vouch reads, so its imports are not compared at all.
 */
function pythonProjects(files: readonly string[], declarations: readonly Declaration[]) {
  const unread = new Set(files.filter((file) => UNREAD_PYTHON_MANIFEST.test(file)).map(dirOf));
  const projects = new Map<string, Set<string>>();
  for (const declaration of declarations) {
    const dir = projectDir(declaration.path);
    if (unread.has(dir)) continue;
    const names = projects.get(dir) ?? new Set<string>();
    names.add(normalizePypiName(declaration.name));
    projects.set(dir, names);
  }
  return projects;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

async function parseEach(
  repo: RepositoryView,
  paths: readonly string[],
  parse: (path: string, text: string) => ManifestParse,
): Promise<ManifestParse[]> {
  return Promise.all(
    paths.map(async (path) => {
      const text = await repo.readText(path);
      if (text !== undefined) return parse(path, text);
      return {
        declarations: [],
        notes: [{ path, message: `${path} was not checked: it could not be read as UTF-8 text` }],
      };
    }),
  );
}

async function npmManifests(repo: RepositoryView, files: readonly string[]) {
  const paths = files.filter((file) => basename(file) === 'package.json');
  const parsed = await Promise.all(
    paths.map(async (path) => {
      const text = await repo.readText(path);
      return text === undefined ? undefined : { path, ...parsePackageJson(path, text) };
    }),
  );
  const workspaceNames = new Set(
    parsed.flatMap((file) => (file?.packageName === undefined ? [] : [file.packageName])),
  );
  const npmDeclared = new Map<string, Set<string>>();
  const declarations: Declaration[] = [];
  const notes: ScanNote[] = [];
  parsed.forEach((file, index) => {
    const path = paths[index] ?? '';
    if (file === undefined) {
      notes.push({ path, message: `${path} was not checked: it could not be read as UTF-8 text` });
      return;
    }
    notes.push(...file.notes);
    // A package.json that does not parse declares nothing we know of: its code is not compared with it.
    if (file.notes.length > 0) return;
    const dir = dirOf(path);
    npmDeclared.set(dir, new Set(file.declarations.map((declaration) => declaration.name)));
    for (const declaration of file.declarations) {
      const local = workspaceNames.has(declaration.registryName) || workspaceNames.has(declaration.name);
      declarations.push(local ? { ...declaration, source: 'local' } : declaration);
    }
  });
  return { declarations, notes, npmDeclared, workspaceNames };
}

/** Reads and parses every dependency manifest of the repository. */
export async function readManifests(repo: RepositoryView): Promise<Manifests> {
  const files = repo.files.filter((file) => !VENDORED.test(file));
  const npm = await npmManifests(repo, files);
  const requirements = await readRequirements(files, (path) => repo.readText(path));
  const toml = [
    ...(await parseEach(
      repo,
      files.filter((file) => basename(file) === 'pyproject.toml'),
      parsePyproject,
    )),
    ...(await parseEach(
      repo,
      files.filter((file) => basename(file) === 'Pipfile'),
      parsePipfile,
    )),
  ];
  const npmrcText = files.includes('.npmrc') ? await repo.readText('.npmrc') : undefined;
  const npmrc =
    npmrcText === undefined
      ? { registries: new Map<string, string>(), notes: [] }
      : parseNpmrc('.npmrc', npmrcText);
  const python = [...requirements.declarations, ...toml.flatMap((file) => file.declarations)];
  return {
    declarations: [...npm.declarations, ...python],
    notes: [...npm.notes, ...requirements.notes, ...toml.flatMap((file) => file.notes), ...npmrc.notes],
    npmDeclared: npm.npmDeclared,
    workspaceNames: npm.workspaceNames,
    scopeRegistries: npmrc.registries,
    pythonDeclared: pythonProjects(files, python),
  };
}
