import { describe, expect, it } from '@jest/globals';
import type { Finding, RuleDescriptor } from '../../src/findings/finding.js';
import { OWASP_ATTRIBUTION } from '../../src/findings/taxonomy.js';
import { renderSarif, type SarifRunInput } from '../../src/sarif/render.js';
import type { SarifLog, SarifReportingDescriptor, SarifRun } from '../../src/sarif/types.js';
import { validateSarif } from './schema.js';

function rule(id: string, overrides: Partial<RuleDescriptor> = {}): RuleDescriptor {
  return {
    id,
    name: id.replace(/\W+/g, '-'),
    shortDescription: `Short description of ${id}`,
    fullDescription: `Full description of ${id}.`,
    help: `## ${id}\n\nFix it.`,
    severity: 'high',
    securitySeverity: 7.5,
    precision: 'high',
    cwe: [],
    asvs: [],
    tags: [],
    ...overrides,
  };
}

function finding(ruleId: string, path: string, line: number, overrides: Partial<Finding> = {}): Finding {
  return {
    tool: ruleId.split('/')[0] ?? 'tool',
    ruleId,
    message: `${ruleId} at ${path}:${line}`,
    severity: 'high',
    securitySeverity: 7.5,
    location: { path, region: { startLine: line } },
    cwe: [],
    owasp2021: [],
    owasp2025: [],
    asvs: [],
    fingerprint: `fp-${ruleId}-${path}-${line}`,
    alsoReportedBy: [],
    role: 'source',
    ...overrides,
  };
}

const SEMGREP: SarifRunInput = {
  tool: { name: 'semgrep', version: '1.185.0', informationUri: 'https://semgrep.dev' },
  rules: [
    rule('semgrep/sql-injection', { cwe: ['CWE-89'], severity: 'critical', securitySeverity: 9.8 }),
    rule('semgrep/weak-hash', { cwe: ['CWE-328'], severity: 'medium', securitySeverity: 5.3 }),
    rule('semgrep/todo-comment', { severity: 'info', securitySeverity: 0, tags: ['security', 'style'] }),
  ],
  findings: [
    finding('semgrep/weak-hash', 'src/b.py', 3, { severity: 'medium', lineHash: '54703d4cd895b18:1' }),
    finding('semgrep/sql-injection', 'src/a.py', 10, {
      severity: 'critical',
      alsoReportedBy: ['codeql', 'bandit'],
    }),
    finding('semgrep/todo-comment', 'src/a.py', 2, { severity: 'info' }),
  ],
};

const GITLEAKS: SarifRunInput = {
  tool: { name: 'gitleaks', version: 'v8.30.1' },
  rules: [rule('gitleaks/aws-access-key', { cwe: ['CWE-798'], severity: 'critical', securitySeverity: 9.5 })],
  findings: [
    finding('gitleaks/aws-access-key', 'config/prod.env', 4, {
      severity: 'low',
      evidence: 'AKIAIOSFODNN7EXAMPLE',
      message: 'AWS access key found',
    }),
  ],
};

const CLEAN: SarifRunInput = {
  tool: { name: 'checkov', version: '3.3.30' },
  rules: [rule('checkov/CKV_GHA_1', { cwe: ['CWE-829'], severity: 'low', securitySeverity: 3 })],
  findings: [],
};

function render(...runs: SarifRunInput[]): SarifLog {
  return renderSarif({ vouchVersion: '0.1.0', runs });
}

function runOf(log: SarifLog, name: string): SarifRun {
  const run = log.runs.find((candidate) => candidate.tool.driver.name === name);
  if (!run) throw new Error(`no run ${name}`);
  return run;
}

function rulesOf(log: SarifLog): SarifReportingDescriptor[] {
  return log.runs.flatMap((run) => run.tool.driver.rules ?? []);
}

