import { describe, expect, it } from '@jest/globals';
import { NodeHttpClient } from '../../../../src/core/node-http-client.js';
import { fakeRegistryPerTest } from './fake-registry.js';
import { daysAgo, memoryRepo, summary } from './helpers.js';

const http = new NodeHttpClient();
const { serve, checkFor } = fakeRegistryPerTest();

const OLD = { kind: 'exists', created: daysAgo(4000) } as const;

const packageJson = (deps: Record<string, string>, extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({ name: 'app', version: '1.0.0', ...extra, dependencies: deps }, null, 2)}\n`;

describe('dependency-hallucination against a registry', () => {
  it('reports missing, new and typosquatted packages at their declarations, and nothing for fine ones', async () => {
    const server = await serve({
      'npm:left-pad': OLD,
      'npm:lodahs': OLD,
      'npm:fresh-thing': { kind: 'exists', created: daysAgo(3) },
      'pypi:flask-login-helper': OLD,
      'pypi:reqeusts': OLD,
      'pypi:brand-new-lib': { kind: 'exists', created: daysAgo(10) },
    });
    const repo = memoryRepo(
      {
        'package.json': packageJson({
          'left-pad': '^1.3.0',
          'express-jwt-auth-helper': '^2.0.0',
          lodahs: '4.17.21',
          'fresh-thing': '1.0.0',
          express: '^4.19.0',
        }),
        'requirements.txt':
          'flask-login-helper==1.0\nreqeusts>=2\nbrand-new-lib\nhuggingface-cli-tools==0.1\n',
      },
      http,
    );

    const result = await checkFor(server).run(repo);

    expect(summary(result)).toEqual([
      'hallucination package.json:6',
      'hallucination requirements.txt:4',
      'new-package package.json:8',
      'new-package requirements.txt:3',
      'typosquat package.json:7',
      'typosquat requirements.txt:2',
    ]);
    expect(result.notes).toEqual([]);
    const byRule = (id: string) => result.detections.filter((d) => d.ruleId === `builtin/dependency-${id}`);
    expect(byRule('hallucination')[0]?.message).toMatch(
      /^`express-jwt-auth-helper` does not exist on npm .*possible hallucinated dependency — slopsquatting risk/,
    );
    expect(byRule('hallucination')[0]?.location.region).toEqual({
      startLine: 6,
      startColumn: 6,
      endLine: 6,
      endColumn: 29,
    });
    expect(byRule('new-package')[0]?.message).toContain('(3 days ago, less than 30 days)');
    expect(byRule('typosquat').map((d) => d.message)).toEqual([
      expect.stringContaining(
        '`lodahs` looks like a typosquat of the popular package `lodash` (two adjacent',
      ),
      expect.stringContaining('`reqeusts` looks like a typosquat of the popular package `requests`'),
    ]);
    // Popular names are known to exist and be old: never fetched.
    expect(server.requests.has('/npm/express')).toBe(false);
  });

  it('suggests the popular name when a missing package is also close to one, as one finding', async () => {
    const server = await serve({});
    const repo = memoryRepo({ 'package.json': packageJson({ expresss: '1.0.0' }) }, http);

    const result = await checkFor(server).run(repo);

    expect(summary(result)).toEqual(['hallucination package.json:5']);
    expect(result.detections[0]?.message).toContain('Did you mean `express`?');
  });

  it('treats a package whose versions were all unpublished as missing', async () => {
    const server = await serve({ 'npm:gone-pkg': { kind: 'unpublished' } });
    const result = await checkFor(server).run(
      memoryRepo({ 'package.json': packageJson({ 'gone-pkg': '1' }) }, http),
    );
    expect(result.detections[0]?.message).toContain('all of its versions were unpublished');
  });

  it('never calls a 5xx or a timeout a hallucination: one note per registry says what was skipped', async () => {
    const server = await serve({
      'npm:flaky-one': { kind: 'status', status: 503 },
      'npm:slow-one': { kind: 'never-answers' },
      'npm:fine-one': OLD,
      'npm:lodahs': OLD,
    });
    const repo = memoryRepo(
      { 'package.json': packageJson({ 'flaky-one': '1', 'slow-one': '1', 'fine-one': '1', lodahs: '1' }) },
      http,
    );

    const result = await checkFor(server, { timeoutMs: 300 }).run(repo);

    expect(summary(result)).toEqual(['typosquat package.json:8']);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]?.message).toMatch(
      /could not be reached for 2 of 4 package\(s\) \(HTTP 503; timed out\)/,
    );
    expect(result.notes[0]?.message).toContain(
      'checks for missing (possibly hallucinated) and newly published',
    );
  });

  it('asks once per package and ecosystem however many manifests declare it', async () => {
    const server = await serve({ 'npm:shared-lib': OLD, 'pypi:some-lib': OLD, 'npm:@corp/thing': OLD });
    const repo = memoryRepo(
      {
        'package.json': packageJson(
          { 'shared-lib': '1', '@corp/thing': '1' },
          { workspaces: ['packages/*'] },
        ),
        'packages/a/package.json': packageJson({ 'shared-lib': '^1', '@corp/thing': '2' }, { name: 'a' }),
        'packages/b/package.json': packageJson({ 'shared-lib': '~1', a: '*' }, { name: 'b' }),
        'requirements.txt': 'Some_Lib==1.0\n',
        'requirements-dev.txt': 'some-lib\nsome.lib>=1\n',
        'pyproject.toml': '[project]\nname = "x"\ndependencies = ["SOME-LIB"]\n',
      },
      http,
    );

    const result = await checkFor(server).run(repo);

    expect(result.detections).toEqual([]);
    expect(Object.fromEntries(server.requests)).toEqual({
      '/npm/shared-lib': 1,
      '/npm/@corp%2fthing': 1,
      '/pypi/some-lib/json': 1,
    });
  });

  it('looks scoped packages up on the registry .npmrc maps their scope to', async () => {
    const server = await serve({ 'corp:@corp/thing': OLD });
    const repo = memoryRepo(
      {
        '.npmrc': `@corp:registry=${server.url}/corp/\n//npm.example.com/:_authToken=\${NPM_TOKEN}\n`,
        'package.json': packageJson({ '@corp/thing': '1', '@corp/missing': '1' }),
      },
      http,
    );

    const result = await checkFor(server).run(repo);

    expect(summary(result)).toEqual(['hallucination package.json:6']);
    expect([...server.requests.keys()].sort()).toEqual(['/corp/@corp%2fmissing', '/corp/@corp%2fthing']);
  });

  it('checks 500 dependencies with at most `concurrency` requests in flight, each exactly once', async () => {
    const names = Array.from(
      { length: 500 },
      (_, index) => `generated-dep-${String(index).padStart(4, '0')}`,
    );
    const server = await serve(Object.fromEntries(names.map((name) => [`npm:${name}`, OLD])), 5);
    const deps = Object.fromEntries(names.map((name) => [name, '1.0.0']));
    const repo = memoryRepo(
      { 'package.json': packageJson(deps), 'web/package.json': packageJson(deps) },
      http,
    );

    const result = await checkFor(server, { concurrency: 6 }).run(repo);

    expect(result.detections).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(server.requests.size).toBe(500);
    expect([...server.requests.values()].every((count) => count === 1)).toBe(true);
    expect(server.maxInFlight).toBeLessThanOrEqual(6);
    expect(server.maxInFlight).toBeGreaterThan(1);
  });
});
