import type { Document, LineCounter } from 'yaml';
import { parseYaml, type CheckFile } from './check.js';
import { entriesOf, itemsOf, stringOf, valueOf } from './yaml-nodes.js';

/** GitHub reads workflows only from this directory, not from its subdirectories. */
const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const ACTION_METADATA = /(?:^|\/)action\.ya?ml$/;

export const isWorkflow = (path: string): boolean => WORKFLOW.test(path);
export const isWorkflowOrAction = (path: string): boolean =>
  WORKFLOW.test(path) || ACTION_METADATA.test(path);

export interface ParsedYaml {
  readonly documents: readonly Document.Parsed[];
  readonly lines: LineCounter;
}

/**
 * Parses a workflow or action file, answering undefined when it is not valid YAML. The checks on these files
 * stay silent then: actions-unpinned reads the same files and already reports each one that does not parse,
 * and one note per file is enough.
 */
export function parseWorkflowFile(file: CheckFile): ParsedYaml | undefined {
  const parsed = parseYaml(file);
  return parsed.kind === 'parsed' ? parsed : undefined;
}

export interface Job {
  readonly id: string;
  readonly node: unknown;
}

export function jobsOf(document: Document.Parsed): Job[] {
  return entriesOf(valueOf(document.contents, 'jobs', document), document).map((entry) => ({
    id: entry.key,
    node: entry.value,
  }));
}

export interface Step {
  readonly node: unknown;
  /** The job holding the step; undefined for a composite action's steps. */
  readonly job: string | undefined;
  /** 1-based position among its siblings. */
  readonly index: number;
}

function compositeSteps(document: Document.Parsed): Step[] {
  const runs = valueOf(document.contents, 'runs', document);
  if (
    stringOf(valueOf(runs, 'using', document))
      ?.trim()
      .toLowerCase() !== 'composite'
  )
    return [];
  return itemsOf(valueOf(runs, 'steps', document), document).map((node, at) => ({
    node,
    job: undefined,
    index: at + 1,
  }));
}

/** Every step of every job of a workflow, or of a composite action (other actions have no steps). */
export function stepsOf(path: string, document: Document.Parsed): Step[] {
  if (!isWorkflow(path)) return compositeSteps(document);
  return jobsOf(document).flatMap((job) =>
    itemsOf(valueOf(job.node, 'steps', document), document).map((node, at) => ({
      node,
      job: job.id,
      index: at + 1,
    })),
  );
}

/** How a message names a step: by its `name:` when it has one, else by position. */
export function describeStep(step: Step, document: Document.Parsed): string {
  const name = stringOf(valueOf(step.node, 'name', document));
  const which = name === undefined ? `step ${step.index}` : `step "${name.slice(0, 80)}"`;
  return step.job === undefined ? which : `${which} of job \`${step.job}\``;
}

/** The events a workflow runs on: `on:` as one name, a list of names or a mapping keyed by event. */
export function triggersOf(document: Document.Parsed): Set<string> {
  const on = valueOf(document.contents, 'on', document);
  const single = stringOf(on);
  if (single !== undefined) return new Set([single.trim()]);
  const listed = itemsOf(on, document).flatMap((item) => stringOf(item) ?? []);
  const keyed = entriesOf(on, document).map((entry) => entry.key);
  return new Set([...listed, ...keyed].map((event) => event.trim()));
}

/** Whether a step runs the action `name` (any version; matching is case-insensitive, like GitHub's). */
export function stepUses(step: Step, name: string, document: Document.Parsed): boolean {
  const uses = stringOf(valueOf(step.node, 'uses', document))
    ?.trim()
    .toLowerCase();
  return uses !== undefined && (uses === name || uses.startsWith(`${name}@`));
}
