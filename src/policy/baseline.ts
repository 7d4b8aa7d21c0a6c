import { ConfigError } from '../core/errors.js';
import type { Baseline } from './context.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Known findings from a SARIF file: Vouch fingerprints, and rule + line hash for other tools' SARIF. */
export function parseBaseline(bytes: Buffer, label: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw new ConfigError('INVALID_POLICY', `baseline ${label}: not JSON (${(cause as Error).message})`, {
      cause,
    });
  }
  if (!isRecord(data) || !Array.isArray(data.runs)) {
    throw new ConfigError('INVALID_POLICY', `baseline ${label}: not a SARIF log (no runs[])`);
  }
  const fingerprints = new Set<string>();
  const ruleLineHashes = new Set<string>();
  for (const run of list(data.runs)) {
    for (const result of isRecord(run) ? list(run.results) : []) {
      if (!isRecord(result)) continue;
      const vouch = isRecord(result.properties) ? result.properties['vouch/fingerprint'] : undefined;
      if (typeof vouch === 'string') fingerprints.add(vouch);
      const hash = isRecord(result.partialFingerprints)
        ? result.partialFingerprints.primaryLocationLineHash
        : undefined;
      if (typeof result.ruleId === 'string' && typeof hash === 'string')
        ruleLineHashes.add(`${result.ruleId}|${hash}`);
    }
  }
  return { source: label, fingerprints, ruleLineHashes };
}
