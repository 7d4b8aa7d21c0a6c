import { describe, expect, it } from '@jest/globals';
import { workflowPrTargetCheckout } from '../../../src/scanners/builtin/checks/workflow-pr-target-checkout.js';
import { describeFixtures } from './fixture-runner.js';

const run = (text: string) => workflowPrTargetCheckout.run({ path: '.github/workflows/x.yml', text });

describeFixtures(workflowPrTargetCheckout, {
  minChecked: 4,
  minFlagged: 8,
  region: (covered, detection) => {
    expect(detection.evidence).toMatch(/^(?:ref|repository): /);
    expect(detection.evidence?.endsWith(covered.trim())).toBe(true);
    expect(detection.message).toMatch(/`(?:pull_request_target|workflow_run)`/);
  },
});

describe('workflow-pr-target-checkout', () => {
  it('is critical', () => {
    expect(workflowPrTargetCheckout.rule).toMatchObject({
      id: 'builtin/workflow-pr-target-checkout',
      severity: 'critical',
      cwe: ['CWE-829'],
    });
  });

  it('reads every form of on:', () => {
    const steps =
      'jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.head_ref }}\n';
    expect(run(`on: pull_request_target\n${steps}`).detections).toHaveLength(1);
    expect(run(`on: [pull_request_target]\n${steps}`).detections).toHaveLength(1);
    expect(run(`on:\n  pull_request_target: {}\n${steps}`).detections).toHaveLength(1);
    expect(run(`on: pull_request\n${steps}`).detections).toHaveLength(0);
    expect(run(steps).detections).toHaveLength(0);
  });

  it('stays silent on odd shapes and invalid YAML', () => {
    for (const text of [
      'on: [',
      'on: pull_request_target\njobs: 3\n',
      'on: {pull_request_target: 1}\njobs: {a: {steps: [1, [2]]}}\n',
    ]) {
      expect(run(text)).toEqual({ detections: [], notes: [] });
    }
  });
});
