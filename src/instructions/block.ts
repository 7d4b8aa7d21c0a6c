import data from '../../data/instructions.json' with { type: 'json' };
import { ConfigError } from '../core/errors.js';
import type { RepositoryProfile } from './profile.js';

export const BEGIN = '<!-- vouch:security-instructions:begin -->';
export const END = '<!-- vouch:security-instructions:end -->';

type Lines = Readonly<Record<string, readonly string[]>>;

const pick = (table: Lines, keys: readonly string[]): string[] => keys.flatMap((key) => table[key] ?? []);

/**
 * The security section: the general rules, then one line for each language, framework, package manager and
 * platform the repository uses, then one for each weakness the last scan found, in a fixed order.
 */
export function renderBlock(profile: RepositoryProfile, foundCwes: readonly string[]): string {
  const cwes: Readonly<Record<string, string>> = data.cwes;
  const found = [...new Set(foundCwes)]
    .filter((cwe) => cwes[cwe] !== undefined)
    .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  const rules = [
    ...data.general,
    ...pick(data.languages, profile.languages),
    ...pick(data.frameworks, profile.frameworks),
    ...pick(data['package-managers'], profile.packageManagers),
    ...pick(data.platforms, profile.platforms),
    ...found.map((cwe) => cwes[cwe] ?? ''),
  ];
  return [
    BEGIN,
    '## Security',
    '',
    'Follow these rules in every change. This section is written by `vouch instructions` from what this ' +
      'repository uses and what its last scan found; it is replaced on the next run, so add your own rules ' +
      'outside it.',
    '',
    ...rules.map((rule) => `- ${rule}`),
    END,
  ].join('\n');
}

function count(text: string, marker: string): number {
  return text.split(marker).length - 1;
}

/**
 * The file's text with the section in place: the marked block replaced, or the section appended after the
 * user's text. Nothing outside the markers changes. Markers that do not pair up are refused.
 */
export function withBlock(file: string, existing: string | undefined, block: string): string {
  if (existing === undefined || existing.trim() === '') return `${block}\n`;
  const begins = count(existing, BEGIN);
  const ends = count(existing, END);
  if (begins === 0 && ends === 0) return `${existing.replace(/\s*$/, '')}\n\n${block}\n`;
  const start = existing.indexOf(BEGIN);
  const end = existing.indexOf(END);
  if (begins !== 1 || ends !== 1 || end < start)
    throw new ConfigError(
      'INVALID_INPUT',
      `${file} holds ${begins} begin and ${ends} end marker(s) of Vouch's section, not one pair in order; fix them by hand`,
    );
  return `${existing.slice(0, start)}${block}${existing.slice(end + END.length)}`;
}
