import { join } from 'node:path';
import { ScannerError } from '../../core/errors.js';
import type { Detection } from '../../findings/finding.js';
import { toRepoPath } from '../../findings/repo-path.js';
import type { ScanContext, ScannerAdapter, ScanNote, ScanOutcome, ToolInfo } from '../scanner.js';
import { gitleaksArgs } from './args.js';
import { classifyGitleaks, type ReportRead } from './classify.js';
import { GitleaksReportError, parseGitleaksReport, type Leak } from './parse.js';
import { gitleaksRule } from './rules.js';
import { readReportFile } from '../process.js';

export interface GitleaksAdapterOptions {
  readonly version: string;
  /** Vouch's gitleaks.toml (built-in rules only). */
  readonly configPath: string;
  readonly maxFileBytes: number;
}

export function createGitleaksAdapter(options: GitleaksAdapterOptions): ScannerAdapter {
  const tool: ToolInfo = {
    name: 'gitleaks',
    version: options.version,
    informationUri: 'https://github.com/gitleaks/gitleaks',
  };
  return {
    id: 'gitleaks',
    async scan(context: ScanContext): Promise<ScanOutcome> {
      if (context.executable === undefined) {
        const message = `gitleaks ${options.version} is not installed (not in Vouch's tool cache nor on PATH at that version); run \`vouch setup\``;
        return { kind: 'error', error: new ScannerError('NOT_INSTALLED', { scanner: 'gitleaks', message }) };
      }
      const reportPath = join(context.workDir, 'gitleaks.json');
      const ignoreDir = join(context.workDir, 'no-ignore');
      await context.ports.fs.mkdir(ignoreDir);
      const command = context.executable;
      const args = gitleaksArgs({
        reportPath,
        configPath: options.configPath,
        ignoreDir,
        maxFileBytes: options.maxFileBytes,
      });
      const result = await context.ports.processes.run({
        command,
        args,
        cwd: context.root,
        timeoutMs: context.timeoutMs,
      });
      const classification = classifyGitleaks(result, await readReport(context, reportPath));
      if (classification.kind === 'error') {
        const details = {
          scanner: 'gitleaks',
          message: classification.message,
          command: [command, ...args].join(' '),
          exitCode: result.kind === 'exited' ? result.exitCode : undefined,
          stderrTail: result.kind === 'spawn-error' ? undefined : result.stderrTail,
        };
        return { kind: 'error', error: new ScannerError(classification.code, details) };
      }
      if (classification.kind === 'clean') return { kind: 'clean', tool, rules: [], notes: [] };
      return toOutcome(tool, classification.leaks, context);
    },
  };
}

async function readReport(context: ScanContext, reportPath: string): Promise<ReportRead> {
  const read = await readReportFile(context.ports.fs, reportPath, parseGitleaksReport, GitleaksReportError);
  return read.kind === 'parsed' ? { kind: 'parsed', leaks: read.value } : read;
}

function toOutcome(tool: ToolInfo, leaks: readonly Leak[], context: ScanContext): ScanOutcome {
  const kept = new Set(context.files);
  const rules = new Map<string, ReturnType<typeof gitleaksRule>>();
  const detections: Detection[] = [];
  const notes: ScanNote[] = [];
  let outsideDiscovery = 0;
  for (const leak of leaks) {
    const path = toRepoPath(context.root, leak.file);
    if (path === undefined || !kept.has(path)) {
      outsideDiscovery += 1;
      continue;
    }
    const rule = gitleaksRule(leak);
    rules.set(rule.id, rule);
    detections.push({
      ruleId: rule.id,
      message: `${rule.shortDescription}: ${leak.description.replace(/\.$/, '') || 'a credential'}. The value is redacted here; rotate it and load it from a secret store.`,
      location: { path, region: region(leak) },
    });
  }
  if (outsideDiscovery > 0) {
    notes.push({
      message: `${outsideDiscovery} gitleaks result(s) in files excluded by .gitignore or the policy were not reported`,
    });
  }
  const ruleList = [...rules.values()];
  return detections.length > 0
    ? { kind: 'findings', tool, rules: ruleList, detections, notes }
    : { kind: 'clean', tool, rules: ruleList, notes };
}

/**
 * Gitleaks' columns are 1-based and inclusive, but on every line after the first they count the newline
 * before the line (seen with 8.30.1, pinned by the integration test); SARIF's endColumn is exclusive.
 */
function region(leak: Leak): {
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
