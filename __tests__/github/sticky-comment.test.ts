import { describe, expect, it } from '@jest/globals';
import { octokitClient } from '../../src/action/github-client.js';
import { COMMENT_MARKER, upsertStickyComment } from '../../src/github/sticky-comment.js';
import { FAST_RETRIES, useGitHubServer } from '../helpers/github-server.js';

const { server, url } = useGitHubServer();

describe('upsertStickyComment against the REST endpoints', () => {
  it('creates one comment, then updates it in place on the next run', async () => {
    const client = octokitClient('t0ken', url(), FAST_RETRIES);
    const target = { owner: 'o', repo: 'r', number: 1 };
    server.seed(1, ['LGTM', 'please rebase']);
    const first = await upsertStickyComment(client, target, 'Vouch: FAIL');
    const second = await upsertStickyComment(client, target, 'Vouch: PASS');
    expect(first.kind).toBe('created');
    expect(second).toEqual({ kind: 'updated', id: first.kind === 'created' ? first.id : -1 });
    const ours = (server.comments.get(1) ?? []).filter((c) => c.body.includes(COMMENT_MARKER));
    expect(ours.map((c) => c.body)).toEqual([`${COMMENT_MARKER}\nVouch: PASS`]);
    expect(server.requests.every((r) => r.authorization === 'token t0ken')).toBe(true);
  });

  it('finds its comment on a later page of a long conversation', async () => {
    const client = octokitClient('t0ken', url(), FAST_RETRIES);
    const target = { owner: 'o', repo: 'r', number: 2 };
    server.seed(
      2,
      Array.from({ length: 150 }, (_, i) => `comment ${i}`),
    );
    server.seed(2, [`${COMMENT_MARKER}\nold verdict`]);
    const outcome = await upsertStickyComment(client, target, 'new verdict');
    expect(outcome.kind).toBe('updated');
    expect(server.comments.get(2)?.length).toBe(151);
    expect(server.comments.get(2)?.at(-1)?.body).toBe(`${COMMENT_MARKER}\nnew verdict`);
  });

  it.each([403, 404])(
    'answers %i (a read-only fork token) with what to enable, never throwing',
    async (status) => {
      server.failWrites = status;
      try {
        const outcome = await upsertStickyComment(
          octokitClient('t0ken', url(), FAST_RETRIES),
          { owner: 'o', repo: 'r', number: 3 },
          'x',
        );
        expect(outcome).toMatchObject({ kind: 'unavailable', status });
        expect(outcome.kind === 'unavailable' && outcome.reason).toMatch(/pull-requests: write/);
      } finally {
        server.failWrites = undefined;
      }
    },
  );

  it('reports other failures (422, 5xx, no server) as unavailable with the cause', async () => {
    server.failWrites = 500;
    try {
      const outcome = await upsertStickyComment(
        octokitClient('t0ken', url(), FAST_RETRIES),
        { owner: 'o', repo: 'r', number: 4 },
        'x',
      );
      expect(outcome).toMatchObject({ kind: 'unavailable' });
      expect(outcome.kind === 'unavailable' && outcome.reason).toMatch(
        /could not comment on pull request #4/,
      );
    } finally {
      server.failWrites = undefined;
    }
    const offline = await upsertStickyComment(
      octokitClient('t0ken', 'http://127.0.0.1:9', FAST_RETRIES),
      { owner: 'o', repo: 'r', number: 5 },
      'x',
    );
    expect(offline.kind).toBe('unavailable');
  });
});
