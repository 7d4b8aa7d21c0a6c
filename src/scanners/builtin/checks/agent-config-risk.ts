import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { LineCounter } from 'yaml';
import meta from '../../../../data/checks/agent-config-risk.json' with { type: 'json' };
import type { Detection, RuleDescriptor } from '../../../findings/finding.js';
import type { Severity } from '../../../findings/severity.js';
import { secretKind } from '../../gitleaks/placeholder.js';
import { defineCheck, detectionOf, offsetRegion, SKIP, type CheckFile, type CheckResult } from '../check.js';
import { dataPatterns, dataString, dataStrings } from '../check-data.js';
import { shellPipes } from '../shell-pipes.js';
import { lineCounterOf } from '../yaml-nodes.js';

const MCP_FILES = dataPatterns(meta, 'mcp-files');
const SETTINGS_FILES = dataPatterns(meta, 'settings-files');
const SCRIPT_FILES = dataPatterns(meta, 'script-files');
const LAUNCHERS = dataStrings(meta, 'launchers').map((launcher) => launcher.split(' '));
const SECRET_NAME = new RegExp(dataString(meta, 'secret-names'), 'i');
const SECRET_REFERENCES = dataPatterns(meta, 'secret-references');
const SHELL_COMMANDS = new Set(dataStrings(meta, 'shell-commands'));
const ALLOW_EVERYTHING = new Set(dataStrings(meta, 'allow-everything'));
const remoteExecutions = shellPipes({
  downloaders: dataStrings(meta, 'downloaders'),
  shells: dataStrings(meta, 'shells'),
  substitutions: dataPatterns(meta, 'substitution-patterns', 'g'),
});
const EXACT_NPM = /^(?:@[\w.-]+\/)?[\w.-]+@\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/;
const EXACT_PYTHON = /^[\w.-]+(?:\[[\w,.-]+\])?(?:==|@)\d[\w.!+-]*$/;
const LOCAL_HOSTS = /^http:\/\/(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])(?::\d+)?(?:\/|$)/i;

const isMcp = (path: string) => MCP_FILES.some((pattern) => pattern.test(path));
const isSettings = (path: string) => SETTINGS_FILES.some((pattern) => pattern.test(path));
const isScript = (path: string) => SCRIPT_FILES.some((pattern) => pattern.test(path));

interface Context {
  readonly file: CheckFile;
  readonly lines: LineCounter;
  readonly rule: RuleDescriptor;
}

function detection(
  context: Context,
  node: { offset: number; length: number },
  message: string,
  evidence: string,
  severity?: Severity,
): Detection {
  const region = offsetRegion(context.lines, node.offset, node.offset + node.length);
  return detectionOf(context.rule, context.file.path, {
    region,
    message,
    evidence,
    ...(severity ? { severity } : {}),
  });
}

const text = (node: Node | undefined): string | undefined =>
  node?.type === 'string' ? (node.value as string) : undefined;
const child = (node: Node | undefined, key: string): Node | undefined =>
  node ? findNodeAtLocation(node, [key]) : undefined;
const members = (node: Node | undefined): [string, Node][] =>
  node?.type === 'object'
    ? (node.children ?? []).flatMap((property) => {
        const [key, value] = property.children ?? [];
        return typeof key?.value === 'string' && value ? [[key.value, value] as [string, Node]] : [];
      })
    : [];
const items = (node: Node | undefined): Node[] => (node?.type === 'array' ? (node.children ?? []) : []);

/** The package (or image) a launcher fetches: the first argument after it that is not an option. */
function fetched(command: string, args: readonly Node[]): { launcher: string; target: Node } | undefined {
  const words = [command.split('/').pop() ?? command, ...args.map((arg) => text(arg) ?? '')];
  const launcher = LAUNCHERS.find((parts) => parts.every((part, at) => words[at] === part));
  if (!launcher) return undefined;
  const rest = args.slice(launcher.length - 1);
  for (const [at, node] of rest.entries()) {
    const value = text(node) ?? '';
    // `--package x` / `-p x` / `--from x` name the package themselves.
    if (/^(?:-p|--package|--from)$/.test(value))
      return { launcher: launcher.join(' '), target: rest[at + 1] ?? node };
    if (value.startsWith('-')) continue;
    // Container options that take a value (`-e KEY`, `-v a:b`): the value is not the image.
    const previous = text(rest[at - 1]) ?? '';
    if (
      launcher[0] !== 'npx' &&
      /^-(?:e|v|p|w|u|-env|-volume|-name|-network|-user|-workdir|-mount)$/.test(previous)
    )
      continue;
    return { launcher: launcher.join(' '), target: node };
  }
  return undefined;
}

