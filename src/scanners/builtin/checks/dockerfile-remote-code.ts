import meta from '../../../../data/checks/dockerfile-remote-code.json' with { type: 'json' };
import type { Detection, Region, RuleDescriptor } from '../../../findings/finding.js';
import { defineCheck, SKIP, type CheckFile, type CheckResult } from '../check.js';
import { dataPatterns, dataStrings } from '../check-data.js';
import { isDockerfile, parseDockerfile, type Instruction } from '../dockerfile.js';
import { shown } from '../image-reference.js';
import { shellPipes } from '../shell-pipes.js';

const remoteExecutions = shellPipes({
  downloaders: dataStrings(meta, 'downloaders'),
  shells: dataStrings(meta, 'shells'),
  substitutions: dataPatterns(meta, 'substitution-patterns', 'g'),
});
const CHECKSUM_FLAG = /^--checksum=/i;
const REMOTE = /^https?:\/\//i;
const GIT_SOURCE = /\.git(?:#|$)/i;
/** A Git source at a full commit is immutable, like a checksum; one at `$VERSION` is pinned by the build. */
const PINNED_GIT_REF = /^(?:[0-9a-f]{40}(?::|$)|.*\$)/i;

interface Context {
  readonly file: CheckFile;
  readonly rule: RuleDescriptor;
}

function regionOf(instruction: Instruction, start: number, end: number): Region {
  const from = instruction.position(start);
  const to = instruction.position(end);
  return { startLine: from.line, startColumn: from.col, endLine: to.line, endColumn: to.col };
}

function pipeDetections(instruction: Instruction, context: Context): Detection[] {
  return remoteExecutions(instruction.text).map(({ start, end, tool, shell }) => ({
    ruleId: context.rule.id,
    message:
      `Remote code piped into a shell: this RUN instruction downloads a script with \`${tool}\` and runs it ` +
      `with \`${shell}\` unchecked, so whatever the server returns at build time ends up in the image. ` +
      'Download it to a file, verify its checksum or signature, then run it.',
    location: { path: context.file.path, region: regionOf(instruction, start, end) },
    evidence: `RUN ${tool} … | ${shell}`,
  }));
}

/** A URL as messages show it: scheme, host and path, never credentials or a query that may hold a token. */
function withoutSecrets(url: string): string {
  try {
    const parsed = new URL(url);
    return shown(`${parsed.protocol}//${parsed.host}${parsed.pathname}`);
  } catch {
    return shown(url.replace(/[?#].*$/s, ''));
  }
}

/** `ADD [--flags] <src>... <dest>`, shell form or JSON exec form. */
function addSources(text: string): { value: string; start: number }[] {
  const words = [...text.matchAll(/"((?:[^"\\]|\\.)*)"|([^\s[\],"]+)/g)].map((match) => ({
    value: match[1] ?? match[2] ?? '',
    start: match.index + (match[1] === undefined ? 0 : 1),
  }));
  return words.slice(0, -1);
}

function gitRef(url: string): string | undefined {
  const hash = url.indexOf('#');
  // The fragment is `<ref>` or `<ref>:<subdirectory>`.
  return hash < 0 ? undefined : url.slice(hash + 1).split(':')[0];
}

function addMessage(url: string, source: string): string {
  if (!GIT_SOURCE.test(source)) {
    return (
      `Remote file added without a checksum: \`ADD ${url}\` puts whatever the server returns at build ` +
      'time into the image. Add `--checksum=sha256:<64 hex digest>` of the file you reviewed.'
    );
  }
  const ref = gitRef(source);
  const what = ref === undefined ? 'its default branch' : `\`${shown(ref)}\`, a branch or tag`;
  return (
    `Remote Git source not pinned to a commit: \`ADD ${url}\` checks out ${what}, which can move to ` +
    'different code. Pin the full commit SHA: `#<40-hex commit>`.'
  );
}

function addDetections(instruction: Instruction, context: Context): Detection[] {
  const sources = addSources(instruction.text);
  if (sources.some((word) => CHECKSUM_FLAG.test(word.value))) return [];
  return sources
    .filter((word) => REMOTE.test(word.value))
    .filter((word) => !GIT_SOURCE.test(word.value) || !PINNED_GIT_REF.test(gitRef(word.value) ?? ''))
    .map((word) => ({
      ruleId: context.rule.id,
      message: addMessage(withoutSecrets(word.value), word.value),
      location: {
        path: context.file.path,
        region: regionOf(instruction, word.start, word.start + word.value.length),
      },
      severity: 'medium' as const,
      evidence: `ADD ${withoutSecrets(word.value)}`,
    }));
}

function run(file: CheckFile, rule: RuleDescriptor): CheckResult {
  const context = { file, rule };
  const detections = parseDockerfile(file.text).flatMap((instruction) => {
    if (instruction.keyword === 'RUN') return pipeDetections(instruction, context);
    if (instruction.keyword === 'ADD') return addDetections(instruction, context);
    return [];
  });
  return detections.length === 0 ? SKIP : { detections, notes: [] };
}

export const dockerfileRemoteCode = defineCheck({ meta, appliesTo: isDockerfile, run });
