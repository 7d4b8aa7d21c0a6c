import { describe, expect, it } from '@jest/globals';
import { NodeHttpClient } from '../../../../src/core/node-http-client.js';
import { createDependencyHallucinationCheck } from '../../../../src/scanners/builtin/checks/dependency-hallucination.js';
import { fakeRegistryPerTest } from './fake-registry.js';
import { memoryRepo, summary } from './helpers.js';

const http = new NodeHttpClient();
const { serve, checkFor } = fakeRegistryPerTest();

const packageJson = (deps: Record<string, string>, extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({ name: 'app', version: '1.0.0', ...extra, dependencies: deps }, null, 2)}\n`;

describe('dependency-hallucination without a registry', () => {
  const repoFiles = {
    'package.json': packageJson({ 'not-a-real-pkg': '1', lodahs: '1' }),
    'src/index.js': "import lodash from 'lodash';\n",
  };

  it('turns an unreachable registry into one note; the offline checks still report', async () => {
    const check = createDependencyHallucinationCheck({ npmRegistry: 'http://127.0.0.1:1', timeoutMs: 2_000 });

    const result = await check.run(memoryRepo(repoFiles, http));

    expect(summary(result)).toEqual(['typosquat package.json:6', 'undeclared-import src/index.js:1']);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]?.message).toContain(
      'http://127.0.0.1:1 could not be reached for 2 of 2 package(s)',
    );
  });

  it('sends nothing when offline, and says which checks were skipped', async () => {
    const server = await serve({});
    const result = await checkFor(server, { offline: true }).run(memoryRepo(repoFiles, http));

    expect(server.total).toBe(0);
    expect(summary(result)).toEqual(['typosquat package.json:6', 'undeclared-import src/index.js:1']);
    expect(result.notes.map((note) => note.message)).toEqual([
      expect.stringMatching(/^Offline: 2 package\(s\) were not looked up/),
    ]);
  });

  it('gives up on a registry after repeated failures instead of waiting out every timeout', async () => {
    const names = Array.from({ length: 40 }, (_, index) => `stalled-${index}`);
    const server = await serve(
      Object.fromEntries(names.map((name) => [`npm:${name}`, { kind: 'never-answers' }])),
    );
    const repo = memoryRepo(
      { 'package.json': packageJson(Object.fromEntries(names.map((n) => [n, '1']))) },
      http,
    );

    const result = await checkFor(server, { timeoutMs: 200, concurrency: 2 }).run(repo);

    expect(server.total).toBeLessThan(10);
    expect(result.detections).toEqual([]);
    expect(result.notes[0]?.message).toContain('could not be reached for 40 of 40 package(s)');
  });

  it('rejects options that make no sense', () => {
    expect(() => createDependencyHallucinationCheck({ concurrency: 0 })).toThrow(/concurrency/);
    expect(() => createDependencyHallucinationCheck({ timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
    expect(() => createDependencyHallucinationCheck({ minAgeDays: -1 })).toThrow(/minAgeDays/);
  });
});

describe('hostile registry answers', () => {
  it.each([
    ['not JSON', '<html>login</html>', 'the answer is not a JSON object'],
    ['a JSON array', '[1,2,3]', 'the answer is not a JSON object'],
  ])('%s becomes a note, not a finding or a crash', async (_label, body, reason) => {
    const server = await serve({ 'npm:odd-pkg': { kind: 'raw', body } });
    const result = await checkFor(server).run(
      memoryRepo({ 'package.json': packageJson({ 'odd-pkg': '1' }) }, http),
    );
    expect(result.detections).toEqual([]);
    expect(result.notes[0]?.message).toContain(reason);
  });

  it.each([
    ['no time at all', '{"name":"odd-pkg"}'],
    ['a time that is a string', '{"name":"odd-pkg","time":"yesterday"}'],
    ['a created date that is not a date', '{"name":"odd-pkg","time":{"created":"soon"}}'],
    ['a created date that is a number', '{"name":"odd-pkg","time":{"created":12}}'],
  ])('a packument with %s is a package that exists, of unknown age', async (_label, body) => {
    const server = await serve({ 'npm:odd-pkg': { kind: 'raw', body } });
    const result = await checkFor(server).run(
      memoryRepo({ 'package.json': packageJson({ 'odd-pkg': '1' }) }, http),
    );
    expect(result.detections).toEqual([]);
    expect(result.notes).toEqual([]);
  });
});
