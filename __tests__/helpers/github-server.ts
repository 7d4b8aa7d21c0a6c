import { afterAll, beforeAll } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface StoredComment {
  id: number;
  body: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
}

/**
 * A local stand-in for the GitHub REST endpoints Vouch calls, speaking their shapes: issue comments
 * listed with `per_page`/`page` and a `Link` header, created with 201, updated with 200, and any status
 * forced for writes (403 for a read-only fork token, 404 for a repository the token cannot see).
 */
export class GitHubServer {
  readonly comments = new Map<number, StoredComment[]>();
  /** Pull requests by number, as GET …/pulls/{n} answers them. */
  readonly pulls = new Map<number, { headSha: string; state: string }>();
  readonly requests: RecordedRequest[] = [];
  /** Answer every POST/PATCH with this status instead (403, 404, 422, 500). */
  failWrites?: number;
  /** Answer the next `count` requests of any method with `status` (a flaky server: 502, 503). */
  failNext?: { status: number; count: number };
  /** SARIF uploads as received: the decoded log, commit and ref. */
  readonly uploads: {
    id: string;
    sarif: { runs: { tool: { driver: { name: string } }; automationDetails?: { id?: string } }[] };
    commitSha: string;
    ref: string;
  }[] = [];
  /** How many status polls answer `pending` before processing ends. */
  pendingPolls = 1;
  /** Refuse uploads whose gzipped SARIF exceeds this many bytes with 413 (a server with lower limits). */
  maxSarifBytes?: number;
  /** Processing errors to fail every upload with, as GitHub lists them. */
  rejectWith?: string[];
  private readonly polls = new Map<string, number>();
  /** Check runs as created and updated: every annotation received, in order. */
  readonly checkRuns: {
    id: number;
    name: string;
    headSha: string;
    conclusion: string;
    annotations: { path: string; start_line: number; annotation_level: string }[];
    requests: number;
  }[] = [];
  private nextId = 1000;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server?.close(() => {
        resolve();
      }),
    );
  }

  seed(number: number, bodies: readonly string[]): void {
    const list = this.comments.get(number) ?? [];
    for (const body of bodies) list.push({ id: this.nextId++, body });
    this.comments.set(number, list);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      authorization: req.headers.authorization,
    });
    const answer = this.answer(req.method ?? '', url, await readBody(req), req.headers.host ?? '127.0.0.1');
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    res.end(JSON.stringify(answer.json));
  }

  private answer(method: string, url: URL, body: string, host: string): Answer {
    const list = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/);
    const single = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/);
    if (this.failNext && this.failNext.count > 0) {
      this.failNext.count -= 1;
      return { status: this.failNext.status, json: { message: 'Server Error' } };
    }
    if (method !== 'GET' && this.failWrites !== undefined) {
      return { status: this.failWrites, json: { message: 'Resource not accessible by integration' } };
    }
    if (list && method === 'GET') return this.page(url, Number(list[1]), host);
    const pull = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/);
    const known = pull && method === 'GET' ? this.pulls.get(Number(pull[1])) : undefined;
    if (pull && method === 'GET')
      return known
        ? { status: 200, json: { number: Number(pull[1]), state: known.state, head: { sha: known.headSha } } }
        : { status: 404, json: { message: 'Not Found' } };
    const sarifs = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/code-scanning\/sarifs(?:\/([\w-]+))?$/);
    if (sarifs && method === 'POST') return this.receive(body, host);
    if (sarifs?.[1] && method === 'GET') return this.status(sarifs[1]);
    const checks = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/check-runs(?:\/(\d+))?$/);
    if (checks && method === 'POST' && !checks[1]) return this.createCheck(body);
    if (checks?.[1] && method === 'PATCH') return this.updateCheck(Number(checks[1]), body);
    if (list && method === 'POST') {
      const comment = { id: this.nextId++, body: bodyText(body) };
      this.comments.set(Number(list[1]), [...(this.comments.get(Number(list[1])) ?? []), comment]);
      return { status: 201, json: comment };
    }
    if (single && method === 'PATCH') {
      const found = [...this.comments.values()].flat().find((c) => c.id === Number(single[1]));
      if (!found) return { status: 404, json: { message: 'Not Found' } };
      found.body = bodyText(body);
      return { status: 200, json: found };
    }
    return { status: 404, json: { message: 'Not Found' } };
  }

  private receive(body: string, host: string): Answer {
    const request = JSON.parse(body) as { commit_sha?: unknown; ref?: unknown; sarif?: unknown };
    if (
      typeof request.commit_sha !== 'string' ||
      !/^[0-9a-f]{40}$/.test(request.commit_sha) ||
      typeof request.ref !== 'string' ||
      typeof request.sarif !== 'string'
    ) {
      return { status: 422, json: { message: 'Invalid request: commit_sha, ref and sarif are required' } };
    }
    const gzipped = Buffer.from(request.sarif, 'base64');
    if (this.maxSarifBytes !== undefined && gzipped.length > this.maxSarifBytes)
      return { status: 413, json: { message: 'Payload Too Large' } };
    const id = `upload-${this.uploads.length + 1}`;
    const sarif = JSON.parse(
      gunzipSync(gzipped).toString('utf8'),
    ) as GitHubServer['uploads'][number]['sarif'];
    this.uploads.push({ id, sarif, commitSha: request.commit_sha, ref: request.ref });
    return { status: 202, json: { id, url: `http://${host}/repos/o/r/code-scanning/sarifs/${id}` } };
  }

  private createCheck(body: string): Answer {
    const request = JSON.parse(body) as {
      name?: string;
      head_sha?: string;
      conclusion?: string;
      output?: { annotations?: unknown[] };
    };
    const annotations = (request.output?.annotations ??
      []) as GitHubServer['checkRuns'][number]['annotations'];
    if (annotations.length > 50)
      return { status: 422, json: { message: 'Only 50 annotations are allowed per request' } };
    const run = {
      id: this.nextId++,
      name: request.name ?? '',
      headSha: request.head_sha ?? '',
      conclusion: request.conclusion ?? '',
      annotations,
      requests: 1,
    };
    this.checkRuns.push(run);
    return { status: 201, json: { id: run.id } };
  }

  private updateCheck(id: number, body: string): Answer {
    const run = this.checkRuns.find((r) => r.id === id);
    if (!run) return { status: 404, json: { message: 'Not Found' } };
    const annotations = ((JSON.parse(body) as { output?: { annotations?: unknown[] } }).output?.annotations ??
      []) as typeof run.annotations;
    if (annotations.length > 50)
      return { status: 422, json: { message: 'Only 50 annotations are allowed per request' } };
    run.annotations.push(...annotations);
    run.requests += 1;
    return { status: 200, json: { id } };
  }

  private status(id: string): Answer {
    const upload = this.uploads.find((u) => u.id === id);
    if (!upload) return { status: 404, json: { message: 'Not Found' } };
    const seen = this.polls.get(id) ?? 0;
    this.polls.set(id, seen + 1);
    if (seen < this.pendingPolls) return { status: 200, json: { processing_status: 'pending' } };
    // Since July 2025: two runs of one tool with one category in an upload are refused.
    const keys = upload.sarif.runs.map(
      (run) => `${run.tool.driver.name}\0${run.automationDetails?.id ?? ''}`,
    );
    const errors =
      this.rejectWith ?? (new Set(keys).size < keys.length ? ['runs with duplicate categories'] : undefined);
    return errors
      ? { status: 200, json: { processing_status: 'failed', errors } }
      : { status: 200, json: { processing_status: 'complete', analyses_url: null } };
  }

  private page(url: URL, number: number, host: string): Answer {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const all = this.comments.get(number) ?? [];
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const headers: Record<string, string> = {};
    if (page < last) {
      const next = new URL(`${url.pathname}${url.search}`, `http://${host}`);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
    return { status: 200, json: all.slice((page - 1) * perPage, page * perPage), headers };
  }
}

interface Answer {
  readonly status: number;
  readonly json: unknown;
  readonly headers?: Record<string, string>;
}

function bodyText(body: string): string {
  const parsed = (JSON.parse(body) as { body?: unknown }).body;
  return typeof parsed === 'string' ? parsed : '';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    req.on('end', () => {
      resolve(text);
    });
  });
}

/** Retries after a millisecond instead of a second, so a flaky-server test stays fast. */
export const FAST_RETRIES = { retryAfterBaseValueMs: 1 };

/** One server for a test file: started before its tests, stopped after them. `url()` once started. */
export function useGitHubServer(): { readonly server: GitHubServer; readonly url: () => string } {
  const server = new GitHubServer();
  let url = '';
  beforeAll(async () => {
    url = await server.start();
  });
  afterAll(() => server.stop());
  return { server, url: () => url };
}
