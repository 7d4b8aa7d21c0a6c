import { describe, expect, it } from '@jest/globals';
import { owaspCategories } from '../../src/findings/taxonomy.js';

describe('owaspCategories', () => {
  it('maps CWE-798 (hardcoded credentials) to the 2021 and 2025 categories that list it', () => {
    expect(owaspCategories(['CWE-798'], '2021').map((c) => c.id)).toEqual(['A07:2021']);
    expect(owaspCategories(['CWE-798'], '2025').map((c) => c.id)).toEqual(['A07:2025']);
  });

  it('maps CWE-259 to both categories that list it in 2021', () => {
    expect(owaspCategories(['CWE-259'], '2021').map((c) => c.id)).toEqual(['A02:2021', 'A07:2021']);
  });

  it('maps CWE-829 to the integrity categories of both editions', () => {
    expect(owaspCategories(['CWE-829'], '2021').map((c) => c.id)).toEqual(['A08:2021']);
    expect(owaspCategories(['CWE-829'], '2025').map((c) => c.id)).toEqual(['A08:2025']);
  });

  it('ignores ids that are not CWE ids and CWEs no category lists', () => {
    expect(owaspCategories(['CWE-abc', 'nonsense', 'CWE-999999'], '2025')).toEqual([]);
  });
});
