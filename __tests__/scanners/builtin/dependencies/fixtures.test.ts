import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { NodeHttpClient } from '../../../../src/core/node-http-client.js';
import type { CheckResult } from '../../../../src/scanners/builtin/check.js';
import { createDependencyHallucinationCheck } from '../../../../src/scanners/builtin/checks/dependency-hallucination.js';
import { normalizePypiName } from '../../../../src/scanners/builtin/dependencies/types.js';
import { FakeRegistry, type FakePackage } from './fake-registry.js';
import { brief, daysAgo, memoryRepo } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '../../../../__fixtures__/builtin/dependency-hallucination');
const ANNOTATION = /^\s*(?:#|\/\/|"\/\/"\s*:\s*")\s*(ruleid|ok):\s*([^"]*)/;

interface Registry {
  readonly npm: Record<string, number>;
  readonly corp: Record<string, number>;
  readonly pypi: Record<string, number>;
}

function registryPackages(): Map<string, FakePackage> {
  const registry = JSON.parse(readFileSync(join(FIXTURES, 'registry.json'), 'utf8')) as Registry;
  const entries = (prefix: string, ages: Record<string, number>, normalize = (name: string) => name) =>
    Object.entries(ages).map(
      ([name, age]) => [`${prefix}:${normalize(name)}`, { kind: 'exists', created: daysAgo(age) }] as const,
    );
  return new Map([
    ...entries('npm', registry.npm),
    ...entries('corp', registry.corp),
    ...entries('pypi', registry.pypi, normalizePypiName),
  ]);
}

function repoFiles(repo: string, url: string): Record<string, string> {
  const root = join(FIXTURES, repo);
  return Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const absolute = join(entry.parentPath, entry.name);
        const text = readFileSync(absolute, 'utf8').replaceAll('__REGISTRY__', url);
        return [relative(root, absolute).split(sep).join('/'), text];
      }),
  );
}

/** `rule path:line` for every `ruleid:` annotation, and the lines marked `ok:`. */
function annotations(files: Record<string, string>): { expected: string[]; ok: string[] } {
  const expected: string[] = [];
  const ok: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    text.split(/\r?\n/).forEach((line, index) => {
      const match = ANNOTATION.exec(line);
      if (match?.[1] === 'ruleid') expected.push(`${(match[2] ?? '').trim()} ${path}:${index + 2}`);
      if (match?.[1] === 'ok') ok.push(`${path}:${index + 2}`);
    });
  }
  return { expected: expected.sort(), ok };
}

const repos = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let registry: FakeRegistry;
const results = new Map<string, { files: Record<string, string>; result: CheckResult }>();

beforeAll(async () => {
  registry = new FakeRegistry(registryPackages());
  const url = await registry.start();
  const check = createDependencyHallucinationCheck({
    npmRegistry: `${url}/npm`,
    pypiUrl: url,
    timeoutMs: 5_000,
  });
  for (const repo of repos) {
    const files = repoFiles(repo, url);
    results.set(repo, { files, result: await check.run(memoryRepo(files, new NodeHttpClient())) });
  }
});

afterAll(async () => {
  await registry.stop();
});

describe('dependency-hallucination fixture repositories', () => {
  it('has fixtures that exercise every rule', () => {
    expect(repos.length).toBeGreaterThanOrEqual(6);
    const all = [...results.values()].flatMap(({ files }) => annotations(files).expected);
    for (const rule of ['hallucination', 'new-package', 'typosquat', 'undeclared-import']) {
      expect(all.filter((line) => line.startsWith(`${rule} `)).length).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(repos)('%s: exactly the annotated lines are reported, for the annotated rule', (repo) => {
    const { files, result } = results.get(repo) ?? { files: {}, result: { detections: [], notes: [] } };
    const { expected, ok } = annotations(files);
    const reported = result.detections.map(brief).sort();
    expect(reported).toEqual(expected);
    const reportedLines = reported.map((line) => line.slice(line.indexOf(' ') + 1));
    expect(ok.filter((line) => reportedLines.includes(line))).toEqual([]);
  });

  it('node-monorepo: one request per package, popular and local names never requested', () => {
    expect(Object.fromEntries(registry.requests)).toMatchObject({
      '/npm/left-pad': 1,
      '/corp/@corp%2flogger': 1,
    });
    const asked = [...registry.requests.keys()];
    for (const name of [
      'express',
      'jest',
      'react',
      'web',
      'local-tool',
      'forked-thing',
      'corp-auth',
      'uv-shared',
    ]) {
      expect(asked.filter((path) => path.endsWith(`/${name}`) || path.includes(`/${name}/`))).toEqual([]);
    }
  });

  it('broken-manifests: notes each manifest that could not be read, and reports nothing', () => {
    const { result } = results.get('broken-manifests') ?? { result: { detections: [], notes: [] } };
    expect(result.notes.map((note) => note.message)).toEqual([
      'package.json was not checked: it is not a JSON object',
      'requirements.txt:1: `-r missing-file.txt` was not followed: it is not a file in the repository',
      expect.stringMatching(/^pyproject\.toml was not checked: it is not valid TOML \(line 1, column \d+\)$/),
    ]);
  });

  it('messages name the package and what to do', () => {
    const detections = [...results.values()].flatMap(({ result }) => result.detections);
    const message = (needle: string) => detections.find((d) => d.message.includes(needle))?.message;
    expect(message('@corp/not-published')).toMatch(
      /does not exist on its scope's registry \(http:\/\/127\.0\.0\.1:\d+\/corp\/ answered 404\): possible hallucinated dependency\. Nothing/,
    );
    expect(message('express-jwt-auth-helper')).toMatch(
      /does not exist on npm .* answered 404\): .*slopsquatting risk/,
    );
    expect(message('`chalk`')).toContain('no package.json in scope (package.json) declares it');
    expect(message('`cv2`')).toContain('(and in 1 other file)');
    expect(message('`cv2`')).toContain('provided by `opencv-python` or `opencv-python-headless`');
    expect(message('`dayjs`')).toContain(
      'no package.json in scope (packages/web/package.json, package.json)',
    );
    expect(message('`pandsa`')).toContain(
      'typosquat of the popular package `pandas` (two adjacent characters are swapped)',
    );
  });
});