describe('renderSarif', () => {
  const log = render(SEMGREP, GITLEAKS, CLEAN);

  it('produces a log the official SARIF 2.1.0 schema accepts', () => {
    expect(validateSarif(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
  });

  it('the schema helper really rejects invalid logs', () => {
    expect(validateSarif({ ...log, version: '2.0.0' })).not.toEqual([]);
    const badUri = JSON.parse(
      JSON.stringify(log).replace('"uri":"src/a.py"', '"uri":"src/a b.py"'),
    ) as unknown;
    expect(validateSarif(badUri).join('\n')).toMatch(/uri/);
  });

  it('emits one run per tool with distinct driver names and categories', () => {
    const names = log.runs.map((run) => run.tool.driver.name);
    expect(names).toEqual(['checkov', 'gitleaks', 'semgrep']);
    expect(log.runs.map((run) => run.automationDetails?.id)).toEqual([
      'vouch/checkov/',
      'vouch/gitleaks/',
      'vouch/semgrep/',
    ]);
    expect(runOf(log, 'semgrep').tool.driver).toMatchObject({
      version: '1.185.0',
      semanticVersion: '1.185.0',
      informationUri: 'https://semgrep.dev',
    });
    expect(runOf(log, 'gitleaks').tool.driver.semanticVersion).toBeUndefined();
    expect(runOf(log, 'gitleaks').tool.driver.version).toBe('v8.30.1');
    expect(runOf(log, 'semgrep').conversion?.tool.driver).toEqual({
      name: 'Vouch',
      version: '0.1.0',
      semanticVersion: '0.1.0',
    });
  });

  it('throws when two runs share a tool name', () => {
    expect(() => render(SEMGREP, { ...CLEAN, tool: { name: 'semgrep' } })).toThrow(
      /two runs share the tool name semgrep/,
    );
  });

  it('lists the rules of a run without results', () => {
    const run = runOf(log, 'checkov');
    expect(run.results).toEqual([]);
    expect(run.tool.driver.rules?.map((r) => r.id)).toEqual(['checkov/CKV_GHA_1']);
  });

  it('gives every security rule what GitHub requires', () => {
    for (const descriptor of rulesOf(log)) {
      for (const text of [
        descriptor.shortDescription?.text,
        descriptor.fullDescription?.text,
        descriptor.help?.text,
      ]) {
        expect(text?.length).toBeGreaterThan(0);
        expect(text?.length).toBeLessThanOrEqual(1024);
      }
      const properties = descriptor.properties ?? {};
      expect((properties.tags as string[]).length).toBeLessThanOrEqual(20);
      expect(properties.precision).toBe('high');
      if (descriptor.id === 'semgrep/todo-comment') continue;
      const score = properties['security-severity'];
      expect(typeof score).toBe('string');
      expect(score).toMatch(/^\d+\.\d$/);
      expect(Number(score)).toBeGreaterThan(0);
      expect(Number(score)).toBeLessThanOrEqual(10);
      expect(properties.tags).toContain('security');
    }
  });

  it('gives info rules neither security-severity nor the security tag, even when the rule lists it', () => {
    const info = rulesOf(log).find((descriptor) => descriptor.id === 'semgrep/todo-comment');
    expect(info?.properties?.['security-severity']).toBeUndefined();
    expect(info?.properties?.tags).toEqual(['style']);
  });

  it('maps severities to levels and security-severity strings', () => {
    const levels = Object.fromEntries(rulesOf(log).map((d) => [d.id, d.defaultConfiguration?.level]));
    expect(levels).toEqual({
      'checkov/CKV_GHA_1': 'note',
      'gitleaks/aws-access-key': 'error',
      'semgrep/sql-injection': 'error',
      'semgrep/todo-comment': 'note',
      'semgrep/weak-hash': 'warning',
    });
    const scores = rulesOf(log).map((d) => d.properties?.['security-severity']);
    expect(scores).toEqual(['3.0', '9.5', '9.8', undefined, '5.3']);
    const results = runOf(log, 'semgrep').results.map((r) => [r.ruleId, r.level]);
    expect(results).toEqual([
      ['semgrep/todo-comment', 'note'],
      ['semgrep/sql-injection', 'error'],
      ['semgrep/weak-hash', 'warning'],
    ]);
  });

  it('clamps and rounds scores into (0, 10] and falls back to the severity band when missing', () => {
    const scored = render({
      tool: { name: 't' },
      rules: [
        rule('t/high', { securitySeverity: 12 }),
        rule('t/tiny', { severity: 'low', securitySeverity: 0.01 }),
        rule('t/nan', { severity: 'medium', securitySeverity: Number.NaN }),
      ],
      findings: [],
    });
    expect(rulesOf(scored).map((d) => d.properties?.['security-severity'])).toEqual(['10.0', '5.5', '0.1']);
  });

  it('tags CWE ids as CodeQL does, with OWASP 2021 and 2025 categories from the taxonomy', () => {
    const tags = rulesOf(log).find((d) => d.id === 'gitleaks/aws-access-key')?.properties?.tags;
    expect(tags).toEqual([
      'security',
      'external/cwe/cwe-798',
      'owasp-top10-2021/A07',
      'owasp-top10-2025/A07',
    ]);
    const sqlTags = rulesOf(log).find((d) => d.id === 'semgrep/sql-injection')?.properties?.tags;
    expect(sqlTags).toEqual(
      expect.arrayContaining(['external/cwe/cwe-089', 'owasp-top10-2021/A03', 'owasp-top10-2025/A05']),
    );
  });

  it('keeps at most 20 tags, security and taxonomy tags first', () => {
    const many = Array.from({ length: 30 }, (_, i) => `tag-${i}`);
    const tagged = render({
      tool: { name: 't' },
      rules: [rule('t/r', { cwe: ['CWE-79'], tags: many })],
      findings: [],
    });
    const tags = rulesOf(tagged)[0]?.properties?.tags as string[];
    expect(tags).toHaveLength(20);
    expect(tags.slice(0, 2)).toEqual(['security', 'external/cwe/cwe-079']);
    expect(tags).toContain('owasp-top10-2025/A05');
  });

  it('truncates long descriptions with an ellipsis and never leaves one empty', () => {
    const long = 'x'.repeat(1023) + '😀' + 'y'.repeat(2000);
    const rendered = render({
      tool: { name: 't' },
      rules: [rule('t/long', { fullDescription: long, shortDescription: '  ', name: 'LongRule', help: '' })],
      findings: [finding('t/long', 'a.txt', 1, { message: ' ' })],
    });
    const descriptor = rulesOf(rendered)[0];
    expect(descriptor?.fullDescription?.text).toHaveLength(1024);
    expect(descriptor?.fullDescription?.text.endsWith('x…')).toBe(true);
    expect(descriptor?.shortDescription?.text).toBe('LongRule');
    expect(descriptor?.help?.text.length).toBeGreaterThan(0);
    expect(rendered.runs[0]?.results[0]?.message.text).toBe('LongRule');
    expect(validateSarif(rendered)).toEqual([]);
  });

  it('emits OWASP Top 10 taxonomies with the attribution, and rule relationships that resolve', () => {
    const run = runOf(log, 'semgrep');
    const taxonomies = run.taxonomies ?? [];
    expect(taxonomies.map((t) => [t.name, t.version])).toEqual([
      ['OWASP Top 10 2021', '2021'],
      ['OWASP Top 10 2025', '2025'],
    ]);
    expect(taxonomies[0]?.taxa?.map((taxon) => taxon.id)).toEqual(['A02:2021', 'A03:2021']);
    expect(taxonomies[0]?.properties).toEqual({ attribution: OWASP_ATTRIBUTION });
    expect(run.tool.driver.supportedTaxonomies).toEqual([
      { name: 'OWASP Top 10 2021', index: 0 },
      { name: 'OWASP Top 10 2025', index: 1 },
    ]);
    for (const descriptor of run.tool.driver.rules ?? []) {
      for (const { target, kinds } of descriptor.relationships ?? []) {
        expect(kinds).toEqual(['superset']);
        const taxonomy = taxonomies[target.toolComponent.index ?? -1];
        expect(taxonomy?.name).toBe(target.toolComponent.name);
        expect(taxonomy?.taxa?.[target.index ?? -1]?.id).toBe(target.id);
      }
    }
    const sql = run.tool.driver.rules?.find((d) => d.id === 'semgrep/sql-injection');
    expect(sql?.relationships?.map((r) => r.target.id)).toEqual(['A03:2021', 'A05:2025']);
  });
});

describe('renderSarif results', () => {
  const log = render(SEMGREP, GITLEAKS, CLEAN);

  it('points each result at its rule by id and index', () => {
    for (const run of log.runs) {
      for (const result of run.results) {
        expect(run.tool.driver.rules?.[result.ruleIndex]?.id).toBe(result.ruleId);
        expect(result.message.text.length).toBeGreaterThan(0);
        expect(result.locations).toHaveLength(1);
      }
    }
  });

  it('throws for a finding whose rule the run does not list, and for a rule listed twice', () => {
    const stray = { ...CLEAN, findings: [finding('checkov/CKV_OTHER', 'main.tf', 1)] };
    expect(() => render(stray)).toThrow(/unknown rule checkov\/CKV_OTHER/);
    const twice = { ...CLEAN, rules: [...CLEAN.rules, ...CLEAN.rules] };
    expect(() => render(twice)).toThrow(/listed twice/);
  });

  it('uses repository-relative URIs under %SRCROOT%, encoding only what URIs require', () => {
    const paths = [
      'src/my file#1.ts',
      'a:b/c:d.ts',
      'dir/naïve.ts',
      './lib/x%y.js',
      "ok/-._~!$&'()*+,;=@.ts",
    ];
    const rendered = render({
      tool: { name: 't' },
      rules: [rule('t/r')],
      findings: paths.map((path) => finding('t/r', path, 1)),
    });
    const locations = rendered.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation);
    expect(locations?.map((l) => l?.uri).sort()).toEqual(
      [
        'src/my%20file%231.ts',
        'a%3Ab/c:d.ts',
        'dir/na%C3%AFve.ts',
        'lib/x%25y.js',
        "ok/-._~!$&'()*+,;=@.ts",
      ].sort(),
    );
    for (const location of locations ?? []) {
      expect(location?.uriBaseId).toBe('%SRCROOT%');
      expect(location?.uri).not.toMatch(/^\/|^[a-z]+:\/\//i);
    }
    expect(validateSarif(rendered)).toEqual([]);
  });

  it('refuses paths that are not repository-relative', () => {
    for (const path of ['/etc/passwd', '../outside.ts', 'a/../../b', '']) {
      const input = { tool: { name: 't' }, rules: [rule('t/r')], findings: [finding('t/r', path, 1)] };
      expect(() => render(input)).toThrow(/not repository-relative/);
    }
  });

  it('emits regions as given, and line 1 for a whole-file result', () => {
    const region = { startLine: 3, startColumn: 5, endLine: 4, endColumn: 9 };
    const rendered = render({
      tool: { name: 't' },
      rules: [rule('t/r')],
      findings: [
        finding('t/r', 'a.ts', 3, { location: { path: 'a.ts', region } }),
        finding('t/r', 'b.ts', 1, { location: { path: 'b.ts' } }),
      ],
    });
    const regions = rendered.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.region);
    expect(regions).toEqual([region, { startLine: 1 }]);
    const bad = { tool: { name: 't' }, rules: [rule('t/r')], findings: [finding('t/r', 'a.ts', 0)] };
    expect(() => render(bad)).toThrow(/invalid start line/);
  });

  it('sets primaryLocationLineHash exactly when the finding has a line hash', () => {
    const results = runOf(log, 'semgrep').results;
    const hashed = results.find((r) => r.ruleId === 'semgrep/weak-hash');
    expect(hashed?.partialFingerprints).toEqual({ primaryLocationLineHash: '54703d4cd895b18:1' });
    for (const result of results.filter((r) => r !== hashed))
      expect(result.partialFingerprints).toBeUndefined();
  });

  it("carries Vouch's fingerprint, severity and the other tools that reported the same problem", () => {
    const sql = runOf(log, 'semgrep').results.find((r) => r.ruleId === 'semgrep/sql-injection');
    expect(sql?.properties).toEqual({
      'vouch/fingerprint': 'fp-semgrep/sql-injection-src/a.py-10',
      'vouch/severity': 'critical',
      'vouch/also-reported-by': ['bandit', 'codeql'],
      'vouch/role': 'source',
      tags: ['role:source'],
    });
    const leak = runOf(log, 'gitleaks').results[0];
    expect(leak?.properties).not.toHaveProperty('vouch/also-reported-by');
    // A finding's own severity wins over its rule's for the result level.
    expect(leak?.level).toBe('note');
  });

  it("carries the file role as a property and a tag, the mode and a secret's kind when known", () => {
    const rendered = renderSarif({
      vouchVersion: '0.1.0',
      runs: [
        {
          tool: { name: 'gitleaks' },
          rules: [rule('gitleaks/generic-api-key')],
          findings: [
            finding('gitleaks/generic-api-key', 'tests/a.py', 3, { role: 'test', secret: 'placeholder' }),
          ],
        },
      ],
      annotate: () => ({ mode: 'warn' }),
    });
    expect(runOf(rendered, 'gitleaks').results[0]?.properties).toMatchObject({
      'vouch/role': 'test',
      'vouch/mode': 'warn',
      'vouch/secret': 'placeholder',
      tags: ['role:test'],
    });
  });

  it('never emits evidence: a secret-looking evidence string appears nowhere in the SARIF', () => {
    const secret = 'AKIAIOSFODNN7EXAMPLE';
    expect(GITLEAKS.findings[0]?.evidence).toBe(secret);
    const json = JSON.stringify(log);
    expect(json).not.toContain(secret);
    expect(json).not.toContain('evidence');
  });

  it('is deterministic: input order does not change the output', () => {
    const reversed = (input: SarifRunInput): SarifRunInput => ({
      ...input,
      rules: [...input.rules].reverse(),
      findings: [...input.findings].reverse(),
    });
    const again = renderSarif({ vouchVersion: '0.1.0', runs: [CLEAN, GITLEAKS, SEMGREP].map(reversed) });
    expect(JSON.stringify(again)).toBe(JSON.stringify(log));
  });

  it('sorts rules by id and results by path, line and rule', () => {
    const run = runOf(log, 'semgrep');
    expect(run.tool.driver.rules?.map((r) => r.id)).toEqual([
      'semgrep/sql-injection',
      'semgrep/todo-comment',
      'semgrep/weak-hash',
    ]);
    const order = run.results.map((r) => {
      const location = r.locations[0]?.physicalLocation;
      return `${location?.artifactLocation.uri ?? ''}:${location?.region?.startLine ?? 0}`;
    });
    expect(order).toEqual(['src/a.py:2', 'src/a.py:10', 'src/b.py:3']);
  });
});
