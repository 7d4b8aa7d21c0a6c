import type { Document, LineCounter, Scalar } from 'yaml';
import meta from '../../../../data/checks/workflow-pr-target-checkout.json' with { type: 'json' };
import type { Detection, RuleDescriptor } from '../../../findings/finding.js';
import { defineCheck, scalarRegion, SKIP, type CheckFile, type CheckResult } from '../check.js';
import { dataPatterns, dataStrings } from '../check-data.js';
import {
  describeStep,
  isWorkflow,
  parseWorkflowFile,
  stepsOf,
  stepUses,
  triggersOf,
} from '../workflow-model.js';
import { stringScalar, valueOf } from '../yaml-nodes.js';

const PRIVILEGED = dataStrings(meta, 'privileged-triggers');
const HEAD_REFERENCES = dataPatterns(meta, 'head-references', 'i');

interface HeadCheckout {
  readonly input: 'ref' | 'repository';
  readonly scalar: Scalar<string>;
  readonly step: string;
  readonly triggers: readonly string[];
}

/** actions/checkout steps whose `ref:` or `repository:` selects the pull request's code. */
function headCheckouts(path: string, document: Document.Parsed): HeadCheckout[] {
  const all = triggersOf(document);
  const triggers = PRIVILEGED.filter((trigger) => all.has(trigger));
  if (triggers.length === 0) return [];
  return stepsOf(path, document).flatMap((step) => {
    if (!stepUses(step, 'actions/checkout', document)) return [];
    const inputs = valueOf(step.node, 'with', document);
    return (['ref', 'repository'] as const).flatMap((input) => {
      const scalar = stringScalar(valueOf(inputs, input, document));
      if (scalar === undefined || !HEAD_REFERENCES.some((pattern) => pattern.test(scalar.value))) return [];
      return [{ input, scalar, step: describeStep(step, document), triggers }];
    });
  });
}

function detectionFor(
  checkout: HeadCheckout,
  context: { file: CheckFile; lines: LineCounter; rule: RuleDescriptor },
): Detection {
  const region = scalarRegion(checkout.scalar, context.lines);
  const written = checkout.scalar.value.trim().slice(0, 200);
  const events = checkout.triggers.map((trigger) => `\`${trigger}\``).join(' and ');
  return {
    ruleId: context.rule.id,
    message:
      `Pull request code checked out in a privileged workflow: this workflow runs on ${events}, with the ` +
      `base repository's secrets and write token, and ${checkout.step} checks out the pull request's code ` +
      `(\`${checkout.input}: ${written}\`). Anything that then builds, installs or runs that code runs the ` +
      'contributor’s code with those privileges. Build pull requests in a `pull_request` workflow instead.',
    location: { path: context.file.path, ...(region === undefined ? {} : { region }) },
    evidence: `${checkout.input}: ${written}`,
  };
}

function run(file: CheckFile, rule: RuleDescriptor): CheckResult {
  const parsed = parseWorkflowFile(file);
  if (parsed === undefined) return SKIP;
  const seen = new Map<Scalar, HeadCheckout>();
  for (const document of parsed.documents) {
    for (const checkout of headCheckouts(file.path, document)) {
      if (!seen.has(checkout.scalar)) seen.set(checkout.scalar, checkout);
    }
  }
  const detections = [...seen.values()].map((checkout) =>
    detectionFor(checkout, { file, lines: parsed.lines, rule }),
  );
  return detections.length === 0 ? SKIP : { detections, notes: [] };
}

export const workflowPrTargetCheckout = defineCheck({ meta, appliesTo: isWorkflow, run });
