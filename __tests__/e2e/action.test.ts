import { beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSarif } from '../sarif/schema.js';
import {
  fixtureRepo,
  PLANTED_SECRET_LOCATION,
  plantedSecret,
  UNPINNED_ACTION_LOCATION,
} from '../helpers/repos.js';
import { installedTool } from '../helpers/tools.js';
import { runAction, type ActionRun } from '../helpers/action-runner.js';

interface SarifShape {
  runs: {
    tool: { driver: { name: string } };
    results: {
      ruleId: string;
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn?: number };
        };
      }[];
    }[];
  }[];
}

describe('the action, run as a runner runs it', () => {
  const secret = plantedSecret();
  let run: ActionRun;

  beforeAll(async () => {
    await installedTool('gitleaks');
    run = runAction(fixtureRepo('planted', secret), { policy: 'default' });
  });

  it('fails the step and sets every output', () => {
    expect(run.status).toBe(1);
    expect(run.outputs).toMatchObject({ decision: 'fail', 'findings-total': '2', 'findings-blocking': '2' });
    expect(run.outputs['sarif-file']).toMatch(/vouch\.sarif$/);
    expect(run.outputs['results-file']).toMatch(/vouch-results\.json$/);
  });

  it('writes SARIF that validates against the 2.1.0 schema, with a gitleaks run and a builtin run at the right lines (semgrep and checkov ran clean)', () => {
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'] ?? '', 'utf8')) as SarifShape;
    expect(validateSarif(sarif)).toEqual([]);
    const byTool = Object.fromEntries(sarif.runs.map((r) => [r.tool.driver.name, r.results]));
    expect(Object.keys(byTool).sort()).toEqual(['checkov', 'gitleaks', 'semgrep', 'vouch-builtin']);
    expect(byTool.semgrep).toEqual([]);
    expect(byTool.checkov).toEqual([]);
    const where = (result: SarifShape['runs'][number]['results'][number] | undefined) => {
      const location = result?.locations[0]?.physicalLocation;
      return {
        path: location?.artifactLocation.uri,
        startLine: location?.region.startLine,
        startColumn: location?.region.startColumn,
      };
    };
    expect(byTool.gitleaks?.map((r) => r.ruleId)).toEqual(['gitleaks/github-pat']);
    expect(where(byTool.gitleaks?.[0])).toEqual(PLANTED_SECRET_LOCATION);
    expect(byTool['vouch-builtin']?.map((r) => r.ruleId)).toEqual(['builtin/actions-unpinned']);
    expect(where(byTool['vouch-builtin']?.[0])).toEqual(UNPINNED_ACTION_LOCATION);
  });

  it('writes a job summary with the decision, the reasons and the counts, and annotates the lines', () => {
    expect(run.summary).toContain('Vouch: FAIL');
    expect(run.summary).toContain('gitleaks/github-pat at src/config.js:4');
    expect(run.summary).toContain('severity critical is blocked by preset:default');
    expect(run.log).toMatch(/::error title=CRITICAL gitleaks\/github-pat,file=src\/config\.js,line=4,/);
    expect(run.log).toMatch(
      /::error title=HIGH builtin\/actions-unpinned,file=\.github\/workflows\/ci\.yml,line=10,/,
    );
    expect(run.log).toMatch(/::error::Vouch: 2 finding\(s\) blocked by the policy/);
  });

  it('never lets the planted secret out: no output file, summary or log line holds it', () => {
    expect(run.log).not.toContain(secret);
    expect(run.summary).not.toContain(secret);
    expect(JSON.stringify(run.outputs)).not.toContain(secret);
    for (const name of readdirSync(run.outDir)) {
      expect(readFileSync(join(run.outDir, name), 'utf8')).not.toContain(secret);
    }
  });

  it('passes a clean repository', () => {
    const clean = runAction(fixtureRepo('clean'), {});
    expect(clean.outputs).toMatchObject({
      decision: 'pass',
      'findings-total': '0',
      'findings-blocking': '0',
    });
    expect(clean.status).toBe(0);
  });

  it('rejects a bad input with a clear error and decision error', () => {
    const bad = runAction(fixtureRepo('clean'), { annotations: 'maybe' });
    expect(bad.status).toBe(1);
    expect(bad.outputs.decision).toBe('error');
    expect(bad.log).toContain('input "annotations" must be true or false, got "maybe"');
  });
});
