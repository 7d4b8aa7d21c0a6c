import { parseRequirement } from './pep508.js';
import { LineIndex, type Declaration, type DependencySource } from './types.js';

/** A `-r` / `--requirement` line: the included path as written, relative to the including file. */
export interface Include {
  readonly target: string;
  readonly line: number;
}

export interface RequirementsFile {
  readonly declarations: readonly Declaration[];
  readonly includes: readonly Include[];
  /** `--index-url`, `--extra-index-url`, `--find-links` or `--no-index` to somewhere other than PyPI. */
  readonly usesOtherIndex: boolean;
}

/** One logical line: pip joins lines ending in a backslash. */
interface LogicalLine {
  readonly text: string;
  /** Offset in the file of each joined piece, with its offset in `text`. */
  readonly pieces: readonly { readonly at: number; readonly from: number }[];
}

const COMMENT = /(?:^|\s+)#.*$/;
const ARCHIVE = /\.(?:whl|zip|tar\.gz|tgz|tar\.bz2|tar\.xz|tar)$/i;
const PYPI_HOSTS = /^https?:\/\/(?:pypi\.org|pypi\.python\.org|files\.pythonhosted\.org)(?:[/:]|$)/i;
const EGG = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/;

function logicalLines(text: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let current: { text: string; pieces: { at: number; from: number }[] } | undefined;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const physical = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const piece = { at: current?.text.length ?? 0, from: offset };
    current = current ?? { text: '', pieces: [] };
    current.pieces.push(piece);
    const continued = physical.endsWith('\\');
    current.text += continued ? physical.slice(0, -1) : physical;
    if (!continued) {
      lines.push(current);
      current = undefined;
    }
    offset += raw.length + 1;
  }
  if (current !== undefined) lines.push(current);
  return lines;
}

function fileOffset(line: LogicalLine, at: number): number {
  const piece = [...line.pieces].reverse().find((candidate) => candidate.at <= at) ?? line.pieces[0];
  return (piece?.from ?? 0) + at - (piece?.at ?? 0);
}

/** `-r x`, `-rx`, `--requirement x`, `--requirement=x` → `x`. */
function optionValue(text: string, short: string, long: string): string | undefined {
  const match = new RegExp(`^(?:${long}(?:\\s+|\\s*=\\s*)|${short}\\s*)(\\S+)`).exec(text);
  return match?.[1];
}

type OptionEffect = { include: string } | { otherIndex: true } | { editable: string } | undefined;

function option(text: string): OptionEffect {
  const include = optionValue(text, '-r', '--requirement');
  if (include !== undefined) return { include };
  const editable = optionValue(text, '-e', '--editable');
  if (editable !== undefined) return { editable };
  if (/^--no-index\b/.test(text)) return { otherIndex: true };
  const index =
    optionValue(text, '-i', '--index-url') ??
    optionValue(text, '--extra-index-url', '--extra-index-url') ??
    optionValue(text, '-f', '--find-links');
  return index !== undefined && !PYPI_HOSTS.test(index) ? { otherIndex: true } : undefined;
}

interface Context {
  readonly path: string;
  readonly lines: LineIndex;
}

function declare(context: Context, name: string, offset: number, source: DependencySource): Declaration {
  return {
    ecosystem: 'pypi',
    name,
    registryName: name,
    source,
    path: context.path,
    region: context.lines.region(offset, name.length),
  };
}

/** An editable install names no registry package, but `#egg=name` tells which import it provides. */
function editableDeclaration(context: Context, line: LogicalLine, value: string): Declaration | undefined {
  const egg = EGG.exec(value);
  if (egg?.[1] === undefined) return undefined;
  const at = line.text.indexOf(egg[0]) + egg[0].length - egg[1].length;
  return declare(context, egg[1], fileOffset(line, at), 'local');
}

/**
 * Parses one requirements file (https://pip.pypa.io/en/stable/reference/requirements-file-format/):
 * options, `-e` and URL or path lines declare nothing from PyPI; `name @ url` declares a local package.
 */
export function parseRequirements(path: string, text: string): RequirementsFile {
  const context: Context = { path, lines: new LineIndex(text) };
  const declarations: Declaration[] = [];
  const includes: Include[] = [];
  let usesOtherIndex = false;
  for (const line of logicalLines(text)) {
    const content = line.text.replace(COMMENT, '');
    const lead = content.length - content.trimStart().length;
    const body = content.trim();
    if (body === '') continue;
    if (body.startsWith('-')) {
      const effect = option(body);
      if (effect === undefined) continue;
      if ('include' in effect) {
        includes.push({ target: effect.include, line: context.lines.position(fileOffset(line, lead)).line });
      } else if ('editable' in effect) {
        const found = editableDeclaration(context, line, effect.editable);
        if (found !== undefined) declarations.push(found);
      } else usesOtherIndex = true;
      continue;
    }
    const requirement = parseRequirement(body);
    if (requirement === undefined || ARCHIVE.test(requirement.name)) continue;
    const offset = fileOffset(line, lead + requirement.offset);
    declarations.push(declare(context, requirement.name, offset, requirement.source));
  }
  return { declarations, includes, usesOtherIndex };
}
