import { describe, expect, it } from '@jest/globals';
import { workflowPermissions } from '../../../src/scanners/builtin/checks/workflow-permissions.js';
import { describeFixtures } from './fixture-runner.js';

const run = (text: string) => workflowPermissions.run({ path: '.github/workflows/x.yml', text });

describeFixtures(workflowPermissions, {
  minChecked: 6,
  minFlagged: 5,
  region: (covered, detection) => {
    if (detection.evidence === 'permissions: write-all') expect(covered).toBe('write-all');
    else expect(['on', '']).toContain(covered);
  },
});

describe('workflow-permissions', () => {
  it('names the jobs without permissions, a few at most', () => {
    const jobs = Array.from({ length: 8 }, (_, at) => `  j${at}:\n    runs-on: x\n`).join('');
    const message = run(`on: push\njobs:\n${jobs}`).detections[0]?.message ?? '';
    expect(message).toContain('nor does any job');
    const mixed = run(`on: push\njobs:\n  a:\n    permissions: {}\n${jobs}`).detections[0]?.message ?? '';
    expect(mixed).toContain('nor do jobs `j0`, `j1`, `j2`, `j3`, `j4` and 3 more');
  });

  it('points at the on: key', () => {
    expect(run('name: x\non: push\njobs:\n  a:\n    runs-on: x\n').detections[0]?.location.region).toEqual({
      startLine: 2,
      startColumn: 1,
      endLine: 2,
      endColumn: 3,
    });
  });

  it('stays silent on invalid YAML and on documents of the wrong shape', () => {
    for (const text of ['on: [', '- a\n', 'on: push\njobs: [a, b]\n', '']) {
      expect(run(text)).toEqual({ detections: [], notes: [] });
    }
  });
});
