import { describe, expect, it } from '@jest/globals';
import * as cvssModule from 'ae-cvss-calculator';
import type { OsvAdvisory } from '../../../src/scanners/osv/parse.js';
import {
  advisoryScore,
  calculatorOf,
  cvssScore,
  groupScore,
  MALICIOUS_SCORE,
} from '../../../src/scanners/osv/severity.js';

function advisory(overrides: Partial<OsvAdvisory> = {}): OsvAdvisory {
  return {
    id: 'GHSA-aaaa-bbbb-cccc',
    summary: '',
    details: '',
    aliases: [],
    severity: [],
    cwes: [],
    affected: [],
    references: [],
    ...overrides,
  };
}

const V31_CRITICAL = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const V4_HIGH = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U';

describe('calculatorOf', () => {
  // The CommonJS exports object, as Node's ESM loader hands it over under `default`.
  const exportsObject = (cvssModule as unknown as { default: { Cvss4P0: unknown } }).default;

  it("finds the classes under Node's `default` and on an ncc bundle's namespace alike", () => {
    expect(calculatorOf({ default: exportsObject }).Cvss4P0).toBe(exportsObject.Cvss4P0);
    expect(calculatorOf(exportsObject).Cvss4P0).toBe(exportsObject.Cvss4P0);
  });

  it('fails loudly when neither shape holds them', () => {
    expect(() => calculatorOf({ default: undefined })).toThrow('no Cvss4P0 export');
  });
});

describe('cvssScore', () => {
  // Scores as FIRST's calculators give them.
  it.each<[string, string, string, number]>([
    ['v3.1', 'CVSS_V3', V31_CRITICAL, 9.8],
    ['v3.1 with high privileges', 'CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', 7.2],
    ['v3.1 base score, temporal metrics ignored', 'CVSS_V3', `${V31_CRITICAL}/E:U/RL:O`, 9.8],
    ['v3.0', 'CVSS_V3', 'CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N', 5.4],
    ['v4.0', 'CVSS_V4', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['v4.0 with the threat metric the advisory gives', 'CVSS_V4', V4_HIGH, 8.1],
    ['v4.0 medium', 'CVSS_V4', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N', 5.3],
    ['v2', 'CVSS_V2', 'AV:N/AC:L/Au:N/C:N/I:P/A:N', 5],
    ['v2 in parentheses, as NVD wrote them', 'CVSS_V2', '(AV:N/AC:L/Au:N/C:P/I:P/A:P)', 7.5],
  ])('%s', (_label, type, vector, score) => {
    expect(cvssScore(type, vector)?.score).toBe(score);
  });

  it.each<[string, string, string]>([
    ['an unknown metric', 'CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y'],
    ['an unknown value', 'CVSS_V3', 'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['an incomplete vector', 'CVSS_V3', 'CVSS:3.1/AV:N/AC:L'],
    ['a score of 0.0', 'CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N'],
    ['a type that contradicts the vector', 'CVSS_V4', V31_CRITICAL],
    ['a bare number', 'CVSS_V3', '9.8'],
    ['an Ubuntu rating', 'Ubuntu', 'high'],
  ])('rejects %s', (_label, type, vector) => {
    expect(cvssScore(type, vector)).toBeUndefined();
  });
});

describe('advisoryScore', () => {
  it('prefers the v4 vector over a higher v3.1 one', () => {
    const both = advisory({
      severity: [
        { type: 'CVSS_V3', score: V31_CRITICAL },
        { type: 'CVSS_V4', score: V4_HIGH },
      ],
    });
    expect(advisoryScore(both)).toEqual({ severity: 'high', score: 8.1, source: 'CVSS:4.0' });
  });

  it('prefers v3.1 over v2 and skips a vector it cannot read', () => {
    const mixed = advisory({
      severity: [
        { type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:N/I:P/A:N' },
        { type: 'CVSS_V4', score: 'CVSS:4.0/garbage' },
        { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' },
      ],
    });
    expect(advisoryScore(mixed)).toEqual({ severity: 'high', score: 7.2, source: 'CVSS:3.1' });
  });

  it.each<[string, string, number]>([
    ['CRITICAL', 'critical', 9.5],
    ['HIGH', 'high', 8],
    ['MODERATE', 'medium', 5.5],
    ['LOW', 'low', 3],
  ])("falls back to GitHub's database_specific severity %s", (label, severity, score) => {
    expect(advisoryScore(advisory({ databaseSeverity: label }))).toEqual({
      severity,
      score,
      source: 'label',
    });
  });

  it('uses a vector before the label', () => {
    const scored = advisory({
      databaseSeverity: 'LOW',
      severity: [{ type: 'CVSS_V3', score: V31_CRITICAL }],
    });
    expect(advisoryScore(scored)?.severity).toBe('critical');
  });

  it('reads an Ubuntu rating as a label', () => {
    expect(advisoryScore(advisory({ severity: [{ type: 'Ubuntu', score: 'medium' }] }))?.severity).toBe(
      'medium',
    );
  });

  it('has no score for an advisory without vector or known label', () => {
    expect(advisoryScore(advisory())).toBeUndefined();
    expect(advisoryScore(advisory({ databaseSeverity: 'UNKNOWN' }))).toBeUndefined();
  });

  it('scores a MAL- advisory as critical whatever it carries', () => {
    const malicious = advisory({ id: 'MAL-2025-1', databaseSeverity: 'LOW' });
    expect(advisoryScore(malicious)).toEqual({
      severity: 'critical',
      score: MALICIOUS_SCORE,
      source: 'malicious',
    });
  });
});

describe('groupScore', () => {
  it('takes the highest member, as osv-scanner does for aliased records', () => {
    const ghsa = advisory({ databaseSeverity: 'MODERATE' });
    const pysec = advisory({ id: 'PYSEC-2020-1', severity: [{ type: 'CVSS_V3', score: V31_CRITICAL }] });
    expect(groupScore(['GHSA-aaaa-bbbb-cccc', 'PYSEC-2020-1'], [ghsa, pysec], 'high')).toMatchObject({
      severity: 'critical',
      score: 9.8,
    });
  });

  it('gives an unscored group the unknown severity the policy chose', () => {
    expect(groupScore(['PYSEC-2018-28'], [advisory({ id: 'PYSEC-2018-28' })], 'high')).toEqual({
      severity: 'high',
      score: 8,
      source: 'unscored',
    });
    expect(groupScore(['PYSEC-2018-28'], [advisory({ id: 'PYSEC-2018-28' })], 'low')).toMatchObject({
      severity: 'low',
      score: 3,
    });
  });

  it('keeps security-severity above 0 when unscored advisories count as info', () => {
    expect(groupScore(['X-1'], [advisory({ id: 'X-1' })], 'info')).toMatchObject({
      severity: 'info',
      score: 0.1,
    });
  });

  it('is critical when any id or alias is a MAL- id', () => {
    const scored = advisory({
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N' }],
    });
    expect(groupScore(['GHSA-aaaa-bbbb-cccc', 'MAL-2024-9'], [scored], 'low')).toEqual({
      severity: 'critical',
      score: 10,
      source: 'malicious',
    });
  });
});
