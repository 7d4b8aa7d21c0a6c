/** The world as core code sees it; entry points provide real implementations, tests may provide others. */

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

export interface ProcessRequest {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** Added to a minimal non-interactive environment. */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Write stdout to this file instead of returning it (a report too large to hold); `stdout` is then ''. */
  readonly stdoutFile?: string;
}

export type ProcessResult =
  | {
      readonly kind: 'exited';
      readonly exitCode: number | null;
      readonly signal: string | null;
      readonly stdout: string;
      readonly stderrTail: string;
      readonly durationMs: number;
    }
  | { readonly kind: 'timeout'; readonly stderrTail: string; readonly durationMs: number }
  | { readonly kind: 'spawn-error'; readonly errorCode: string; readonly message: string };

export interface ProcessRunner {
  run(request: ProcessRequest): Promise<ProcessResult>;
}

export interface EntryStat {
  readonly kind: 'file' | 'directory' | 'symlink' | 'other';
  readonly size: number;
}

export interface DirEntry {
  readonly name: string;
  readonly kind: EntryStat['kind'];
}

export interface FileSystem {
  readFile(path: string): Promise<Buffer>;
  /** At most `bytes` bytes from the start of the file. */
  readHead(path: string, bytes: number): Promise<Buffer>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  mkdir(path: string): Promise<void>;
  /** Does not follow symlinks. */
  lstat(path: string): Promise<EntryStat | undefined>;
  readdir(path: string): Promise<DirEntry[]>;
  makeTempDir(prefix: string): Promise<string>;
  remove(path: string): Promise<void>;
}

export interface Clock {
  now(): Date;
  /** Milliseconds from an arbitrary origin, for durations. */
  monotonicMs(): number;
}

export interface HttpRequest {
  readonly url: string;
  readonly timeoutMs: number;
  readonly headers?: Readonly<Record<string, string>>;
}

export type HttpResult =
  | { readonly kind: 'response'; readonly status: number; readonly body: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network-error'; readonly message: string };

/** GET only: Vouch reads registries and APIs, it never sends repository content anywhere. */
export interface HttpClient {
  get(request: HttpRequest): Promise<HttpResult>;
}

export interface Ports {
  readonly logger: Logger;
  readonly processes: ProcessRunner;
  readonly fs: FileSystem;
  readonly clock: Clock;
  readonly http: HttpClient;
}
