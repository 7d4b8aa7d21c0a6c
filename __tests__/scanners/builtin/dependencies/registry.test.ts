import { describe, expect, it } from '@jest/globals';
import type { HttpResult } from '../../../../src/core/ports.js';
import { lookUpAll, mapConcurrent } from '../../../../src/scanners/builtin/dependencies/lookup.js';
import {
  npmPackageUrl,
  pypiProjectUrl,
  readNpmAnswer,
  readPypiAnswer,
} from '../../../../src/scanners/builtin/dependencies/registry.js';
import { packument, pypiProject } from './fake-registry.js';

const ok = (body: unknown): HttpResult => ({ kind: 'response', status: 200, body: JSON.stringify(body) });

describe('registry URLs', () => {
  it('encodes a scope the way npm does', () => {
    expect(npmPackageUrl('https://registry.npmjs.org', '@types/node')).toBe(
      'https://registry.npmjs.org/@types%2fnode',
    );
    expect(npmPackageUrl('https://r.example.com/npm/', 'left-pad')).toBe(
      'https://r.example.com/npm/left-pad',
    );
  });

  it('asks PyPI for the normalized project', () => {
    expect(pypiProjectUrl('https://pypi.org/', 'python-dateutil')).toBe(
      'https://pypi.org/pypi/python-dateutil/json',
    );
  });
});

describe('reading answers', () => {
  it('takes time.created of a packument', () => {
    expect(readNpmAnswer(ok(packument('x', '2020-05-01T10:00:00.000Z')))).toEqual({
      kind: 'found',
      created: new Date('2020-05-01T10:00:00.000Z'),
    });
  });

  it('takes the earliest upload of any release of a PyPI project', () => {
    expect(readPypiAnswer(ok(pypiProject('x', '2019-01-02T03:04:05.000000Z')))).toEqual({
      kind: 'found',
      created: new Date('2019-01-02T03:04:05.000Z'),
    });
  });

  it.each([
    [{ kind: 'response', status: 404, body: '{}' }, { kind: 'missing' }],
    [{ kind: 'response', status: 410, body: '' }, { kind: 'missing' }],
    [
      { kind: 'response', status: 503, body: '' },
      { kind: 'unavailable', reason: 'HTTP 503' },
    ],
    [
      { kind: 'response', status: 401, body: '' },
      { kind: 'unavailable', reason: 'HTTP 401' },
    ],
    [
      { kind: 'response', status: 429, body: '' },
      { kind: 'unavailable', reason: 'HTTP 429' },
    ],
    [{ kind: 'timeout' }, { kind: 'unavailable', reason: 'timed out' }],
    [
      { kind: 'network-error', message: 'ECONNREFUSED' },
      { kind: 'unavailable', reason: 'ECONNREFUSED' },
    ],
  ] as const)('%j → %j', (result, answer) => {
    expect(readNpmAnswer(result)).toEqual(answer);
    expect(readPypiAnswer(result)).toEqual(answer);
  });

  it.each([
    ['releases of the wrong type', { releases: 'many', urls: 7 }],
    ['files that are not objects', { releases: { '1': [null, 3, 'x'] } }],
    ['upload times that are not dates', { releases: { '1': [{ upload_time_iso_8601: 'never' }] } }],
  ])('survives a PyPI answer with %s', (_label, body) => {
    expect(readPypiAnswer(ok(body))).toEqual({ kind: 'found' });
  });
});

describe('lookUpAll', () => {
  it('keeps at most `limit` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapConcurrent([...Array(20).keys()], 3, async (item) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight -= 1;
      return item * 2;
    });
    expect(results).toEqual([...Array(20).keys()].map((item) => item * 2));
    expect(most).toBe(3);
  });

  it('survives an HTTP client that throws although it promised not to', async () => {
    const answers = await lookUpAll(
      [{ key: 'k', url: 'http://x/y', registry: 'http://x', read: readNpmAnswer }],
      { http: { get: () => Promise.reject(new Error('boom')) }, concurrency: 2, timeoutMs: 10 },
    );
    expect(answers.get('k')).toEqual({ kind: 'unavailable', reason: 'boom' });
  });

  it('asks once per key', async () => {
    const urls: string[] = [];
    const http = {
      get: (request: { url: string }) => {
        urls.push(request.url);
        return Promise.resolve(ok(packument('a', '2020-01-01T00:00:00Z')));
      },
    };
    const request = { key: 'same', url: 'http://x/a', registry: 'http://x', read: readNpmAnswer };
    await lookUpAll([request, request, { ...request, key: 'other' }], {
      http,
      concurrency: 4,
      timeoutMs: 10,
    });
    expect(urls).toHaveLength(2);
  });
});
