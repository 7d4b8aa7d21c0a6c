import { posix } from 'node:path';

/** Directories Checkov 3.3.30 never enters (checkov/common/util/consts.py DEFAULT_EXTERNAL_MODULES_DIR, IGNORED_DIRECTORIES). */
const IGNORED_SEGMENTS = new Set(['node_modules', '.terraform', '.serverless', '.external_modules']);

/**
 * Files for which Checkov always reports at least one result, passed or failed: any parsable Dockerfile
 * (CKV_DOCKER_2, a HEALTHCHECK, applies to every image) and any workflow (CKV2_GHA_1, the permissions
 * check). A report with no result at all while such files exist means Checkov did not look at them.
 * Terraform and Kubernetes files are not listed: a file without a checked resource type gives no result.
 */
export function filesCheckovMustReport(files: readonly string[]): string[] {
  return files.filter((path) => {
    const segments = path.split('/');
    if (segments.some((segment) => IGNORED_SEGMENTS.has(segment))) return false;
    if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return true;
    const hidden = segments.slice(0, -1).some((segment) => segment.startsWith('.'));
    return !hidden && posix.basename(path) === 'Dockerfile';
  });
}
