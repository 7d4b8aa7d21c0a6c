import { randomUUID } from 'node:crypto';
// Subpaths only: the package root pulls in the schema resolver, which needs `__dirname` and so crashes
// when loaded from the ESM ncc bundle (shared FACTS.md, Toolchain).
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import { PackageURL } from 'packageurl-js';
import type { Finding } from '../findings/finding.js';
import type { Component, ComponentHash, LockfileResult, Scope } from './component.js';
import { buildVulnerabilities, type Candidate } from './sbom-vulnerabilities.js';

export interface SbomInput {
  readonly repository: { readonly name: string; readonly uri?: string; readonly commit?: string };
  readonly tool: { readonly name: 'vouch'; readonly version: string };
  readonly results: readonly { readonly path: string; readonly result: LockfileResult }[];
  /** osv-scanner findings; findings of other tools are ignored. */
  readonly vulnerabilities: readonly Finding[];
  /** `urn:uuid:<uuid>`; a fresh random one when absent (tests pass a fixed one). */
  readonly serialNumber?: string;
  readonly timestamp: Date;
}

/** The CycloneDX 1.6 JSON document as an object; members left `undefined` vanish in `JSON.stringify`. */
export type SbomJson = Serialize.JSON.Types.Normalized.Bom;

/**
 * dev → excluded: CycloneDX defines `excluded` as "component usage for test and other non-runtime
 * purposes … not reachable within a call graph at runtime", which is what a dev dependency is; `optional`
 * means installed-or-not at runtime (npm optionalDependencies, Python extras). The CycloneDX tools agree
 * (cyclonedx-dotnet#188; cyclonedx-node-npm#1151). The lockfile's own word is kept in `vouch:scope`.
 */
const SCOPES: Readonly<Record<Scope, Enums.ComponentScope>> = {
  required: Enums.ComponentScope.Required,
  optional: Enums.ComponentScope.Optional,
  dev: Enums.ComponentScope.Excluded,
};
/** When lockfiles disagree, the strongest runtime need wins: required anywhere means required. */
const SCOPE_ORDER: readonly Scope[] = ['required', 'optional', 'dev'];

const HASHES: Readonly<Record<ComponentHash['alg'], Enums.HashAlgorithm>> = {
  MD5: Enums.HashAlgorithm.MD5,
  'SHA-1': Enums.HashAlgorithm['SHA-1'],
  'SHA-256': Enums.HashAlgorithm['SHA-256'],
  'SHA-384': Enums.HashAlgorithm['SHA-384'],
  'SHA-512': Enums.HashAlgorithm['SHA-512'],
};

/** One package however many lockfiles list it. */
interface Merged {
  readonly purl: string;
  readonly first: Component;
  readonly scopes: Set<Scope>;
  readonly hashes: Map<ComponentHash['alg'], Set<string>>;
  readonly dependsOn: Set<string>;
  readonly sources: { readonly path: string; readonly line: number }[];
}

export function buildSbom(input: SbomInput): SbomJson {
  const root = rootComponent(input.repository);
  const merged = [...mergeComponents(input.results).values()];
  const models = componentModels(merged, input.results, root);
  const candidates = merged.flatMap((entry): Candidate[] => {
    const model = models.get(entry.purl);
    const { ecosystem, name, version } = entry.first;
    return model === undefined ? [] : [{ model, ecosystem, name, version, sources: entry.sources }];
  });
  const tool = new Models.Component(Enums.ComponentType.Application, input.tool.name, {
    version: input.tool.version,
  });
  const bom = new Models.Bom({
    serialNumber: input.serialNumber ?? `urn:uuid:${randomUUID()}`,
    metadata: new Models.Metadata({
      timestamp: input.timestamp,
      // The components form of `tools`: the array of tools is deprecated since CycloneDX 1.5.
      tools: new Models.Tools({ components: new Models.ComponentRepository([tool]) }),
      component: root,
    }),
    components: new Models.ComponentRepository(models.values()),
    vulnerabilities: new Models.Vulnerability.VulnerabilityRepository(
      buildVulnerabilities(input.vulnerabilities, candidates, root),
    ),
  });
  // sortLists makes the document a function of its content, not of the order lockfiles were read in.
  return new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6)
    .makeForBom()
    .normalize(bom, { sortLists: true });
}

/** One model per package, with the lockfiles' edges and the root's edges to the direct dependencies. */
function componentModels(
  merged: readonly Merged[],
  results: SbomInput['results'],
  root: Models.Component,
): Map<string, Models.Component> {
  const models = new Map(merged.map((entry) => [entry.purl, toModel(entry)] as const));
  for (const entry of merged) {
    const model = models.get(entry.purl);
    for (const target of entry.dependsOn) link(model, models.get(target));
  }
  for (const { result } of results) {
    for (const purl of result.direct) link(root, models.get(canonicalPurl(purl)));
  }
  return models;
}

