import type { Region } from '../../findings/finding.js';
import type { Leak } from './parse.js';

/** The text a region covers, or undefined when the file has no such lines. Never logged or kept. */
export function matchedText(text: string, where: Region): string | undefined {
  const lines = text.split(/\r?\n/).slice(where.startLine - 1, where.endLine ?? where.startLine);
  if (lines.length === 0) return undefined;
  const last = lines.length - 1;
  return lines
    .map((line, index) => {
      const from = index === 0 ? (where.startColumn ?? 1) - 1 : 0;
      const to = index === last && where.endColumn !== undefined ? where.endColumn - 1 : line.length;
      return line.slice(from, to);
    })
    .join('\n');
}

/**
 * Gitleaks' columns are 1-based and inclusive, but on every line after the first they count the newline
 * before the line (seen with 8.30.1, pinned by the integration test); SARIF's endColumn is exclusive.
 */
export function region(leak: Leak): {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
} {
  const startLine = Math.max(1, leak.startLine);
  const shift = startLine > 1 ? 1 : 0;
  const startColumn = leak.startColumn - shift;
  const endColumn = leak.endColumn - (leak.endLine > 1 ? 1 : 0) + 1;
  return {
    startLine,
    ...(startColumn > 0 ? { startColumn } : {}),
    endLine: Math.max(startLine, leak.endLine),
    ...(endColumn > 1 ? { endColumn } : {}),
  };
}
