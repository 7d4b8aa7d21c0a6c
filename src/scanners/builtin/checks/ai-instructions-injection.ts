import integrity from '../../../../data/checks/ai-instructions-integrity.json' with { type: 'json' };
import meta from '../../../../data/checks/ai-instructions-injection.json' with { type: 'json' };
import type { Detection, RuleDescriptor } from '../../../findings/finding.js';
import type { Severity } from '../../../findings/severity.js';
import { defineCheck, detectionOf, offsetRegion, SKIP, type CheckFile, type CheckResult } from '../check.js';
import { dataPatterns, dataString } from '../check-data.js';
import { shellPipes } from '../shell-pipes.js';
import { lineCounterOf } from '../yaml-nodes.js';

const INSTRUCTION_FILES = dataPatterns(integrity, 'instruction-files');
const MARKDOWN = /\.(?:md|mdc|markdown)$/i;

interface PhraseGroup {
  readonly name: string;
  readonly what: string;
  readonly patterns: readonly RegExp[];
}

function phraseGroups(): PhraseGroup[] {
  const groups = (meta as { phrases?: unknown }).phrases;
  if (!Array.isArray(groups) || groups.length === 0)
    throw new Error('data/checks/ai-instructions-injection.json: "phrases" must be a list');
  return groups.map((group: { name?: unknown; what?: unknown; patterns?: unknown }) => {
    if (typeof group.name !== 'string' || typeof group.what !== 'string')
      throw new Error(
        'data/checks/ai-instructions-injection.json: each phrase group needs "name" and "what"',
      );
    return { name: group.name, what: group.what, patterns: dataPatterns(group, 'patterns', 'gi') };
  });
}

const GROUPS = phraseGroups();
const INSTRUCTION_WORDS = dataPatterns(meta, 'instruction-words', 'i');
const NEGATION = new RegExp(dataString(meta, 'negations'), 'i');
const remoteExecutions = shellPipes({
  downloaders: ['curl', 'wget', 'iwr', 'irm'],
  shells: ['sh', 'bash', 'zsh', 'dash', 'python', 'python3', 'node', 'iex', 'pwsh', 'powershell'],
  substitutions: [],
});
const HIDDEN = /<!--[\s\S]*?-->|<details\b[^>]*>[\s\S]*?<\/details\s*>/gi;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Sentences: split at line ends and at `.`/`!`/`?` followed by a space, offsets kept. */
function sentences(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  let start = from;
  const boundary = /[.!?](?=\s)|\n/g;
  boundary.lastIndex = from;
  for (let match = boundary.exec(text); match && match.index < to; match = boundary.exec(text)) {
    spans.push({ start, end: match.index + 1 });
    start = match.index + 1;
  }
  if (start < to) spans.push({ start, end: to });
  return spans;
}

interface Context {
  readonly file: CheckFile;
  readonly rule: RuleDescriptor;
  readonly lines: ReturnType<typeof lineCounterOf>;
}

function detection(context: Context, span: Span, message: string, severity: Severity | undefined): Detection {
  return detectionOf(context.rule, context.file.path, {
    region: offsetRegion(context.lines, span.start, span.end),
    message,
    evidence: context.file.text.slice(span.start, span.end).replace(/\s+/g, ' '),
    ...(severity ? { severity } : {}),
  });
}

/** Phrases of each group in one stretch of text; visible advice ("never disable the checks") is left alone. */
function phrases(context: Context, span: Span, hidden: boolean): Detection[] {
  const found: Detection[] = [];
  for (const sentence of sentences(context.file.text, span.start, span.end)) {
    const text = context.file.text.slice(sentence.start, sentence.end);
    for (const group of GROUPS) {
      for (const pattern of group.patterns) {
        pattern.lastIndex = 0;
        for (const match of text.matchAll(pattern)) {
          const before = text.slice(0, match.index);
          if (!hidden && group.name !== 'exfiltration' && NEGATION.test(before)) continue;
          const where = {
            start: sentence.start + match.index,
            end: sentence.start + match.index + match[0].length,
          };
          const severity =
            hidden || group.name === 'exfiltration' || group.name === 'remote-code' ? undefined : 'medium';
          found.push(
            detection(
              context,
              where,
              `${hidden ? 'Hidden text' : 'This instruction file'} ${group.what} ("${match[0].slice(0, 80)}")` +
                `${hidden ? ', where reviewers do not see it but the assistant reads it' : ''}. ` +
                'The assistant follows it with the developer’s permissions: remove it unless you wrote it and mean it.',
              severity,
            ),
          );
        }
      }
    }
  }
  for (const pipe of remoteExecutions(context.file.text.slice(span.start, span.end))) {
    const where = { start: span.start + pipe.start, end: span.start + pipe.end };
    const sentence = sentences(context.file.text, span.start, span.end).find(
      (candidate) => candidate.start <= where.start && where.start < candidate.end,
    );
    if (!hidden && sentence && NEGATION.test(context.file.text.slice(sentence.start, where.start))) continue;
    found.push(
      detection(
        context,
        where,
        `${hidden ? 'Hidden text' : 'This instruction file'} tells the assistant to pipe a download into a shell ` +
          `(\`${pipe.tool} … | ${pipe.shell}\`): it runs code nobody reviewed. Vendor the script or pin it by checksum.`,
        hidden ? undefined : 'medium',
      ),
    );
  }
  return found;
}

function hiddenSpans(text: string): Span[] {
  return [...text.matchAll(HIDDEN)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function run(file: CheckFile, rule: RuleDescriptor): CheckResult {
  const context: Context = { file, rule, lines: lineCounterOf(file.text) };
  const hidden = MARKDOWN.test(file.path) ? hiddenSpans(file.text) : [];
  const detections: Detection[] = [];
  let visibleFrom = 0;
  for (const span of hidden) {
    detections.push(...phrases(context, { start: visibleFrom, end: span.start }, false));
    visibleFrom = span.end;
    const inside = phrases(context, span, true);
    const body = file.text.slice(span.start, span.end);
    if (inside.length === 0 && INSTRUCTION_WORDS.some((pattern) => pattern.test(body))) {
      const kind = body.startsWith('<!--') ? 'an HTML comment' : 'a collapsed <details> block';
      inside.push(
        detection(
          context,
          span,
          `Instructions hidden in ${kind}: Markdown shows nothing of it, but the assistant reads it as part of its ` +
            'instructions. Put instructions in visible text, where reviewers see them, or remove them.',
          'medium',
        ),
      );
    }
    detections.push(...inside);
  }
  detections.push(...phrases(context, { start: visibleFrom, end: file.text.length }, false));
  return detections.length === 0 ? SKIP : { detections, notes: [] };
}

export const aiInstructionsInjection = defineCheck({
  meta,
  appliesTo: (path) => INSTRUCTION_FILES.some((pattern) => pattern.test(path)),
  run,
});
