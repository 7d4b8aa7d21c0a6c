import hallucinationMeta from '../../../../data/checks/dependency-hallucination.json' with { type: 'json' };
import newPackageMeta from '../../../../data/checks/dependency-new-package.json' with { type: 'json' };
import typosquatMeta from '../../../../data/checks/dependency-typosquat.json' with { type: 'json' };
import undeclaredMeta from '../../../../data/checks/dependency-undeclared-import.json' with { type: 'json' };
import type { Detection } from '../../../findings/finding.js';
import type { ScanNote } from '../../scanner.js';
import { ruleFromMeta, type CheckResult } from '../check.js';
import { lookUpAll } from '../dependencies/lookup.js';
import { readManifests } from '../dependencies/manifests.js';
import { hallucinated, newlyPublished, offline, typosquat, unreachable } from '../dependencies/messages.js';
import { POPULAR } from '../dependencies/popular.js';
import { planLookup, type Plan } from '../dependencies/registry-plan.js';
import type { RegistryAnswer } from '../dependencies/registry.js';
import { likelyTyposquat, type Squat } from '../dependencies/typosquat.js';
import { undeclaredImports } from '../dependencies/undeclared-pass.js';
import type { RepositoryCheck, RepositoryView } from '../repository-check.js';

export interface DependencyCheckOptions {
  /** Default https://registry.npmjs.org; scopes mapped in the repository's .npmrc use their own registry. */
  readonly npmRegistry?: string;
  /** Default https://pypi.org (the JSON API lives under `<pypiUrl>/pypi/`). */
  readonly pypiUrl?: string;
  /** A package first published fewer days ago than this is reported as new. Default 30. */
  readonly minAgeDays?: number;
  /** Registry requests in flight at once. Default 8. */
  readonly concurrency?: number;
  /** Per request. Default 10 000. */
  readonly timeoutMs?: number;
  /** Ask no registry; the checks that need none still run. Default false. */
  readonly offline?: boolean;
}

type Settings = Required<DependencyCheckOptions>;

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEPENDENCY_RULES = {
  hallucination: ruleFromMeta(hallucinationMeta),
  newPackage: ruleFromMeta(newPackageMeta),
  typosquat: ruleFromMeta(typosquatMeta),
  undeclared: ruleFromMeta(undeclaredMeta),
} as const;

function positive(name: string, value: number, integer: boolean): number {
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(
      `dependency-hallucination: ${name} must be a positive ${integer ? 'integer' : 'number'}`,
    );
  }
  return value;
}

function settingsOf(options: DependencyCheckOptions): Settings {
  return {
    npmRegistry: options.npmRegistry ?? 'https://registry.npmjs.org',
    pypiUrl: options.pypiUrl ?? 'https://pypi.org',
    minAgeDays: positive('minAgeDays', options.minAgeDays ?? 30, false),
    concurrency: positive('concurrency', options.concurrency ?? 8, true),
    timeoutMs: positive('timeoutMs', options.timeoutMs ?? 10_000, true),
    offline: options.offline ?? false,
  };
}

interface Judging {
  readonly settings: Settings;
  readonly now: Date;
  readonly answers: ReadonlyMap<string, RegistryAnswer>;
  /** A package declared in several manifests is compared with the popular names once. */
  readonly squats: Map<string, Squat | undefined>;
}

function squatOf(plan: Plan, squats: Judging['squats']): Squat | undefined {
  const { ecosystem, registryName } = plan.declaration;
  if (!plan.isPublic) return undefined;
  const key = `${ecosystem}\u0000${registryName}`;
  if (!squats.has(key)) squats.set(key, likelyTyposquat(registryName, POPULAR[ecosystem]));
  return squats.get(key);
}

function isNew(created: Date | undefined, judging: Judging): created is Date {
  const minimumMs = judging.settings.minAgeDays * DAY_MS;
  return created !== undefined && judging.now.getTime() - created.getTime() < minimumMs;
}

