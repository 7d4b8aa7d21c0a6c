import { OWASP_ATTRIBUTION, type OwaspCategory, type OwaspEdition } from '../findings/taxonomy.js';
import type { SarifRelationship, SarifToolComponent } from './types.js';

/** OWASP Top 10 as SARIF taxonomies, so the categories travel with the file. */

export const EDITIONS: readonly OwaspEdition[] = ['2021', '2025'];

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** CodeQL's form, zero-padded to three digits (`external/cwe/cwe-079`), which GitHub links to CWE pages. */
export function cweTag(cwe: string): string | undefined {
  const match = /^CWE-(\d+)$/i.exec(cwe);
  return match?.[1] ? `external/cwe/cwe-${match[1].padStart(3, '0')}` : undefined;
}

export type RuleCategories = Readonly<Record<OwaspEdition, readonly OwaspCategory[]>>;

function taxonomyName(edition: OwaspEdition): string {
  return `OWASP Top 10 ${edition}`;
}

/** One taxonomy per edition, holding the categories this run's rules map to. */
export function taxonomies(allCategories: readonly RuleCategories[]): SarifToolComponent[] {
  return EDITIONS.map((edition) => {
    const taxa = new Map<string, OwaspCategory>();
    for (const categories of allCategories)
      for (const category of categories[edition]) taxa.set(category.id, category);
    return {
      name: taxonomyName(edition),
      version: edition,
      organization: 'OWASP Foundation',
      informationUri: 'https://owasp.org/www-project-top-ten/',
      shortDescription: { text: `OWASP Top 10 ${edition} categories` },
      taxa: [...taxa.values()]
        .sort((a, b) => compare(a.id, b.id))
        .map((category) => ({
          id: category.id,
          name: category.title,
          shortDescription: { text: category.title },
        })),
      // The category data is CC BY-SA 4.0: its attribution travels with anything derived from it.
      properties: { attribution: OWASP_ATTRIBUTION },
    };
  });
}

export function relationships(
  categories: RuleCategories,
  runTaxonomies: readonly SarifToolComponent[],
): SarifRelationship[] {
  return EDITIONS.flatMap((edition, taxonomyIndex) =>
    categories[edition].map((category) => ({
      target: {
        id: category.id,
        index: runTaxonomies[taxonomyIndex]?.taxa?.findIndex((taxon) => taxon.id === category.id) ?? -1,
        toolComponent: { name: taxonomyName(edition), index: taxonomyIndex },
      },
      kinds: ['superset'],
    })),
  );
}