function pinned(launcher: string, target: string): boolean {
  if (launcher.endsWith(' run') && (launcher.startsWith('docker') || launcher.startsWith('podman')))
    return /@sha256:[0-9a-f]{64}$/.test(target);
  if (launcher === 'uvx' || launcher === 'pipx run') return EXACT_PYTHON.test(target);
  return EXACT_NPM.test(target);
}

function serverRisks(name: string, server: Node, context: Context): Detection[] {
  const found: Detection[] = [];
  const commandNode = child(server, 'command');
  const command = text(commandNode);
  const args = items(child(server, 'args'));
  if (command !== undefined && commandNode) {
    const launch = fetched(command, args);
    const target = launch && text(launch.target);
    if (launch && target !== undefined && !pinned(launch.launcher, target)) {
      found.push(
        detection(
          context,
          launch.target,
          `MCP server \`${name}\` is fetched unpinned: \`${launch.launcher} ${target}\` runs whatever the registry serves ` +
            'each time the agent starts it, with the developer’s credentials. Pin an exact version (or an image digest).',
          `${launch.launcher} ${target}`,
          'medium',
        ),
      );
    }
    const program = command.split('/').pop() ?? command;
    const dashC = args.find((arg) => /^(?:-c|\/c|-Command)$/i.test(text(arg) ?? ''));
    if (SHELL_COMMANDS.has(program) && dashC) {
      found.push(
        detection(
          context,
          commandNode,
          `MCP server \`${name}\` is a shell command line (\`${program} ${text(dashC)} …\`), run on every start: launch the program itself with its arguments.`,
          `${program} ${text(dashC) ?? ''}`,
          'medium',
        ),
      );
    }
    for (const part of [commandNode, ...args])
      found.push(...pipedDownloads(part, context, `MCP server \`${name}\``));
  }
  const url = text(child(server, 'url')) ?? text(child(server, 'serverUrl'));
  const urlNode = child(server, 'url') ?? child(server, 'serverUrl');
  if (url !== undefined && urlNode && /^http:\/\//i.test(url) && !LOCAL_HOSTS.test(url)) {
    found.push(
      detection(
        context,
        urlNode,
        `MCP server \`${name}\` is reached over plain HTTP (\`${url.slice(0, 80)}\`): its tools, their results and any token can be read and changed on the way. Use https://.`,
        url,
        'medium',
      ),
    );
  }
  for (const block of ['env', 'headers']) {
    for (const [key, value] of members(child(server, block))) {
      const literal = text(value);
      if (literal === undefined || !SECRET_NAME.test(key) || !isLiteralSecret(literal)) continue;
      found.push(
        detection(
          context,
          value,
          `MCP server \`${name}\` has a credential written into the file (\`${block}.${key}\`, value redacted): it is published with the repository. Reference it from the environment or the client's secret input instead, and rotate it.`,
          `${block}.${key}=<redacted>`,
        ),
      );
    }
  }
  return found;
}

function isLiteralSecret(value: string): boolean {
  const bare = value.trim().replace(/^(?:Bearer|Basic|token)\s+/i, '');
  if (bare.length < 8 || SECRET_REFERENCES.some((pattern) => pattern.test(value.trim()))) return false;
  return secretKind(bare) === 'live';
}

function pipedDownloads(node: Node, context: Context, where: string): Detection[] {
  const value = text(node);
  if (value === undefined) return [];
  return remoteExecutions(value).map((found) =>
    detection(
      context,
      node,
      `${where} pipes a download into a shell (\`${found.tool} … | ${found.shell}\`): code nobody reviewed runs whenever it fires. Vendor the script, or download it and check its checksum before running it.`,
      value.slice(found.start, found.end),
    ),
  );
}

