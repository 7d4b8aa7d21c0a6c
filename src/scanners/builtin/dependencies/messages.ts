import type { Detection, RuleDescriptor } from '../../../findings/finding.js';
import type { ScanNote } from '../../scanner.js';
import type { Undeclared } from './undeclared.js';
import type { Squat, SquatKind } from './typosquat.js';
import type { Declaration, Ecosystem } from './types.js';

const REGISTRY_NAME: Record<Ecosystem, string> = { npm: 'npm', pypi: 'PyPI' };
const DAY_MS = 24 * 60 * 60 * 1000;

const SQUAT_REASON: Record<SquatKind, string> = {
  edit: 'one or two characters differ',
  transposition: 'two adjacent characters are swapped',
  separator: 'only the separators (-, _, . or none) differ',
  homoglyph: 'only look-alike characters (rn/m, l/1/I, 0/o) differ',
  scope: 'only the npm scope differs',
};

function at(declaration: Declaration): Pick<Detection, 'location' | 'evidence'> {
  return { location: { path: declaration.path, region: declaration.region }, evidence: declaration.name };
}

function fetched(declaration: Declaration): string {
  return declaration.registryName === declaration.name
    ? ''
    : ` (installed as \`${declaration.registryName}\`)`;
}

export interface MissingContext {
  readonly registry: string;
  /** Looked up on the public registry, where anyone can claim a free name (not a private scope's). */
  readonly isPublic: boolean;
  readonly squat?: Squat;
  readonly detail?: string;
}

export function hallucinated(
  rule: RuleDescriptor,
  declaration: Declaration,
  context: MissingContext,
): Detection {
  const why = context.detail ?? `${context.registry} answered 404`;
  const where = context.isPublic ? REGISTRY_NAME[declaration.ecosystem] : "its scope's registry";
  const risk = context.isPublic
    ? ' — slopsquatting risk. Anyone can publish a package under this name, and installing it would run their code.'
    : '. Nothing can install it until a package of that name is published there.';
  const guess = context.squat === undefined ? '' : ` Did you mean \`${context.squat.target}\`?`;
  return {
    ruleId: rule.id,
    message:
      `\`${declaration.name}\`${fetched(declaration)} does not exist on ${where} (${why}): ` +
      `possible hallucinated dependency${risk}${guess}`,
    ...at(declaration),
  };
}

export function newlyPublished(
  rule: RuleDescriptor,
  declaration: Declaration,
  context: { created: Date; now: Date; minAgeDays: number },
): Detection {
  const days = Math.max(0, Math.floor((context.now.getTime() - context.created.getTime()) / DAY_MS));
  const age = days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
  return {
    ruleId: rule.id,
    message:
      `\`${declaration.registryName}\` was first published to ${REGISTRY_NAME[declaration.ecosystem]} on ` +
      `${context.created.toISOString().slice(0, 10)} (${age}, less than ${context.minAgeDays} days): newly ` +
      `published package. Review who publishes it and what it does before depending on it.`,
    ...at(declaration),
  };
}

export function typosquat(rule: RuleDescriptor, declaration: Declaration, squat: Squat): Detection {
  return {
    ruleId: rule.id,
    message:
      `\`${declaration.registryName}\` looks like a typosquat of the popular package \`${squat.target}\` ` +
      `(${SQUAT_REASON[squat.kind]}). Check that this is the package you meant.`,
    ...at(declaration),
  };
}

/** `checked` names what was searched, as the subject of "… declares it": `no package.json in scope (…)`. */
export function undeclaredImport(
  rule: RuleDescriptor,
  found: Undeclared,
  checked: string,
  providers: readonly string[] = [],
): Detection {
  const { first, otherFiles } = found;
  const elsewhere =
    otherFiles === 0 ? '' : ` (and in ${otherFiles} other file${otherFiles === 1 ? '' : 's'})`;
  const install = first.ecosystem === 'npm' ? 'npm install' : 'pip install';
  const provided =
    providers.length === 0
      ? ''
      : ` The import \`${first.module}\` is provided by ${providers.map((name) => `\`${name}\``).join(' or ')}.`;
  return {
    ruleId: rule.id,
    message:
      `\`${first.module}\` is imported here${elsewhere} but ${checked} declares it: undeclared import.${provided} ` +
      `Declare the package you mean, with a version; installing the import name by hand ` +
      `(\`${install} ${first.module}\`) gets whatever that name points to.`,
    location: { path: first.path, region: first.region },
    evidence: first.module,
  };
}

/** One note per registry that could not answer for some packages. */
export function unreachable(
  registry: string,
  reasons: readonly string[],
  packages: number,
  total: number,
): ScanNote {
  const distinct = [...new Set(reasons)].slice(0, 3).join('; ');
  return {
    message:
      `The registry ${registry} could not be reached for ${packages} of ${total} package(s) (${distinct}): the ` +
      `checks for missing (possibly hallucinated) and newly published packages were skipped for them. The ` +
      `typosquat and undeclared-import checks, which need no network, still ran.`,
  };
}

export function offline(lookups: number): ScanNote {
  return {
    message:
      `Offline: ${lookups} package(s) were not looked up on their registries, so the checks for missing ` +
      `(possibly hallucinated) and newly published packages were skipped. The typosquat and undeclared-import ` +
      `checks still ran.`,
  };
}
