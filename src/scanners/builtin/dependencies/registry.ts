import type { HttpResult } from '../../../core/ports.js';

/** What a registry said about one package. */
export type RegistryAnswer =
  | { readonly kind: 'found'; readonly created?: Date }
  /** 404: the name is free for anyone to register. */
  | { readonly kind: 'missing'; readonly detail?: string }
  /** Nothing can be concluded: timeout, network error, 5xx, 401/403/429, or a body that is not a package document. */
  | { readonly kind: 'unavailable'; readonly reason: string };

type Json = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time) : undefined;
}

/** The registry's HTTP answer, with a 200 body read by `document`; hostile bodies become `unavailable`. */
function interpret(result: HttpResult, document: (body: Json) => RegistryAnswer): RegistryAnswer {
  if (result.kind === 'timeout') return { kind: 'unavailable', reason: 'timed out' };
  if (result.kind === 'network-error') return { kind: 'unavailable', reason: result.message };
  if (result.status === 404 || result.status === 410) return { kind: 'missing' };
  if (result.status !== 200) return { kind: 'unavailable', reason: `HTTP ${result.status}` };
  const body = parseJson(result.body);
  return isRecord(body) ? document(body) : { kind: 'unavailable', reason: 'the answer is not a JSON object' };
}

/**
 * `GET <registry>/<name>`, with a scope's slash encoded as npm itself sends it
 * (https://github.com/npm/registry/blob/main/docs/REGISTRY-API.md#getpackage).
 */
export function npmPackageUrl(registry: string, name: string): string {
  const base = registry.replace(/\/+$/, '');
  const path = name.startsWith('@')
    ? name
        .split('/')
        .map((part) => encodeURIComponent(part))
        .join('%2f')
    : encodeURIComponent(name);
  return `${base}/${path.replace(/^%40/, '@')}`;
}

/** A packument: `time.created` is when the name was first published; `time.unpublished` means it is gone. */
export function readNpmAnswer(result: HttpResult): RegistryAnswer {
  return interpret(result, (packument) => {
    const time = isRecord(packument['time']) ? packument['time'] : {};
    const versions = isRecord(packument['versions']) ? Object.keys(packument['versions']) : [];
    if (time['unpublished'] !== undefined && versions.length === 0) {
      return { kind: 'missing', detail: 'all of its versions were unpublished' };
    }
    const created = dateOf(time['created']);
    return created === undefined ? { kind: 'found' } : { kind: 'found', created };
  });
}

/** `GET <pypi>/pypi/<name>/json` (https://docs.pypi.org/api/json/). */
export function pypiProjectUrl(pypi: string, normalizedName: string): string {
  return `${pypi.replace(/\/+$/, '')}/pypi/${encodeURIComponent(normalizedName)}/json`;
}

function earliestUpload(files: readonly unknown[]): Date | undefined {
  let earliest: Date | undefined;
  for (const file of files) {
    const uploaded = isRecord(file) ? dateOf(file['upload_time_iso_8601']) : undefined;
    if (uploaded !== undefined && (earliest === undefined || uploaded < earliest)) earliest = uploaded;
  }
  return earliest;
}

/** A PyPI project: its first upload is the earliest `upload_time_iso_8601` of any file of any release. */
export function readPypiAnswer(result: HttpResult): RegistryAnswer {
  return interpret(result, (project) => {
    const releases = isRecord(project['releases']) ? Object.values(project['releases']) : [];
    const files = releases.flatMap((release) => (Array.isArray(release) ? (release as unknown[]) : []));
    if (Array.isArray(project['urls'])) files.push(...(project['urls'] as unknown[]));
    const created = earliestUpload(files);
    return created === undefined ? { kind: 'found' } : { kind: 'found', created };
  });
}
