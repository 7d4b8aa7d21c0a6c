import owaspData from '../../data/mappings/owasp-top10-cwe.json' with { type: 'json' };

export type OwaspEdition = '2021' | '2025';

export interface OwaspCategory {
  /** e.g. `A03:2021` */
  readonly id: string;
  readonly title: string;
  readonly edition: OwaspEdition;
}

interface CategoryData {
  readonly title: string;
  readonly cwes: readonly number[];
}

function indexEdition(
  edition: OwaspEdition,
  data: Record<string, CategoryData>,
): Map<number, OwaspCategory[]> {
  const byCwe = new Map<number, OwaspCategory[]>();
  for (const [id, category] of Object.entries(data)) {
    for (const cwe of category.cwes) {
      const list = byCwe.get(cwe) ?? [];
      list.push({ id, title: category.title, edition });
      byCwe.set(cwe, list);
    }
  }
  return byCwe;
}

const BY_EDITION: Record<OwaspEdition, Map<number, OwaspCategory[]>> = {
  '2021': indexEdition('2021', owaspData['2021']),
  '2025': indexEdition('2025', owaspData['2025']),
};

/** Official OWASP Top 10 categories whose mapped-CWE list holds any of the given `CWE-<n>` ids. */
export function owaspCategories(cweIds: readonly string[], edition: OwaspEdition): OwaspCategory[] {
  const found = new Map<string, OwaspCategory>();
  for (const cwe of cweIds) {
    const match = /^CWE-(\d+)$/.exec(cwe);
    if (!match?.[1]) continue;
    for (const category of BY_EDITION[edition].get(Number(match[1])) ?? []) found.set(category.id, category);
  }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export const OWASP_ATTRIBUTION: string = owaspData.license;

/** Category id → title for one edition, for tables. */
export function owaspCategoryTitles(edition: OwaspEdition): Map<string, string> {
  return new Map(Object.entries(owaspData[edition]).map(([id, category]) => [id, category.title]));
}
