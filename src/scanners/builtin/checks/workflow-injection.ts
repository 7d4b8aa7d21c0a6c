import type { Document, LineCounter, Scalar } from 'yaml';
import meta from '../../../../data/checks/workflow-injection.json' with { type: 'json' };
import type { Detection, RuleDescriptor } from '../../../findings/finding.js';
import { defineCheck, SKIP, type CheckFile, type CheckResult } from '../check.js';
import { describeStep, isWorkflowOrAction, parseWorkflowFile, stepsOf, stepUses } from '../workflow-model.js';
import { stringScalar, valueOf } from '../yaml-nodes.js';
import { expressionsIn, untrustedValues, type Expression } from '../workflow-expressions.js';

const MAX_EVIDENCE = 200;

/** A script GitHub expands `${{ }}` expressions into before running it. */
interface Sink {
  readonly scalar: Scalar<string>;
  readonly kind: 'run' | 'script';
  readonly step: string;
}

function sinksOf(path: string, document: Document.Parsed): Sink[] {
  return stepsOf(path, document).flatMap((step) => {
    const where = describeStep(step, document);
    const run = stringScalar(valueOf(step.node, 'run', document));
    const script = stepUses(step, 'actions/github-script', document)
      ? stringScalar(valueOf(valueOf(step.node, 'with', document), 'script', document))
      : undefined;
    return [
      ...(run ? [{ scalar: run, kind: 'run' as const, step: where }] : []),
      ...(script ? [{ scalar: script, kind: 'script' as const, step: where }] : []),
    ];
  });
}

function messageFor(sink: Sink, expression: Expression, values: readonly string[]): string {
  const shown = expression.text.length > 80 ? `${expression.text.slice(0, 79)}…` : expression.text;
  const what = `\`${shown}\` puts text that outside contributors control (${values.join(', ')})`;
  return sink.kind === 'run'
    ? `Script injection: ${what} into the \`run:\` script of ${sink.step}; GitHub pastes it in before the ` +
        'shell runs, so it can inject commands. Pass it through `env:` and use the quoted variable instead.'
    : `Code injection: ${what} into the \`script:\` of actions/github-script in ${sink.step}, where it runs ` +
        'as JavaScript. Pass it through `env:` and read `process.env` instead.';
}

function detectionsFor(
  sink: Sink,
  context: { file: CheckFile; lines: LineCounter; rule: RuleDescriptor },
): Detection[] {
  return expressionsIn(context.file.text, sink.scalar).flatMap((expression) => {
    const values = untrustedValues(expression.text);
    if (values.length === 0) return [];
    const start = context.lines.linePos(expression.start);
    const end = context.lines.linePos(expression.end);
    const evidence = expression.text.slice(0, MAX_EVIDENCE);
    return [
      {
        ruleId: context.rule.id,
        message: messageFor(sink, expression, values),
        location: {
          path: context.file.path,
          region: { startLine: start.line, startColumn: start.col, endLine: end.line, endColumn: end.col },
        },
        evidence: expression.text.length > MAX_EVIDENCE ? `${evidence}…` : evidence,
      },
    ];
  });
}

function run(file: CheckFile, rule: RuleDescriptor): CheckResult {
  const parsed = parseWorkflowFile(file);
  if (parsed === undefined) return SKIP;
  // An anchored script reused through aliases is one place to fix: report it once, where it is written.
  const sinks = new Map<Scalar, Sink>();
  for (const document of parsed.documents) {
    for (const sink of sinksOf(file.path, document))
      if (!sinks.has(sink.scalar)) sinks.set(sink.scalar, sink);
  }
  const detections = [...sinks.values()]
    .sort((a, b) => (a.scalar.range?.[0] ?? 0) - (b.scalar.range?.[0] ?? 0))
    .flatMap((sink) => detectionsFor(sink, { file, lines: parsed.lines, rule }));
  return detections.length === 0 ? SKIP : { detections, notes: [] };
}

export const workflowInjection = defineCheck({ meta, appliesTo: isWorkflowOrAction, run });
