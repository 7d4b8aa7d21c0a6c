import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Scalar } from 'yaml';
import meta from '../../../../data/checks/actions-unpinned.json' with { type: 'json' };
import type { Detection, RuleDescriptor } from '../../../findings/finding.js';
import { isSeverity, type Severity } from '../../../findings/severity.js';
import { defineCheck, parseYaml, scalarRegion, SKIP, type CheckFile, type CheckResult } from '../check.js';

/** GitHub reads workflows only from this directory, not from its subdirectories. */
const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const ACTION_METADATA = /(?:^|\/)action\.ya?ml$/;

const FULL_SHA = /^[0-9a-f]{40}$/i;
const SHORT_SHA = /^[0-9a-f]{7,39}$/i;
const IMAGE_DIGEST = /@sha256:[0-9a-f]{64}$/i;

const SHA_ADVICE = 'pin it to the full 40-character commit SHA and keep the tag as a comment';

const GITHUB_OWNED_SEVERITY: Severity = (() => {
  const severity = meta['github-owned'].severity;
  if (!isSeverity(severity)) throw new Error(`data/checks/actions-unpinned.json: bad severity ${severity}`);
  return severity;
})();

/** `actions/checkout@v4`: an action GitHub publishes, on a tag (not a branch-less name or a short SHA). */
function githubOwnedOnTag(reference: string): boolean {
  const at = reference.lastIndexOf('@');
  if (at < 0 || reference.startsWith('docker://')) return false;
  const owner = reference.slice(0, reference.indexOf('/')).toLowerCase();
  const ref = reference.slice(at + 1);
  return meta['github-owned'].owners.includes(owner) && !SHORT_SHA.test(ref) && /^v?\d/.test(ref);
}

/**
 * Why a `uses:` value is not pinned to immutable code, or undefined when it is (full commit SHA, image
 * digest) or is exempt (`./` actions come from the repository being scanned).
 */
export function unpinnedReason(reference: string): string | undefined {
  if (reference.startsWith('./')) return undefined;
  if (reference.startsWith('docker://')) {
    if (IMAGE_DIGEST.test(reference)) return undefined;
    const image = reference.split('@')[0] ?? reference;
    return (
      `\`${reference}\` runs a container image by tag, which the registry can serve with different contents; ` +
      `pin it by digest, keeping the tag for readers: \`${image}@sha256:<64 hex digest>\`.`
    );
  }
  const at = reference.lastIndexOf('@');
  if (at < 0) {
    return `\`${reference}\` names no version at all; ${SHA_ADVICE}: \`${reference}@<commit-sha> # <tag>\`.`;
  }
  const name = reference.slice(0, at);
  const ref = reference.slice(at + 1);
  if (FULL_SHA.test(ref)) return undefined;
  if (SHORT_SHA.test(ref)) {
    return (
      `\`${reference}\` is pinned only by the short SHA \`${ref}\`, which is still unpinned: only the full ` +
      `commit SHA is immutable; ${SHA_ADVICE}: \`${name}@<full-commit-sha> # <tag>\`.`
    );
  }
  return (
    `\`${reference}\` follows the tag or branch \`${ref}\`, which can be moved to different code; ` +
    `${SHA_ADVICE}: \`${name}@<commit-sha> # ${ref}\`.`
  );
}

function resolve(node: unknown, document: Document.Parsed): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

/** The value under `key` in a mapping, following aliases; undefined for anything that is not a mapping. */
function valueOf(node: unknown, key: string, document: Document.Parsed): unknown {
  const map = resolve(node, document);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair === undefined ? undefined : resolve(pair.value, document);
}

function itemsOf(node: unknown, document: Document.Parsed): unknown[] {
  const seq = resolve(node, document);
  return isSeq(seq) ? seq.items.map((item) => resolve(item, document)) : [];
}

function mapValues(node: unknown, document: Document.Parsed): unknown[] {
  const map = resolve(node, document);
  return isMap(map) ? map.items.map((pair) => resolve(pair.value, document)) : [];
}

function stepUses(steps: unknown, document: Document.Parsed): unknown[] {
  return itemsOf(steps, document).map((step) => valueOf(step, 'uses', document));
}

/** Job-level `uses:` (reusable workflows) and every step's `uses:`. */
function workflowUses(document: Document.Parsed): unknown[] {
  return mapValues(valueOf(document.contents, 'jobs', document), document).flatMap((job) => [
    valueOf(job, 'uses', document),
    ...stepUses(valueOf(job, 'steps', document), document),
  ]);
}

/** Only composite actions have steps; JavaScript and Docker actions' metadata is left alone. */
function compositeUses(document: Document.Parsed): unknown[] {
  const runs = valueOf(document.contents, 'runs', document);
  const using = valueOf(runs, 'using', document);
  if (!isScalar(using) || typeof using.value !== 'string') return [];
  if (using.value.trim().toLowerCase() !== 'composite') return [];
  return stepUses(valueOf(runs, 'steps', document), document);
}

interface UsesValue {
  readonly scalar: Scalar;
  readonly reference: string;
}

function usesValues(path: string, documents: readonly Document.Parsed[]): UsesValue[] {
  const collect = WORKFLOW.test(path) ? workflowUses : compositeUses;
  // An anchored value used through several aliases is one place to fix: report it once, where it is written.
  const seen = new Map<Scalar, UsesValue>();
  for (const document of documents) {
    for (const node of collect(document)) {
      if (!isScalar(node) || typeof node.value !== 'string') continue;
      seen.set(node, { scalar: node, reference: node.value.trim() });
    }
  }
  return [...seen.values()].sort((a, b) => (a.scalar.range?.[0] ?? 0) - (b.scalar.range?.[0] ?? 0));
}

function detectionFor(
  { scalar, reference }: UsesValue,
  context: { file: CheckFile; lines: LineCounter; rule: RuleDescriptor },
): Detection | undefined {
  if (reference === '') return undefined;
  const reason = unpinnedReason(reference);
  if (reason === undefined) return undefined;
  const region = scalarRegion(scalar, context.lines);
  const owned = githubOwnedOnTag(reference);
  return {
    ruleId: context.rule.id,
    message: `Unpinned action: ${reason}${owned ? ' (An action GitHub publishes: lower risk, still mutable.)' : ''}`,
    ...(owned
      ? {
          severity: GITHUB_OWNED_SEVERITY,
          securitySeverity: meta['github-owned']['security-severity'],
        }
      : {}),
    location: { path: context.file.path, ...(region === undefined ? {} : { region }) },
    evidence: `uses: ${reference}`,
  };
}

function run(file: CheckFile, rule: RuleDescriptor): CheckResult {
  const parsed = parseYaml(file);
  if (parsed.kind === 'unparsable') return { detections: [], notes: [parsed.note] };
  const detections = usesValues(file.path, parsed.documents)
    .map((uses) => detectionFor(uses, { file, lines: parsed.lines, rule }))
    .filter((detection): detection is Detection => detection !== undefined);
  return detections.length === 0 ? SKIP : { detections, notes: [] };
}

export const actionsUnpinned = defineCheck({
  meta,
  appliesTo: (path) => WORKFLOW.test(path) || ACTION_METADATA.test(path),
  run,
});
