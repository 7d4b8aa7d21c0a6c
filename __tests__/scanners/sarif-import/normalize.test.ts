import { describe, expect, it } from '@jest/globals';
import { fixtureRuns, importAll, runsOf, sarifLog } from './helpers.js';

function summary(detections: ReturnType<typeof importAll>['detections']): unknown[] {
  return detections.map((d) => [d.ruleId, d.location.path, d.location.region?.startLine, d.severity]);
}

describe('importing the recorded Bandit 1.9.4 SARIF', () => {
  const imported = importAll(fixtureRuns('bandit-1.9.4.sarif'), ['app/__init__.py', 'app/tasks.py']);

  it('keeps Bandit in every rule id and maps its levels to severities', () => {
    expect(summary(imported.detections)).toEqual([
      ['bandit/B404', 'app/tasks.py', 3, 'low'],
      ['bandit/B105', 'app/tasks.py', 7, 'low'],
      ['bandit/B602', 'app/tasks.py', 12, 'high'],
      // No `level` and no default configuration: SARIF's default level is warning.
      ['bandit/B506', 'app/tasks.py', 16, 'medium'],
      ['bandit/B324', 'app/tasks.py', 20, 'high'],
    ]);
    expect(imported.detections[2]?.location.region).toEqual({
      startLine: 12,
      startColumn: 12,
      endLine: 12,
      endColumn: 71,
    });
  });

  it('reads CWE, precision, name and help link from the rule', () => {
    const rules = imported.book.descriptors();
    expect(rules.map((r) => [r.id, r.cwe, r.precision, r.severity])).toEqual([
      ['bandit/B105', ['CWE-259'], 'medium', 'low'],
      ['bandit/B324', ['CWE-327'], 'high', 'high'],
      ['bandit/B404', ['CWE-78'], 'high', 'low'],
      ['bandit/B506', ['CWE-20'], 'high', 'medium'],
      ['bandit/B602', ['CWE-78'], 'high', 'high'],
    ]);
    const b602 = rules.find((r) => r.id === 'bandit/B602');
    expect(b602).toMatchObject({
      name: 'subprocess_popen_with_shell_equals_true',
      shortDescription: 'Bandit B602: subprocess_popen_with_shell_equals_true',
      helpUri:
        'https://bandit.readthedocs.io/en/1.9.4/plugins/b602_subprocess_popen_with_shell_equals_true.html',
      tags: ['tool/bandit', 'security'],
      asvs: [],
    });
    expect(b602?.help).toContain('Reported by Bandit 1.9.4');
  });

  it('never carries snippets, context regions or the password B105 quotes', () => {
    const everything = JSON.stringify([imported.detections, imported.book.descriptors()]);
    expect(everything).not.toContain('hunter2');
    expect(everything).not.toContain('tar czf');
    expect(imported.detections[1]?.message).toBe("Possible hardcoded password: '[redacted]'");
  });
});

describe('several tools in one file', () => {
  const files = ['server/db.js', 'server/auth.js', 'web/app.js'];
  const imported = importAll(fixtureRuns('multi-run.sarif'), files);

  it('prefixes each rule with its own tool and resolves rules in extensions', () => {
    expect(summary(imported.detections)).toEqual([
      ['codeql/js/sql-injection', 'server/db.js', 14, 'high'],
      // security-severity 7.5 wins over the rule's warning level, as in GitHub code scanning.
      ['codeql/js/weak-cryptographic-algorithm', 'server/auth.js', 3, 'high'],
      ['eslint-sarif/no-eval', 'web/app.js', 7, 'medium'],
    ]);
    expect(imported.detections.map((d) => d.securitySeverity)).toEqual([8.8, 7.5, 5.5]);
  });

  it('takes descriptions, markdown help, CWE and tags from the extension that declares the rule', () => {
    const rule = imported.book.descriptors().find((r) => r.id === 'codeql/js/sql-injection');
    expect(rule).toMatchObject({
      shortDescription: 'Database query built from user-controlled sources',
      fullDescription: expect.stringContaining('vulnerable to insertion') as unknown,
      securitySeverity: 8.8,
      severity: 'high',
      cwe: ['CWE-89', 'CWE-90'],
      tags: ['tool/codeql', 'security'],
    });
    expect(rule?.help).toMatch(
      /^# Database query built from user-controlled sources\n\nUse a \*\*parameterized\*\*/,
    );
    const eslint = imported.book.descriptors().find((r) => r.id === 'eslint-sarif/no-eval');
    expect(eslint).toMatchObject({
      cwe: ['CWE-95'],
      helpUri: 'https://eslint.org/docs/latest/rules/no-eval',
    });
  });
});

describe('originalUriBaseIds', () => {
  it('places results of a SARIF written on another machine relative to its declared checkout', () => {
    const files = ['src/run.py', 'lib/tools.py', 'src/util helpers.py'];
    const imported = importAll(fixtureRuns('original-uri-base-ids.sarif'), files, '/github/workspace');
    expect(imported.detections.map((d) => [d.location.path, d.location.region])).toEqual([
      ['src/run.py', { startLine: 10, startColumn: 5, endLine: 10, endColumn: 40 }],
      ['lib/tools.py', { startLine: 2 }],
      ['src/util helpers.py', { startLine: 4 }],
    ]);
    // file:///home/runner/work/_temp/… is outside the declared checkout: counted, not reported.
    expect(imported.setAside.outside).toBe(1);
    expect(JSON.stringify(imported.detections)).not.toContain('subprocess.call(cmd');
  });
});

