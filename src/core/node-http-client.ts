import type { HttpClient, HttpRequest, HttpResult } from './ports.js';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** fetch with a hard timeout and a body size cap; never throws. */
export class NodeHttpClient implements HttpClient {
  async get(request: HttpRequest): Promise<HttpResult> {
    try {
      const response = await fetch(request.url, {
        headers: { 'user-agent': 'vouch', ...request.headers },
        signal: AbortSignal.timeout(request.timeoutMs),
        redirect: 'follow',
      });
      const length = Number(response.headers.get('content-length') ?? '0');
      if (length > MAX_BODY_BYTES) {
        await response.body?.cancel();
        return {
          kind: 'network-error',
          message: `response of ${length} bytes is larger than ${MAX_BODY_BYTES}`,
        };
      }
      return { kind: 'response', status: response.status, body: await response.text() };
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout' };
      return { kind: 'network-error', message: error instanceof Error ? error.message : String(error) };
    }
  }
}
