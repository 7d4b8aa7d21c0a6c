import { minimatch } from 'minimatch';
import table from '../../data/mappings/asvs-rule-families.json' with { type: 'json' };

/** ASVS 5.0.0 ids for a rule that carries none, from the curated rule-family table. */
export function asvsForRule(ruleId: string): readonly string[] {
  return table.families.find((family) => minimatch(ruleId, family.rule))?.asvs ?? [];
}
