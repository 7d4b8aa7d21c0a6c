import { posix } from 'node:path';

/** Checkov exits with 1 when a check failed, 0 when none did, 2 when it crashed (FACTS.md). */
export const FAILED_CHECKS_EXIT_CODE = 1;

/** The name Checkov 3.3.30 gives its JSON report inside `--output-file-path` (runner_registry.py). */
export const REPORT_FILE_NAME = 'results_json.json';

/**
 * Frameworks that parse files without calling anything else. Not included: `helm` and `kustomize`, which
 * run `helm template --dependency-update` / `kustomize build` and so download whatever charts or bases the
 * scanned repository names, and only when those binaries happen to be installed (valid-YAML templates are
 * still read by `kubernetes`); `sca_*`, `sast*` and `*_configuration`, which need the platform's API.
 * `secrets` stays on so Checkov's secret findings can be merged with Gitleaks' at the same lines.
 */
export const CHECKOV_FRAMEWORKS = [
  'terraform',
  'cloudformation',
  'kubernetes',
  'dockerfile',
  'github_actions',
  'secrets',
] as const;

export interface CheckovArgsInput {
  /** Absolute path of the repository root. */
  readonly root: string;
  /** Where Checkov writes REPORT_FILE_NAME. */
  readonly outputDir: string;
  /** On a pull request: only these repository-relative files (targets.ts); absent: the whole tree. */
  readonly files?: readonly string[];
}

/**
 * Checkov reads `.checkov.yaml` from the directory named after a separate `-d`/`--directory` argument, from
 * its working directory and from $HOME (config_utils.get_default_config_paths). A repository's own file
 * could turn on `soft-fail`, skip checks or load `external-checks-dir` Python from the repository, so the
 * directory is passed as one `--directory=<root>` argument, the process runs outside the repository and
 * HOME is an empty directory (checkovEnv). `--quiet` is not passed: it drops skipped checks and parsing
 * errors from the JSON. `--compact` leaves out code blocks, which for secrets hold the masked line.
 */
export function checkovArgs(input: CheckovArgsInput): string[] {
  const targets =
    input.files === undefined
      ? [`--directory=${input.root}`]
      : input.files.map((path) => `--file=${posix.join(input.root, path)}`);
  return [
    ...targets,
    '--output',
    'json',
    '--output-file-path',
    input.outputDir,
    '--framework',
    CHECKOV_FRAMEWORKS.join(','),
    '--skip-download',
    '--skip-results-upload',
    '--compact',
  ];
}

export interface CheckovEnvInput {
  /** An empty directory: no ~/.checkov.yaml and no ~/.bridgecrew/credentials API key is read. */
  readonly home: string;
  readonly maxFileBytes: number;
}

/** Added to the runner's minimal environment (no BC_API_KEY or CKV_* settings are inherited). */
export function checkovEnv(input: CheckovEnvInput): Record<string, string> {
  const limit = String(Math.max(1, Math.floor(input.maxFileBytes)));
  return {
    HOME: input.home,
    CKV_SKIP_PACKAGE_UPDATE_CHECK: 'true',
    // Discovery's size limit, so Checkov neither reads larger files nor skips smaller ones it kept.
    CHECKOV_MAX_IAC_FILE_SIZE: limit,
    CHECKOV_MAX_FILE_SIZE: limit,
  };
}
