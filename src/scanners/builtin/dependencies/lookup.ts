import { describeError } from '../../../core/errors.js';
import type { HttpClient, HttpResult } from '../../../core/ports.js';
import type { RegistryAnswer } from './registry.js';

/** One package to ask one registry about. */
export interface LookupRequest {
  /** Identity for deduplication: ecosystem, registry and normalized name. */
  readonly key: string;
  readonly url: string;
  /** The registry's base URL, for grouping failures. */
  readonly registry: string;
  readonly read: (result: HttpResult) => RegistryAnswer;
}

export interface LookupOptions {
  readonly http: HttpClient;
  readonly concurrency: number;
  readonly timeoutMs: number;
}

/**
 * After this many failures in a row, a registry is taken to be unreachable and the remaining packages
 * are not sent to it: with hundreds of dependencies, waiting out every timeout would stall the gate.
 */
const FAILURES_BEFORE_GIVING_UP = 3;
const GAVE_UP = 'not asked after repeated failures';

/** Runs `work` over `items` with at most `limit` calls in flight. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

async function get(http: HttpClient, url: string, timeoutMs: number): Promise<HttpResult> {
  try {
    return await http.get({ url, timeoutMs, headers: { accept: 'application/json' } });
  } catch (thrown: unknown) {
    // The port promises never to throw; a broken implementation must still not crash the check.
    return { kind: 'network-error', message: describeError(thrown) };
  }
}

/** Asks each distinct package once, with bounded concurrency; answers keyed by `LookupRequest.key`. */
export async function lookUpAll(
  requests: readonly LookupRequest[],
  options: LookupOptions,
): Promise<Map<string, RegistryAnswer>> {
  const unique = [...new Map(requests.map((request) => [request.key, request])).values()];
  const failures = new Map<string, number>();
  const answers = await mapConcurrent(unique, options.concurrency, async (request) => {
    if ((failures.get(request.registry) ?? 0) >= FAILURES_BEFORE_GIVING_UP) {
      return { kind: 'unavailable', reason: GAVE_UP } satisfies RegistryAnswer;
    }
    const answer = request.read(await get(options.http, request.url, options.timeoutMs));
    failures.set(
      request.registry,
      answer.kind === 'unavailable' ? (failures.get(request.registry) ?? 0) + 1 : 0,
    );
    return answer;
  });
  return new Map(unique.map((request, index) => [request.key, answers[index] as RegistryAnswer]));
}
