import { posix } from 'node:path';

const TERRAFORM = /\.(?:tf|tf\.json|tfvars|tfvars\.json)$/i;
const STRUCTURED = /\.(?:ya?ml|json|template)$/i;
const DOCKERFILE = /(?:^|\/)(?:[^/]*\.)?dockerfile(?:\.[^/]*)?$|(?:^|\/)Dockerfile[^/]*$/i;

/** Files one of Checkov's frameworks (args.ts CHECKOV_FRAMEWORKS) can read as infrastructure code. */
export function isCheckovCandidate(path: string): boolean {
  return TERRAFORM.test(path) || STRUCTURED.test(path) || DOCKERFILE.test(path);
}

/**
 * What Checkov must read to judge a pull request's changes: each changed file it can read, and for a
 * changed Terraform file every Terraform file of its module (directory), without which variables and
 * locals do not resolve (a `public-read` ACL set through a variable defined in vars.tf is only seen with
 * vars.tf). Sorted, repository-relative.
 */
export function checkovTargets(changed: readonly string[], files: readonly string[]): string[] {
  const targets = new Set(changed.filter(isCheckovCandidate));
  const modules = new Set(
    [...targets].filter((path) => TERRAFORM.test(path)).map((path) => posix.dirname(path)),
  );
  for (const path of files) {
    if (TERRAFORM.test(path) && modules.has(posix.dirname(path))) targets.add(path);
  }
  return [...targets].sort();
}
