import { afterEach } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createDependencyHallucinationCheck,
  type DependencyCheckOptions,
} from '../../../../src/scanners/builtin/checks/dependency-hallucination.js';
import type { RepositoryCheck } from '../../../../src/scanners/builtin/repository-check.js';

/** How the fake registry answers for one package. */
export type FakePackage =
  | { readonly kind: 'exists'; readonly created: string }
  | { readonly kind: 'unpublished' }
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'never-answers' }
  | { readonly kind: 'raw'; readonly body: string };

/** A real npm packument's shape (https://github.com/npm/registry/blob/main/docs/REGISTRY-API.md). */
export function packument(name: string, created: string): unknown {
  const version = '1.0.0';
  return {
    _id: name,
    _rev: '3-0123456789abcdef',
    name,
    description: `${name} for tests`,
    'dist-tags': { latest: version },
    versions: {
      [version]: {
        name,
        version,
        main: 'index.js',
        dist: {
          tarball: `https://registry.npmjs.org/${name}/-/${name.split('/').pop() ?? name}-${version}.tgz`,
          shasum: '0123456789abcdef0123456789abcdef01234567',
          integrity: 'sha512-AAAA',
        },
      },
    },
    time: { created, modified: created, [version]: created },
    maintainers: [{ name: 'someone', email: 'someone@example.com' }],
    license: 'MIT',
  };
}

/** A real PyPI JSON API answer's shape (https://docs.pypi.org/api/json/). */
export function pypiProject(name: string, created: string): unknown {
  const file = (version: string, uploaded: string) => ({
    filename: `${name}-${version}-py3-none-any.whl`,
    packagetype: 'bdist_wheel',
    python_version: 'py3',
    size: 1234,
    upload_time: uploaded.replace(/\.\d+Z$|Z$/, ''),
    upload_time_iso_8601: uploaded,
    url: `https://files.pythonhosted.org/packages/${name}-${version}-py3-none-any.whl`,
    yanked: false,
    digests: { sha256: '00'.repeat(32) },
  });
  const later = new Date(Date.parse(created) + 86_400_000).toISOString();
  return {
    info: { name, version: '1.1.0', summary: `${name} for tests`, author: 'someone', license: 'MIT' },
    last_serial: 42,
    releases: { '1.0.0': [file('1.0.0', created)], '1.1.0': [file('1.1.0', later)], '0.0.1': [] },
    urls: [file('1.1.0', later)],
    vulnerabilities: [],
  };
}

/** The `time` of a packument whose versions were all unpublished. */
const UNPUBLISHED_TIME = {
  created: '2020-01-01T00:00:00.000Z',
  unpublished: { time: '2020-02-01T00:00:00.000Z', versions: ['1.0.0'] },
};

/**
 * An npm and PyPI registry on 127.0.0.1 that counts requests per path and the most requests it ever had
 * in flight at once. npm packages are served under /npm/ (and any other first segment, for scoped
 * registries), PyPI projects under /pypi/<name>/json. Unknown packages are 404.
 */
export class FakeRegistry {
  readonly requests = new Map<string, number>();
  maxInFlight = 0;
  private inFlight = 0;
  private server: Server | undefined;
  private base = '';

  constructor(
    private readonly packages: ReadonlyMap<string, FakePackage>,
    private readonly delayMs = 0,
  ) {}

  /** `/npm/left-pad`, `/corp/@corp%2fthing`, `/pypi/requests/json` → the package's key in `packages`. */
  static keyOf(path: string): string {
    const pypi = /^\/pypi\/([^/]+)\/json$/.exec(path);
    if (pypi?.[1] !== undefined) return `pypi:${decodeURIComponent(pypi[1])}`;
    const [, registry = '', ...rest] = path.split('/');
    return `${registry}:${decodeURIComponent(rest.join('/'))}`;
  }

  get url(): string {
    return this.base;
  }

  get total(): number {
    return [...this.requests.values()].reduce((sum, count) => sum + count, 0);
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => {
      this.server?.listen(0, '127.0.0.1', resolve);
    });
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => {
      if (this.server === undefined) resolve();
      else
        this.server.close(() => {
          resolve();
        });
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url ?? '/';
    this.requests.set(path, (this.requests.get(path) ?? 0) + 1);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const key = FakeRegistry.keyOf(path);
    const found = this.packages.get(key);
    if (found?.kind === 'never-answers') return;
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.inFlight -= 1;
    this.answer(response, key, found);
  }

  private answer(response: ServerResponse, key: string, found: FakePackage | undefined): void {
    const name = key.slice(key.indexOf(':') + 1);
    const [status, body] = FakeRegistry.reply(key, name, found);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  private static reply(key: string, name: string, found: FakePackage | undefined): [number, unknown] {
    if (found === undefined) return [404, { error: 'Not found' }];
    switch (found.kind) {
      case 'status':
        return [found.status, { error: 'Service Unavailable' }];
      case 'raw':
        return [200, found.body];
      case 'unpublished':
        return [200, { _id: name, name, time: UNPUBLISHED_TIME }];
      case 'exists':
        return [
          200,
          key.startsWith('pypi:') ? pypiProject(name, found.created) : packument(name, found.created),
        ];
      case 'never-answers':
        return [500, 'unreachable'];
    }
  }
}

/**
 * A fake registry per test, stopped after each: `serve` starts it with the given packages, `checkFor` builds
 * the dependency check pointed at it with a short timeout.
 */
export function fakeRegistryPerTest(): {
  serve: (packages: Record<string, FakePackage>, delayMs?: number) => Promise<FakeRegistry>;
  checkFor: (server: FakeRegistry, options?: DependencyCheckOptions) => RepositoryCheck;
} {
  let registry: FakeRegistry | undefined;
  afterEach(async () => {
    await registry?.stop();
    registry = undefined;
  });
  return {
    serve: async (packages, delayMs = 0) => {
      registry = new FakeRegistry(new Map(Object.entries(packages)), delayMs);
      await registry.start();
      return registry;
    },
    checkFor: (server, options = {}) =>
      createDependencyHallucinationCheck({
        npmRegistry: `${server.url}/npm`,
        pypiUrl: server.url,
        timeoutMs: 2_000,
        ...options,
      }),
  };
}
