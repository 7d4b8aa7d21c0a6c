import type { DescriptorRef, ImportedComponent, ImportedDescriptor, ImportedRun } from './model.js';
import { list, text } from './guards.js';

/**
 * CWE ids as tools write them in rule tags: CodeQL's and Bandit's `external/cwe/cwe-079`, `CWE-79`,
 * `cwe-79`, and Semgrep's `CWE-79: Improper Neutralization …`.
 */
const CWE_TAG = /^(?:external\/cwe\/)?cwe[-_: ]?0*(\d{1,6})(?:\s*:.*)?$/is;
/** A taxon id inside a CWE taxonomy: `79`, `079` or `CWE-79`. */
const CWE_TAXON = /^(?:cwe-)?0*(\d{1,6})$/i;

export function cweFromTag(tag: string): string | undefined {
  const match = CWE_TAG.exec(tag.trim());
  return match?.[1] ? `CWE-${match[1]}` : undefined;
}

/** The rule's `properties.tags`, as strings. */
export function ruleTags(rule: ImportedDescriptor | undefined): string[] {
  return list(rule?.properties.tags).flatMap((tag) => text(tag) ?? []);
}

/** CWE ids from tags and from a `cwe` property (a string or a list), which some tools use instead. */
export function cweFromProperties(rule: ImportedDescriptor | undefined): string[] {
  const property = rule?.properties.cwe;
  const declared = typeof property === 'string' ? [property] : list(property).flatMap((v) => text(v) ?? []);
  return [...ruleTags(rule), ...declared].flatMap((tag) => cweFromTag(tag) ?? []);
}

function isCweTaxonomy(name: string | undefined): boolean {
  return name !== undefined && /^(?:cwe|common weakness enumeration)$/i.test(name.trim());
}

/**
 * The taxonomy a reference points into. `toolComponent.index` indexes `run.taxonomies` for taxa
 * (SARIF §3.54.3); a name or guid is matched when the index is absent or wrong.
 */
function taxonomyOf(run: ImportedRun, ref: DescriptorRef): ImportedComponent | undefined {
  const target = ref.toolComponent;
  if (!target) return undefined;
  const byIndex = target.index === undefined ? undefined : run.taxonomies[target.index];
  if (byIndex && (target.name === undefined || byIndex.name === target.name)) return byIndex;
  return run.taxonomies.find(
    (taxonomy) =>
      (target.guid !== undefined && taxonomy.guid === target.guid) ||
      (target.name !== undefined && taxonomy.name === target.name),
  );
}

/** A CWE id for a reference into a CWE taxonomy (by taxon id, or by index into its `taxa`). */
export function cweFromTaxonRef(run: ImportedRun, ref: DescriptorRef): string | undefined {
  const taxonomy = taxonomyOf(run, ref);
  if (!isCweTaxonomy(taxonomy?.name ?? ref.toolComponent?.name)) return undefined;
  const id = ref.id ?? (ref.index === undefined ? undefined : taxonomy?.taxa[ref.index]?.id);
  const match = id === undefined ? null : CWE_TAXON.exec(id.trim());
  return match?.[1] ? `CWE-${match[1]}` : undefined;
}

/** Every CWE id a rule declares: tags, a `cwe` property, and relationships to a CWE taxonomy. */
export function ruleCwes(run: ImportedRun, rule: ImportedDescriptor | undefined): string[] {
  const related = (rule?.relationships ?? []).flatMap((ref) => cweFromTaxonRef(run, ref) ?? []);
  return [...new Set([...cweFromProperties(rule), ...related])];
}
