import meta from '../../../../data/checks/ai-instructions-integrity.json' with { type: 'json' };
import type { Detection, RuleDescriptor } from '../../../findings/finding.js';
import { defineCheck, SKIP, type CheckFile, type CheckResult } from '../check.js';
import { dataPatterns, dataStrings } from '../check-data.js';
import { describeHidden, hiddenRanges, hiddenScanner, type HiddenKind, type Hit } from '../hidden-unicode.js';
import { lineCounterOf } from '../yaml-nodes.js';

const scan = hiddenScanner(
  hiddenRanges(meta['hidden-characters'], 'data/checks/ai-instructions-integrity.json'),
);
const INSTRUCTION_FILES = dataPatterns(meta, 'instruction-files');
const SKIPPED = new Set(dataStrings(meta, 'skipped-extensions'));
const CATALOGS = new Set(dataStrings(meta, 'translation-catalogs'));
const MINIFIED = /\.min\.(?:[cm]?js|css)$/i;
const MAX_LISTED = 6;

const WHY: Record<HiddenKind, string> = {
  bidi: 'bidirectional controls display the line in a different order than compilers, interpreters and models read it (Trojan Source)',
  'zero-width': 'zero-width characters are invisible and can hide inside words and identifiers',
  'invisible-text':
    'tag characters and variation selectors encode invisible text that language models still read',
};

function extensionOf(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined;
}

/** Every text file; binary formats, minified bundles and source maps are not worth reading. */
function appliesTo(path: string): boolean {
  const extension = extensionOf(path);
  return !(extension !== undefined && SKIPPED.has(extension)) && !MINIFIED.test(path);
}

/**
 * Message catalogs (gettext .po, XLIFF, …) hold right-to-left and complex-script text, which needs
 * bidirectional controls and joiners to display right (Django's catalogs hold hundreds); only characters
 * that encode invisible text are suspect there.
 */
function suspectIn(path: string): (hit: Hit) => boolean {
  const extension = extensionOf(path);
  if (extension === undefined || !CATALOGS.has(extension)) return () => true;
  return (hit) => hit.range.kind === 'invisible-text';
}

/** "U+202E RIGHT-TO-LEFT OVERRIDE ×2, U+2066 LEFT-TO-RIGHT ISOLATE ×1", in order of first appearance. */
function inventory(hits: readonly Hit[]): string {
  const counts = new Map<string, number>();
  for (const hit of hits) {
    const name = describeHidden(hit.codePoint, hit.range);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const listed = [...counts].slice(0, MAX_LISTED).map(([name, count]) => `${name} ×${count}`);
  const more = counts.size - listed.length;
  return more > 0 ? `${listed.join(', ')} and ${more} other kinds` : listed.join(', ');
}

interface Placed extends Hit {
  readonly line: number;
  readonly column: number;
}

/** One finding per line, from the first hidden character to the end of the last. */
function detectionFor(
  file: CheckFile,
  rule: RuleDescriptor,
  hits: readonly Placed[],
  line: number,
): Detection {
  const first = hits[0];
  const last = hits[hits.length - 1];
  const kinds = [...new Set(hits.map((hit) => hit.range.kind))].map((kind) => WHY[kind]);
  const instructions = INSTRUCTION_FILES.some((pattern) => pattern.test(file.path))
    ? ' This is an AI assistant instruction file: hidden text here steers the assistant without reviewers seeing it.'
    : '';
  const count = hits.length === 1 ? '1 hidden character' : `${hits.length} hidden characters`;
  return {
    ruleId: rule.id,
    message: `Hidden Unicode: ${count} on this line (${inventory(hits)}); ${kinds.join('; ')}.${instructions}`,
    location: {
      path: file.path,
      region: {
        startLine: line,
        startColumn: first?.column ?? 1,
        endLine: line,
        endColumn: (last?.column ?? 1) + (last === undefined || last.codePoint > 0xffff ? 2 : 1),
      },
    },
  };
}

function run(file: CheckFile, rule: RuleDescriptor): CheckResult {
  const hits = scan(file.text).filter(suspectIn(file.path));
  if (hits.length === 0) return SKIP;
  const lines = lineCounterOf(file.text);
  const byLine = new Map<number, Placed[]>();
  for (const hit of hits) {
    const { line, col } = lines.linePos(hit.index);
    const placed = { ...hit, line, column: col };
    const onLine = byLine.get(line);
    if (onLine === undefined) byLine.set(line, [placed]);
    else onLine.push(placed);
  }
  return {
    detections: [...byLine].map(([line, onLine]) => detectionFor(file, rule, onLine, line)),
    notes: [],
  };
}

export const aiInstructionsIntegrity = defineCheck({ meta, appliesTo, run });
