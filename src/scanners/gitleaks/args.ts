/** Gitleaks exits with this code when it found leaks, so that 1 keeps meaning "gitleaks failed". */
export const LEAKS_EXIT_CODE = 99;

export interface GitleaksArgsInput {
  readonly reportPath: string;
  readonly configPath: string;
  /** An empty directory: no repository .gitleaksignore applies (exceptions are Vouch suppressions). */
  readonly ignoreDir: string;
  readonly maxFileBytes: number;
  /**
   * With a commit: the commits after it up to HEAD (`gitleaks git`, the patches of a pull request),
   * else the files of the working directory (`gitleaks dir`).
   */
  readonly commitsAfter?: string;
}

/** Runs in the repository root so reported paths are repository-relative. */
export function gitleaksArgs(input: GitleaksArgsInput): string[] {
  const source =
    input.commitsAfter === undefined
      ? ['dir', '.']
      : ['git', '.', '--log-opts', `--no-merges ${input.commitsAfter}..HEAD`];
  return [
    ...source,
    '--report-format',
    'json',
    '--report-path',
    input.reportPath,
    '--redact',
    '--no-banner',
    '--no-color',
    '--log-level',
    'error',
    '--exit-code',
    String(LEAKS_EXIT_CODE),
    '--config',
    input.configPath,
    '--gitleaks-ignore-path',
    input.ignoreDir,
    // Inline `gitleaks:allow` comments are ungoverned suppressions a change could add to itself.
    '--ignore-gitleaks-allow',
    '--max-target-megabytes',
    String(Math.max(1, Math.ceil(input.maxFileBytes / (1024 * 1024)))),
  ];
}