function serversOf(root: Node): [string, Node][] {
  const mcp = child(root, 'mcp');
  return [child(root, 'mcpServers'), child(root, 'servers'), child(mcp, 'servers')].flatMap(members);
}

/** Settings that let the agent run any tool without asking; hooks that run downloaded code. */
function settingsRisks(root: Node, context: Context): Detection[] {
  const found: Detection[] = [];
  const permissions = child(root, 'permissions');
  const mode = child(permissions, 'defaultMode');
  if (text(mode) === 'bypassPermissions' && mode)
    found.push(
      detection(
        context,
        mode,
        'The agent settings switch permission prompts off for everyone who opens the repository (`defaultMode: bypassPermissions`): any instruction the agent reads can make it run commands. Keep the default mode.',
        'defaultMode: bypassPermissions',
      ),
    );
  for (const entry of items(child(permissions, 'allow'))) {
    const rule = text(entry);
    if (rule !== undefined && ALLOW_EVERYTHING.has(rule.trim()))
      found.push(
        detection(
          context,
          entry,
          `The agent settings approve \`${rule}\` without asking: every shell command or tool call runs unreviewed. Allow the specific commands the project needs (\`Bash(npm test:*)\`).`,
          `allow: ${rule}`,
        ),
      );
  }
  const everyServer = child(root, 'enableAllProjectMcpServers');
  if (everyServer?.value === true)
    found.push(
      detection(
        context,
        everyServer,
        'The agent settings start every MCP server the repository defines without asking (`enableAllProjectMcpServers: true`): a change that adds a server runs it on the next start. Approve servers by name.',
        'enableAllProjectMcpServers: true',
        'medium',
      ),
    );
  for (const key of ['autoAccept', 'yolo']) {
    const node = child(root, key) ?? child(child(root, 'tools'), key);
    if (node?.value === true)
      found.push(
        detection(
          context,
          node,
          `The agent settings approve every tool call (\`${key}: true\`): keep approvals on.`,
          `${key}: true`,
        ),
      );
  }
  for (const key of ['chat.tools.autoApprove', 'chat.tools.global.autoApprove']) {
    const node = child(root, key);
    if (node?.value === true)
      found.push(
        detection(
          context,
          node,
          `The editor settings approve every agent tool call (\`${key}: true\`): keep approvals on.`,
          `${key}: true`,
        ),
      );
  }
  for (const [event, matchers] of members(child(root, 'hooks')))
    for (const matcher of items(matchers))
      for (const hook of items(child(matcher, 'hooks'))) {
        const command = child(hook, 'command');
        if (command) found.push(...pipedDownloads(command, context, `The \`${event}\` hook`));
      }
  return found;
}

function parseErrorNote(file: CheckFile, lines: LineCounter, errors: readonly ParseError[]) {
  const first = errors[0];
  const line = first ? lines.linePos(first.offset).line : 1;
  return {
    path: file.path,
    message: `${file.path} is not valid JSON (line ${line}); its agent configuration was not checked`,
  };
}

function run(file: CheckFile, rule: RuleDescriptor): CheckResult {
  const lines = lineCounterOf(file.text);
  const context: Context = { file, lines, rule };
  if (isScript(file.path)) {
    const detections = remoteExecutions(file.text).map((found) => ({
      ruleId: rule.id,
      message: `${file.path} pipes a download into a shell (\`${found.tool} … | ${found.shell}\`): the agent runs code nobody reviewed whenever it follows this. Vendor the script, or download it and check its checksum before running it.`,
      location: { path: file.path, region: offsetRegion(lines, found.start, found.end) },
      evidence: file.text.slice(found.start, found.end).slice(0, 200),
    }));
    return detections.length === 0 ? SKIP : { detections, notes: [] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(file.text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || errors.length > 0) return { detections: [], notes: [parseErrorNote(file, lines, errors)] };
  const detections = [
    ...serversOf(root).flatMap(([name, server]) => serverRisks(name, server, context)),
    ...(isSettings(file.path) ? settingsRisks(root, context) : []),
  ];
  return detections.length === 0 ? SKIP : { detections, notes: [] };
}

export const agentConfigRisk = defineCheck({
  meta,
  appliesTo: (path) => isMcp(path) || isSettings(path) || isScript(path),
  run,
});
