/** Seconds Semgrep may spend on one rule and one file; a timeout becomes a note naming the file. */
export const PER_FILE_TIMEOUT_SECONDS = 10;

/** Vouch runs its scanners side by side, so Semgrep gets two workers instead of 85% of every core. */
export const DEFAULT_JOBS = 2;

/**
 * Bytes of target paths per Semgrep run. Linux allows 2 MiB and macOS 1 MiB of arguments plus environment;
 * half a megabyte (about 10,000 typical paths, tried with 12,000 on 1.180.0) leaves room for both. Each run
 * parses the rules again, so chunks stay as large as is safe.
 */
export const MAX_TARGET_BYTES_PER_RUN = 512 * 1024;

export interface SemgrepArgsInput {
  readonly rulesDir: string;
  /** Only these rule files (one `--config` each) instead of the whole directory. */
  readonly ruleFiles?: readonly string[];
  readonly maxFileBytes: number;
  readonly jobs: number;
  /** Repository-relative paths; the run's cwd is the repository root. */
  readonly targets: readonly string[];
}

/**
 * Explicit targets make Vouch's discovery (.gitignore, policy excludes, size and binary checks) the only
 * judge of what is scanned: Semgrep 1.180.0 scans explicitly named files even when a .semgrepignore,
 * .gitignore or its size limit would skip them in a directory walk (pinned by the integration test).
 */
export function semgrepArgs(input: SemgrepArgsInput): string[] {
  return [
    'scan',
    // The OCaml CLI (osemgrep): it validates the rules in semgrep-core instead of with Python's jsonschema,
    // which took about 20 s of every run for Vouch's ruleset whatever the number of files (0.4 s for one
    // file instead of 20.6 s; the same results on the benchmark's 1,000-file repository). It writes JSON
    // only to stdout, which the adapter sends to the report file.
    '--experimental',
    ...(input.ruleFiles === undefined
      ? ['--config', input.rulesDir]
      : input.ruleFiles.flatMap((file) => ['--config', file])),
    '--json',
    '--metrics=off',
    '--disable-version-check',
    // A logged-in user's settings must not switch the engine: the same rules give the same answer everywhere.
    '--oss-only',
    // check_id is then the rule id itself instead of the rules directory's path joined with dots.
    '--no-rewrite-rule-ids',
    // `# nosemgrep` comments are suppressions a change could add to itself; Vouch's suppressions are governed.
    '--disable-nosem',
    // Discovery already applied .gitignore; this keeps Semgrep from consulting git at all.
    '--no-git-ignore',
    '--timeout',
    String(PER_FILE_TIMEOUT_SECONDS),
    // Semgrep's default of 1 MB would otherwise skip files discovery kept.
    '--max-target-bytes',
    String(input.maxFileBytes),
    '--jobs',
    String(input.jobs),
    '--quiet',
    // Targets follow `--`, so a file named like a flag (`-rf.py`) stays a file.
    '--',
    ...input.targets,
  ];
}

/** File name endings per Semgrep language key, from semgrep_interfaces/lang.json of Semgrep 1.180.0. */
const LANGUAGE_SUFFIXES: readonly (readonly [readonly string[], readonly string[]])[] = [
  [
    ['python', 'py', 'python2', 'python3'],
    ['.py', '.pyi'],
  ],
  [
    ['javascript', 'js'],
    ['.js', '.jsx', '.mjs', '.cjs'],
  ],
  [
    ['typescript', 'ts'],
    ['.ts', '.tsx'],
  ],
  [['go', 'golang'], ['.go']],
  [['java'], ['.java']],
  [
    ['kotlin', 'kt'],
    ['.kt', '.kts', '.ktm'],
  ],
  [['csharp', 'c#'], ['.cs']],
  [['ruby'], ['.rb']],
  [['php'], ['.php', '.tpl', '.phtml']],
  [['rust'], ['.rs']],
  [['scala'], ['.scala']],
  [['swift'], ['.swift']],
  [['c'], ['.c', '.h']],
  [
    ['cpp', 'c++'],
    ['.cc', '.cpp', '.cxx', '.c++', '.pcc', '.tpp', '.h', '.hh', '.hpp', '.hxx', '.inl', '.ipp'],
  ],
  [
    ['bash', 'sh'],
    ['.bash', '.sh'],
  ],
  [['yaml'], ['.yml', '.yaml']],
  [['json'], ['.json', '.ipynb']],
  [['html'], ['.htm', '.html']],
  [
    ['terraform', 'hcl', 'tf'],
    ['.tf', '.tofu', '.hcl', '.tfvars'],
  ],
  [['dockerfile', 'docker'], ['dockerfile']],
];

function suffixesOf(language: string): readonly string[] | undefined {
  return LANGUAGE_SUFFIXES.find(([keys]) => keys.includes(language))?.[1];
}

/**
 * The discovered files Semgrep could apply a rule to: a matching ending, or no extension at all (Semgrep
 * also recognises executable scripts by their `#!` line). A language not in the table (`generic`, `regex`,
 * anything new) keeps every file, as does a ruleset whose languages are unknown: a superset only costs time.
 */
export function semgrepTargets(
  files: readonly string[],
  languages: ReadonlySet<string> | undefined,
): string[] {
  if (languages === undefined) return [...files];
  const suffixes: string[] = [];
  for (const language of languages) {
    const known = suffixesOf(language);
    if (known === undefined) return [...files];
    suffixes.push(...known);
  }
  return files.filter((file) => {
    const name = (file.split('/').pop() ?? file).toLowerCase();
    return !name.slice(1).includes('.') || suffixes.some((suffix) => name.endsWith(suffix));
  });
}

/**
 * The rule files a run needs: those with a language some target is written in. Semgrep validates every
 * rule it is given before scanning, which on a small change costs more than the scan (Vouch's whole
 * ruleset on one JavaScript file: 17 s; its JavaScript rules alone: 8 s). Undefined (load the directory)
 * when every file is needed anyway, or when a target or a language gives no certainty.
 */
export function ruleFilesFor(
  files: readonly { readonly path: string; readonly languages: readonly string[] }[],
  targets: readonly string[],
): string[] | undefined {
  const names = targets.map((target) => (target.split('/').pop() ?? target).toLowerCase());
  if (names.some((name) => !name.slice(1).includes('.'))) return undefined;
  const needed = files.filter((file) =>
    file.languages.some((language) => {
      const suffixes = suffixesOf(language);
      return suffixes === undefined || names.some((name) => suffixes.some((suffix) => name.endsWith(suffix)));
    }),
  );
  return needed.length === files.length ? undefined : needed.map((file) => file.path);
}

/** Splits targets so no run's argument list passes `maxBytes` (UTF-8 bytes plus each argument's NUL). */
export function chunkTargets(
  targets: readonly string[],
  maxBytes: number = MAX_TARGET_BYTES_PER_RUN,
): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const target of targets) {
    const size = Buffer.byteLength(target) + 1;
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(target);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