/** Edges to packages no lockfile lists are dropped: a dependency graph may only name its own components. */
function link(from: Models.Component | undefined, to: Models.Component | undefined): void {
  if (from !== undefined && to !== undefined && from !== to) from.dependencies.add(to.bomRef);
}

/**
 * Parsers spell purls their own way (`@types` or `%40types`, `Django_Foo` or `django-foo`); the canonical
 * form is what makes the same package in two lockfiles one component, and what dependency edges match on.
 * A purl that does not parse is a parser bug: it is kept as written rather than losing the package.
 */
function canonicalPurl(purl: string): string {
  try {
    return PackageURL.fromString(purl).toString();
  } catch {
    return purl;
  }
}

function mergeComponents(results: SbomInput['results']): Map<string, Merged> {
  const merged = new Map<string, Merged>();
  const ordered = [...results].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { result } of ordered) {
    for (const component of result.components) {
      const purl = canonicalPurl(component.purl);
      let entry = merged.get(purl);
      if (entry === undefined) {
        entry = {
          purl,
          first: component,
          scopes: new Set(),
          hashes: new Map(),
          dependsOn: new Set(),
          sources: [],
        };
        merged.set(purl, entry);
      }
      entry.scopes.add(component.scope);
      entry.sources.push(component.source);
      for (const target of component.dependsOn) entry.dependsOn.add(canonicalPurl(target));
      for (const { alg, content } of component.hashes) {
        entry.hashes.set(alg, (entry.hashes.get(alg) ?? new Set()).add(content.toLowerCase()));
      }
    }
  }
  return merged;
}

function toModel(entry: Merged): Models.Component {
  const scope = SCOPE_ORDER.find((candidate) => entry.scopes.has(candidate)) ?? 'required';
  const { name, group } = nameAndGroup(entry);
  const model = new Models.Component(Enums.ComponentType.Library, name, {
    group,
    bomRef: entry.purl,
    version: entry.first.version,
    purl: entry.purl,
    scope: SCOPES[scope],
  });
  for (const [alg, contents] of entry.hashes) {
    const [content] = contents;
    // Two lockfiles pinning different bytes for one package version: neither hash is asserted.
    if (contents.size === 1 && content !== undefined) model.hashes.set(HASHES[alg], content);
    else model.properties.add(new Models.Property('vouch:hash-conflict', alg));
  }
  for (const { path, line } of entry.sources) {
    model.properties.add(new Models.Property('vouch:lockfile', `${path}:${line}`));
  }
  for (const original of entry.scopes) model.properties.add(new Models.Property('vouch:scope', original));
  return model;
}

/**
 * group/name as the purl splits them (`@types` + `node`, `github.com/foo` + `bar`, `laravel` +
 * `framework`), as CycloneDX asks; without a namespace the lockfile's own spelling of the name is kept,
 * since the purl's is normalised for comparison (PyPI `Django` → `django`).
 */
function nameAndGroup(entry: Merged): { name: string; group?: string } {
  try {
    const parsed = PackageURL.fromString(entry.purl);
    if (parsed.namespace) return { group: parsed.namespace, name: parsed.name };
  } catch {
    // Not a purl: see canonicalPurl.
  }
  return { name: entry.first.name };
}

/** The repository at its commit: what the SBOM describes and what its root dependencies hang from. */
function rootComponent(repository: SbomInput['repository']): Models.Component {
  const purl = githubPurl(repository);
  const root = new Models.Component(Enums.ComponentType.Application, repository.name, {
    bomRef: `repository:${repository.name}`,
    ...(repository.commit === undefined ? {} : { version: repository.commit }),
    ...(purl === undefined ? {} : { purl }),
  });
  if (repository.uri !== undefined) {
    root.externalReferences.add(
      new Models.ExternalReference(repository.uri, Enums.ExternalReferenceType.VCS),
    );
  }
  return root;
}

/**
 * `pkg:github/<owner>/<repo>@<commit>` (a registered purl type) only for github.com at a known commit:
 * a purl without the commit would name a moving target, and GHES hosts have no purl type of their own.
 */
function githubPurl(repository: SbomInput['repository']): string | undefined {
  const match = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(repository.uri ?? '');
  if (match?.[1] === undefined || match[2] === undefined || repository.commit === undefined) return undefined;
  return new PackageURL('github', match[1], match[2], repository.commit, undefined, undefined).toString();
}
