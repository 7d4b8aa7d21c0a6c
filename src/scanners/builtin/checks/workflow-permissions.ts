import type { Document, LineCounter } from 'yaml';
import meta from '../../../../data/checks/workflow-permissions.json' with { type: 'json' };
import type { Detection, Region, RuleDescriptor } from '../../../findings/finding.js';
import { defineCheck, scalarRegion, SKIP, type CheckFile, type CheckResult } from '../check.js';
import { isWorkflow, jobsOf, parseWorkflowFile, type Job } from '../workflow-model.js';
import { entryOf, stringScalar } from '../yaml-nodes.js';

const MAX_NAMED_JOBS = 5;

interface Context {
  readonly file: CheckFile;
  readonly lines: LineCounter;
  readonly rule: RuleDescriptor;
}

function detection(
  context: Context,
  region: Region | undefined,
  message: string,
  evidence: string,
): Detection {
  return {
    ruleId: context.rule.id,
    message,
    location: { path: context.file.path, ...(region === undefined ? {} : { region }) },
    evidence,
  };
}

function writeAll(node: unknown, document: Document.Parsed, context: Context): Region | undefined {
  const scalar = stringScalar(entryOf(node, 'permissions', document)?.value);
  if (scalar?.value.trim().toLowerCase() !== 'write-all') return undefined;
  return scalarRegion(scalar, context.lines) ?? { startLine: 1 };
}

function writeAllDetections(document: Document.Parsed, jobs: readonly Job[], context: Context): Detection[] {
  const advice = 'Grant only the scopes the workflow needs, e.g. `permissions: { contents: read }`.';
  const top = writeAll(document.contents, document, context);
  const found = top
    ? [
        detection(
          context,
          top,
          `\`permissions: write-all\` gives every job's GITHUB_TOKEN write access to the repository's ` +
            `contents, packages, releases, issues and more. ${advice}`,
          'permissions: write-all',
        ),
      ]
    : [];
  for (const job of jobs) {
    const region = writeAll(job.node, document, context);
    if (region === undefined) continue;
    const message =
      `Job \`${job.id}\` sets \`permissions: write-all\`, giving its GITHUB_TOKEN write access to the ` +
      `repository's contents, packages, releases, issues and more. ${advice}`;
    found.push(detection(context, region, message, 'permissions: write-all'));
  }
  return found;
}

function named(jobs: readonly Job[]): string {
  const shown = jobs.slice(0, MAX_NAMED_JOBS).map((job) => `\`${job.id}\``);
  const more = jobs.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** Reported once per workflow, on the `on:` key: the top-level block is the one place that fixes every job. */
function defaultsDetection(document: Document.Parsed, jobs: readonly Job[], context: Context): Detection[] {
  if (entryOf(document.contents, 'permissions', document) !== undefined) return [];
  const unset = jobs.filter((job) => entryOf(job.node, 'permissions', document) === undefined);
  if (unset.length === 0) return [];
  const on = entryOf(document.contents, 'on', document)?.keyNode;
  const region = (on && scalarRegion(on, context.lines)) ?? { startLine: 1 };
  const which =
    unset.length === jobs.length
      ? 'nor does any job'
      : `nor ${unset.length === 1 ? 'does job' : 'do jobs'} ${named(unset)}`;
  return [
    detection(
      context,
      region,
      `Default token permissions: this workflow sets no top-level \`permissions:\`, ${which}, so their ` +
        "GITHUB_TOKEN gets the repository's default permissions, which can be read and write for everything. " +
        'Add `permissions: { contents: read }` (or `{}`) at the top and widen it only on the jobs that need more.',
      `no permissions: for ${named(unset)}`,
    ),
  ];
}

function run(file: CheckFile, rule: RuleDescriptor): CheckResult {
  const parsed = parseWorkflowFile(file);
  if (parsed === undefined) return SKIP;
  const context = { file, lines: parsed.lines, rule };
  const detections = parsed.documents.flatMap((document) => {
    const jobs = jobsOf(document);
    if (jobs.length === 0) return [];
    return [...writeAllDetections(document, jobs, context), ...defaultsDetection(document, jobs, context)];
  });
  detections.sort((a, b) => (a.location.region?.startLine ?? 0) - (b.location.region?.startLine ?? 0));
  return detections.length === 0 ? SKIP : { detections, notes: [] };
}

export const workflowPermissions = defineCheck({ meta, appliesTo: isWorkflow, run });