describe('CWE from taxonomies', () => {
  it('reads rule relationships and result taxa that point into a CWE taxonomy', () => {
    const files = ['src/main/java/Shop.java', 'src/main/java/Web.java'];
    const imported = importAll(fixtureRuns('taxonomies.sarif'), files);
    expect(imported.book.descriptors().map((r) => [r.id, r.cwe])).toEqual([
      ['sonarqube/javasecurity:S3649', ['CWE-89']],
      ['sonarqube/javasecurity:S5131', ['CWE-79']],
    ]);
  });

  it('ignores taxa of a taxonomy that is not CWE', () => {
    const runs = runsOf(
      sarifLog({
        taxonomies: [{ name: 'OWASP', taxa: [{ id: '79' }] }],
        results: [
          {
            ruleId: 'r',
            message: { text: 'm' },
            taxa: [{ id: '79', toolComponent: { name: 'OWASP', index: 0 } }],
            locations: [{ physicalLocation: { artifactLocation: { uri: 'a.py' } } }],
          },
        ],
      }),
    );
    expect(importAll(runs, ['a.py']).book.descriptors()[0]?.cwe).toEqual([]);
  });
});

describe('messages', () => {
  it('builds messages from message strings and arguments', () => {
    const imported = importAll(fixtureRuns('message-strings.sarif'), ['app/ping.py', 'app/cli.py']);
    expect(imported.detections.map((d) => [d.message, d.severity])).toEqual([
      ["Untrusted value from request.args['host'] reaches os.system (braces: {x}).", 'critical'],
      ['Value from sys.argv used without validation.', 'critical'],
    ]);
  });

  it("falls back to the rule's short description when a result has no message text", () => {
    const runs = runsOf(
      sarifLog({
        tool: { driver: { name: 'T', rules: [{ id: 'r', shortDescription: { text: 'Short' } }] } },
        results: [
          {
            ruleId: 'r',
            message: { id: 'missing' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'a.py' } } }],
          },
        ],
      }),
    );
    expect(importAll(runs, ['a.py']).detections[0]?.message).toBe('Short');
  });
});

describe('results that are not findings', () => {
  it('counts accepted suppressions, absent baseline states and passes, and keeps the rest', () => {
    const imported = importAll(fixtureRuns('suppressed.sarif'), ['a.js']);
    expect(imported.detections.map((d) => d.message)).toEqual([
      'suppression under review',
      'suppression rejected',
      'plain result',
    ]);
    expect(imported.setAside).toMatchObject({ suppressed: 2, absent: 1, notProblems: 1, outside: 0 });
  });

  it('counts results outside the repository, including encoded traversal and other hosts', () => {
    const imported = importAll(fixtureRuns('outside.sarif'), ['Dockerfile']);
    expect(summary(imported.detections)).toEqual([['trivy/DS002', 'Dockerfile', 1, 'medium']]);
    expect(imported.setAside.outside).toBe(4);
  });

  it('counts results in files discovery left out, and names the rules of results with no location', () => {
    const runs = runsOf(
      sarifLog({
        results: [
          {
            ruleId: 'r1',
            message: { text: 'm' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'dist/x.js' } } }],
          },
          { ruleId: 'r2', message: { text: 'no location' } },
          {
            ruleId: 'r2',
            message: { text: 'the root itself' },
            locations: [{ physicalLocation: { artifactLocation: { uri: '.' } } }],
          },
          {
            ruleId: 'r3',
            message: { text: 'no such artifact' },
            locations: [{ physicalLocation: { artifactLocation: { index: 5 } } }],
          },
        ],
      }),
    );
    const imported = importAll(runs, ['src/a.py']);
    expect(imported.detections).toEqual([]);
    expect(imported.setAside.excluded).toBe(1);
    expect([...imported.setAside.unlocated]).toEqual([
      ['tool/r2', 2],
      ['tool/r3', 1],
    ]);
  });
});

describe('rule severity', () => {
  it('is raised to the most severe result of an unscored rule, but stays as scored by the tool', () => {
    const location = [{ physicalLocation: { artifactLocation: { uri: 'a.py' }, region: { startLine: 1 } } }];
    const runs = runsOf(
      sarifLog({
        tool: {
          driver: {
            name: 'T',
            rules: [{ id: 'plain' }, { id: 'scored', properties: { 'security-severity': '3.1' } }],
          },
        },
        results: [
          { ruleId: 'plain', level: 'note', message: { text: 'm' }, locations: location },
          { ruleId: 'plain', level: 'error', message: { text: 'm' }, locations: location },
          {
            ruleId: 'scored',
            message: { text: 'm' },
            properties: { 'security-severity': '9.8' },
            locations: location,
          },
        ],
      }),
    );
    const imported = importAll(runs, ['a.py']);
    expect(imported.book.descriptors().map((r) => [r.id, r.severity, r.securitySeverity])).toEqual([
      ['t/plain', 'high', 8],
      ['t/scored', 'low', 3.1],
    ]);
    expect(summary(imported.detections)).toEqual([
      ['t/plain', 'a.py', 1, 'low'],
      ['t/plain', 'a.py', 1, 'high'],
      ['t/scored', 'a.py', 1, 'critical'],
    ]);
  });
});
