import type { LookupRequest } from './lookup.js';
import { POPULAR } from './popular.js';
import { npmPackageUrl, pypiProjectUrl, readNpmAnswer, readPypiAnswer } from './registry.js';
import { canonicalName } from './typosquat.js';
import { normalizePypiName, type Declaration } from './types.js';

export interface RegistrySettings {
  readonly npmRegistry: string;
  readonly pypiUrl: string;
  /** `@scope` → registry, from the repository's .npmrc; '' when its URL was refused. */
  readonly scopeRegistries: ReadonlyMap<string, string>;
}

/** What to do about one declaration: whether to ask a registry, and whether the name is public. */
export interface Plan {
  readonly declaration: Declaration;
  readonly request?: LookupRequest;
  /**
   * Installed from the public registry by name: typosquats and newly published names matter. Packages of
   * a scope mapped to a private registry are not compared with public names.
   */
  readonly isPublic: boolean;
}

function npmPlan(declaration: Declaration, settings: RegistrySettings): Plan {
  const name = declaration.registryName;
  const scope = name.startsWith('@') ? (name.split('/')[0] ?? '').toLowerCase() : undefined;
  const scoped = scope === undefined ? undefined : settings.scopeRegistries.get(scope);
  if (scoped === '') return { declaration, isPublic: false };
  const registry = scoped ?? settings.npmRegistry;
  const request: LookupRequest = {
    key: `npm\u0000${registry}\u0000${name}`,
    url: npmPackageUrl(registry, name),
    registry,
    read: readNpmAnswer,
  };
  return { declaration, request, isPublic: scoped === undefined };
}

function pypiPlan(declaration: Declaration, settings: RegistrySettings): Plan {
  const name = normalizePypiName(declaration.registryName);
  const request: LookupRequest = {
    key: `pypi\u0000${name}`,
    url: pypiProjectUrl(settings.pypiUrl, name),
    registry: settings.pypiUrl,
    read: readPypiAnswer,
  };
  return { declaration, request, isPublic: true };
}

/**
 * Only registry packages are looked up; the popular names are known to exist and to be old, and asking
 * for them would only fetch some of the largest documents the registries serve.
 */
export function planLookup(declaration: Declaration, settings: RegistrySettings): Plan {
  if (declaration.source !== 'registry') return { declaration, isPublic: false };
  const plan =
    declaration.ecosystem === 'npm' ? npmPlan(declaration, settings) : pypiPlan(declaration, settings);
  const popular = POPULAR[declaration.ecosystem].known.has(
    canonicalName(declaration.registryName, declaration.ecosystem),
  );
  return popular && plan.isPublic ? { declaration, isPublic: true } : plan;
}
