import { describe, expect, it } from '@jest/globals';
import { asvsForRule } from '../../src/findings/asvs.js';

describe('asvsForRule', () => {
  it('maps rule families of external scanners, most specific first', () => {
    expect(asvsForRule('gitleaks/github-pat')).toEqual(['v5.0.0-13.3.1']);
    expect(asvsForRule('checkov/CKV_SECRET_2')).toEqual(['v5.0.0-13.3.1']);
    expect(asvsForRule('osv-scanner/MAL-2025-1234')).toEqual(['v5.0.0-15.2.4', 'v5.0.0-15.2.1']);
    expect(asvsForRule('osv-scanner/GHSA-xxxx-yyyy-zzzz')).toEqual(['v5.0.0-15.2.1']);
  });

  it('gives nothing for rules no family covers', () => {
    expect(asvsForRule('bandit/B101')).toEqual([]);
  });
});
