import type { Document, LineCounter, Scalar } from 'yaml';
import meta from '../../../../data/checks/agent-workflow-untrusted-prompt.json' with { type: 'json' };
import type { Detection, Region, RuleDescriptor } from '../../../findings/finding.js';
import type { Severity } from '../../../findings/severity.js';
import {
  defineCheck,
  detectionOf,
  offsetRegion,
  scalarRegion,
  SKIP,
  type CheckFile,
  type CheckResult,
} from '../check.js';
import { dataPatterns, dataStrings } from '../check-data.js';
import { expressionsIn, untrustedValues } from '../workflow-expressions.js';
import {
  describeStep,
  isWorkflow,
  jobsOf,
  parseWorkflowFile,
  stepsOf,
  stepUses,
  triggersOf,
  type Step,
} from '../workflow-model.js';
import { entriesOf, stringOf, stringScalar, valueOf } from '../yaml-nodes.js';

const AGENT_ACTIONS = dataStrings(meta, 'agent-actions');
const AGENT_CLIS = dataPatterns(meta, 'agent-cli-patterns', 'm');
const OUTSIDER_TRIGGERS = dataStrings(meta, 'outsider-triggers');
const ALLOW_LISTS = new Set(dataStrings(meta, 'allow-list-inputs'));
const TOKEN_INPUTS = new Set(dataStrings(meta, 'token-inputs'));
const UNSAFE_SETTINGS = dataPatterns(meta, 'unsafe-settings', 'i');
const UNSAFE_INPUTS = new Map(
  dataStrings(meta, 'unsafe-inputs').map((pair) => pair.split('=', 2) as [string, string]),
);

interface Context {
  readonly file: CheckFile;
  readonly lines: LineCounter;
  readonly rule: RuleDescriptor;
  readonly document: Document.Parsed;
  /** The outsider-fired events this workflow runs on, as `a` and `b`; empty when none. */
  readonly outsiders: readonly string[];
}

interface AgentStep {
  readonly step: Step;
  readonly name: string;
  /** `claude-code-action`, or `a \`codex exec\` command`. */
  readonly agent: string;
  /** The scalars the agent reads: its inputs, its environment and, for a CLI step, its script. */
  readonly inputs: readonly { readonly key: string; readonly scalar: Scalar<string> }[];
}

function agentOf(step: Step, document: Document.Parsed): string | undefined {
  const action = AGENT_ACTIONS.find((name) => stepUses(step, name, document));
  if (action) return action;
  const run = stringOf(valueOf(step.node, 'run', document));
  const cli = run === undefined ? undefined : AGENT_CLIS.map((pattern) => pattern.exec(run)).find(Boolean);
  return cli ? `an agent CLI (\`${cli[0].trim().slice(0, 60)}\`)` : undefined;
}

function scalarsOf(node: unknown, document: Document.Parsed): { key: string; scalar: Scalar<string> }[] {
  return entriesOf(node, document).flatMap((entry) => {
    const scalar = stringScalar(entry.value);
    return scalar ? [{ key: entry.key, scalar }] : [];
  });
}

function agentSteps(path: string, document: Document.Parsed): AgentStep[] {
  return stepsOf(path, document).flatMap((step) => {
    const agent = agentOf(step, document);
    if (agent === undefined) return [];
    const run = stringScalar(valueOf(step.node, 'run', document));
    const inputs = [
      ...scalarsOf(valueOf(step.node, 'with', document), document),
      ...scalarsOf(valueOf(step.node, 'env', document), document),
      ...(run ? [{ key: 'run', scalar: run }] : []),
    ];
    return [{ step, name: describeStep(step, document), agent, inputs }];
  });
}

function detection(
  context: Context,
  region: Region | undefined,
  message: string,
  evidence: string,
  severity?: Severity,
): Detection {
  return detectionOf(context.rule, context.file.path, {
    ...(region ? { region } : {}),
    message,
    evidence,
    ...(severity ? { severity } : {}),
  });
}

const on = (context: Context) => context.outsiders.map((event) => `\`${event}\``).join(' and ');

/** Event text outsiders write, pasted into what the agent reads. */
function untrustedPrompts(agent: AgentStep, context: Context): Detection[] {
  return agent.inputs.flatMap(({ key, scalar }) =>
    expressionsIn(context.file.text, scalar).flatMap((expression) => {
      const values = untrustedValues(expression.text);
      if (values.length === 0) return [];
      const region = offsetRegion(context.lines, expression.start, expression.end);
      return [
        detection(
          context,
          region,
          `Prompt injection: \`${key}\` of ${agent.name} gives ${agent.agent} text that whoever fires ${on(context)} writes ` +
            `(${values.join(', ')}), so that text can instruct the agent, with the job's token and secrets at hand. ` +
            'Keep the prompt constant and let the agent read the issue or pull request through a read-only tool.',
          expression.text,
        ),
      ];
    }),
  );
}