/** At most one finding per fact: a missing package's look-alike is named in its message, not reported again. */
function detectionsFor(plan: Plan, judging: Judging): Detection[] {
  const { declaration, request } = plan;
  const answer = request === undefined ? undefined : judging.answers.get(request.key);
  const squat = squatOf(plan, judging.squats);
  if (answer?.kind === 'missing') {
    const context = {
      registry: request?.registry ?? '',
      isPublic: plan.isPublic,
      ...(squat === undefined ? {} : { squat }),
      ...(answer.detail === undefined ? {} : { detail: answer.detail }),
    };
    return [hallucinated(DEPENDENCY_RULES.hallucination, declaration, context)];
  }
  const found = squat === undefined ? [] : [typosquat(DEPENDENCY_RULES.typosquat, declaration, squat)];
  const created = answer?.kind === 'found' ? answer.created : undefined;
  if (plan.isPublic && isNew(created, judging)) {
    const context = { created, now: judging.now, minAgeDays: judging.settings.minAgeDays };
    found.push(newlyPublished(DEPENDENCY_RULES.newPackage, declaration, context));
  }
  return found;
}

/** One note per registry that failed for some packages, naming how many and why. */
function unreachableNotes(plans: readonly Plan[], answers: ReadonlyMap<string, RegistryAnswer>): ScanNote[] {
  const byRegistry = new Map<string, { total: Set<string>; failed: Set<string>; reasons: string[] }>();
  for (const { request } of plans) {
    if (request === undefined) continue;
    const entry = byRegistry.get(request.registry) ?? { total: new Set(), failed: new Set(), reasons: [] };
    entry.total.add(request.key);
    const answer = answers.get(request.key);
    if (answer?.kind === 'unavailable') {
      entry.failed.add(request.key);
      entry.reasons.push(answer.reason);
    }
    byRegistry.set(request.registry, entry);
  }
  return [...byRegistry.entries()]
    .filter(([, entry]) => entry.failed.size > 0)
    .map(([registry, entry]) => unreachable(registry, entry.reasons, entry.failed.size, entry.total.size));
}

async function lookUp(plans: readonly Plan[], repo: RepositoryView, settings: Settings) {
  const requests = plans.flatMap((plan) => (plan.request === undefined ? [] : [plan.request]));
  if (settings.offline) {
    const notes =
      requests.length === 0 ? [] : [offline(new Set(requests.map((request) => request.key)).size)];
    return { answers: new Map<string, RegistryAnswer>(), notes };
  }
  const { concurrency, timeoutMs } = settings;
  const answers = await lookUpAll(requests, { http: repo.http, concurrency, timeoutMs });
  return { answers, notes: unreachableNotes(plans, answers) };
}

async function run(repo: RepositoryView, settings: Settings): Promise<CheckResult> {
  const manifests = await readManifests(repo);
  const registries = { ...settings, scopeRegistries: manifests.scopeRegistries };
  const plans = manifests.declarations.map((declaration) => planLookup(declaration, registries));
  const [{ answers, notes }, undeclared] = await Promise.all([
    lookUp(plans, repo, settings),
    undeclaredImports(repo, manifests, DEPENDENCY_RULES.undeclared),
  ]);
  const judging: Judging = { settings, now: repo.clock.now(), answers, squats: new Map() };
  const detections = [...plans.flatMap((plan) => detectionsFor(plan, judging)), ...undeclared];
  return { detections, notes: [...manifests.notes, ...notes] };
}

/**
 * Declared dependencies that do not exist (possible hallucinations), were published days ago or imitate
 * popular names, and imports no manifest declares. Registry failures are a note, never a finding.
 */
export function createDependencyHallucinationCheck(options: DependencyCheckOptions = {}): RepositoryCheck {
  const settings = settingsOf(options);
  return {
    id: 'dependency-hallucination',
    rules: Object.values(DEPENDENCY_RULES),
    run: (repo) => run(repo, settings),
  };
}
