import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessRequest } from '../../../src/core/ports.js';
import { createGitleaksAdapter } from '../../../src/scanners/gitleaks/adapter.js';
import { realPorts } from '../../helpers/tools.js';

// Values built at run time so that this file holds no credential-shaped literal.
const LIVE = ['Zx8Kq2Lm9P', 'w4Rt7Yv3Bn', '6Hj1Df5Gs0'].join('');
const LINES = [`const key = "${LIVE}";`, 'const docs = "your-api-key-here";', ''];

/** Gitleaks stand-in: writes a redacted report with one leak per given line, as gitleaks --redact does. */
async function scanWithLeaksOn(lines: readonly number[]) {
  const root = mkdtempSync(join(tmpdir(), 'vouch-gitleaks-'));
  writeFileSync(join(root, 'config.js'), LINES.join('\n'));
  const ports = realPorts();
  const processes = {
    run: (request: ProcessRequest) => {
      const report = request.args[request.args.indexOf('--report-path') + 1] ?? '';
      const leaks = lines.map((line) => {
        const text = LINES[line - 1] ?? '';
        const start = text.indexOf('"') + 1;
        return {
          RuleID: 'generic-api-key',
          Description: 'Generic API Key',
          File: 'config.js',
          StartLine: line,
          EndLine: line,
          // 1-based, inclusive; gitleaks counts the newline before every line after the first.
          StartColumn: start + (line > 1 ? 1 : 0),
          EndColumn: text.lastIndexOf('"') + 1 + (line > 1 ? 1 : 0),
          Match: 'REDACTED',
          Secret: 'REDACTED',
        };
      });
      writeFileSync(report, JSON.stringify(leaks));
      return Promise.resolve({
        kind: 'exited' as const,
        exitCode: 99,
        signal: null,
        stdout: '',
        stderrTail: '',
        durationMs: 1,
      });
    },
  };
  const adapter = createGitleaksAdapter({
    version: '8.30.1',
    configPath: '/dev/null',
    maxFileBytes: 1 << 20,
  });
  return adapter.scan({
    root,
    files: ['config.js'],
    workDir: mkdtempSync(join(tmpdir(), 'vouch-gitleaks-work-')),
    timeoutMs: 10_000,
    executable: '/bin/true',
    ports: { ...ports, processes },
  });
}

describe('gitleaks adapter: live or placeholder', () => {
  it('reads the redacted value back from the file and keeps only the word', async () => {
    const outcome = await scanWithLeaksOn([1, 2]);
    if (outcome.kind !== 'findings') throw new Error(`expected findings, got ${outcome.kind}`);
    expect(outcome.detections.map((d) => [d.location.region?.startLine, d.secret])).toEqual([
      [1, 'live'],
      [2, 'placeholder'],
    ]);
    expect(JSON.stringify(outcome)).not.toContain(LIVE);
  });

  it('counts a leak on a line it cannot find as live', async () => {
    const outcome = await scanWithLeaksOn([7]);
    if (outcome.kind !== 'findings') throw new Error(`expected findings, got ${outcome.kind}`);
    expect(outcome.detections[0]?.secret).toBe('live');
  });
});