function permissionsNode(agent: AgentStep, document: Document.Parsed): unknown {
  const job = jobsOf(document).find((candidate) => candidate.id === agent.step.job);
  const own = job ? valueOf(job.node, 'permissions', document) : undefined;
  return own ?? valueOf(document.contents, 'permissions', document);
}

/** A token that can push: `write-all`, `contents: write`, or a personal access token handed to the agent. */
function writeTokens(agent: AgentStep, context: Context): Detection[] {
  const { document, lines } = context;
  const found: Detection[] = [];
  const permissions = permissionsNode(agent, document);
  const all = stringScalar(permissions);
  const contents = stringScalar(valueOf(permissions, 'contents', document));
  const writing =
    all?.value.trim() === 'write-all' ? all : contents?.value.trim() === 'write' ? contents : undefined;
  if (writing) {
    found.push(
      detection(
        context,
        scalarRegion(writing, lines),
        `The token of the job running ${agent.agent} (${agent.name}) can write the repository's contents ` +
          `(\`${writing === all ? 'write-all' : 'contents: write'}\`) on ${on(context)}: one injected instruction ` +
          'can push code. Give the job `contents: read` and only the write scopes it needs to comment.',
        writing === all ? 'permissions: write-all' : 'contents: write',
      ),
    );
  }
  for (const { key, scalar } of agent.inputs) {
    if (!TOKEN_INPUTS.has(key)) continue;
    const secret = /\$\{\{\s*secrets\.([\w-]+)\s*\}\}/i.exec(scalar.value)?.[1];
    if (secret === undefined || secret.toUpperCase() === 'GITHUB_TOKEN') continue;
    found.push(
      detection(
        context,
        scalarRegion(scalar, lines),
        `${agent.name} hands ${agent.agent} the secret \`${secret}\` as its GitHub token on ${on(context)}: a ` +
          "personal access token reaches beyond this job's permissions, and an injected instruction gets all of it. " +
          "Use the job's own token with narrow `permissions:`.",
        `${key}: secrets.${secret}`,
      ),
    );
  }
  return found;
}

function allowsEveryone(agent: AgentStep, context: Context): Detection[] {
  return agent.inputs.flatMap(({ key, scalar }) => {
    if (!ALLOW_LISTS.has(key)) return [];
    if (!scalar.value.split(/[\s,]+/).includes('*')) return [];
    return [
      detection(
        context,
        scalarRegion(scalar, context.lines),
        `\`${key}: "*"\` lets anyone drive ${agent.agent} (${agent.name}): every user or bot that can write an ` +
          'issue or comment becomes someone the agent takes instructions from. List the accounts by name.',
        `${key}: ${scalar.value.trim()}`,
        context.outsiders.length > 0 ? undefined : 'medium',
      ),
    ];
  });
}

/** Approval prompts or the sandbox switched off: whatever the agent is told to run, it runs. */
function unsafeModes(agent: AgentStep, context: Context): Detection[] {
  return agent.inputs.flatMap(({ key, scalar }) => {
    const pinned = UNSAFE_INPUTS.get(key);
    const setting =
      pinned !== undefined && scalar.value.trim() === pinned
        ? `${key}: ${pinned}`
        : UNSAFE_SETTINGS.map((pattern) => pattern.exec(scalar.value)?.[0]).find(Boolean);
    if (setting === undefined) return [];
    const where = context.outsiders.length > 0 ? ` on ${on(context)}` : '';
    return [
      detection(
        context,
        scalarRegion(scalar, context.lines),
        `${agent.name} runs ${agent.agent} with its safeguards off (\`${setting}\`)${where}: it runs whatever ` +
          'commands it is led to, with no approval and no sandbox. Keep the sandbox and approvals on and allow only ' +
          'the tools the task needs.',
        setting,
        context.outsiders.length > 0 ? undefined : 'medium',
      ),
    ];
  });
}

function run(file: CheckFile, rule: RuleDescriptor): CheckResult {
  const parsed = parseWorkflowFile(file);
  if (parsed === undefined) return SKIP;
  const detections: Detection[] = [];
  for (const document of parsed.documents) {
    const triggers = triggersOf(document);
    const outsiders = OUTSIDER_TRIGGERS.filter((event) => triggers.has(event));
    const context: Context = { file, lines: parsed.lines, rule, document, outsiders };
    for (const agent of agentSteps(file.path, document)) {
      if (outsiders.length > 0)
        detections.push(...untrustedPrompts(agent, context), ...writeTokens(agent, context));
      detections.push(...allowsEveryone(agent, context), ...unsafeModes(agent, context));
    }
  }
  const unique = new Map(
    detections.map((d) => [
      `${d.location.region?.startLine}:${d.location.region?.startColumn}:${d.message}`,
      d,
    ]),
  );
  return unique.size === 0 ? SKIP : { detections: [...unique.values()], notes: [] };
}

export const agentWorkflowUntrustedPrompt = defineCheck({ meta, appliesTo: isWorkflow, run });
