import { describe, expect, it } from '@jest/globals';
import { workflowInjection } from '../../../src/scanners/builtin/checks/workflow-injection.js';
import { untrustedValues } from '../../../src/scanners/builtin/workflow-expressions.js';
import { describeFixtures } from './fixture-runner.js';

const run = (text: string, path = '.github/workflows/ci.yml') => workflowInjection.run({ path, text });

describeFixtures(workflowInjection, {
  minChecked: 4,
  minFlagged: 15,
  region: (covered, detection) => {
    expect(covered).toMatch(/^\$\{\{[\s\S]*\}\}$/);
    expect(detection.evidence).toBe(covered);
    expect(detection.message).toMatch(/^(?:Script|Code) injection: /);
  },
});

describe('workflow-injection positions', () => {
  it('points at the expression inside a block scalar', () => {
    const text =
      'on: issues\njobs:\n  a:\n    steps:\n      - run: |\n          echo hi\n          echo "${{ github.event.issue.title }}"\n';
    expect(run(text).detections.map((d) => d.location.region)).toEqual([
      { startLine: 7, startColumn: 17, endLine: 7, endColumn: 48 },
    ]);
  });

  it('counts columns in UTF-16 code units', () => {
    const text = 'jobs:\n  a:\n    steps:\n      - run: echo "😀 ${{ github.head_ref }}"\n';
    expect(run(text).detections[0]?.location.region).toEqual({
      startLine: 4,
      startColumn: 23,
      endLine: 4,
      endColumn: 45,
    });
  });

  it('spans lines when an expression does', () => {
    const text =
      'jobs:\n  a:\n    steps:\n      - run: |\n          echo ${{\n            github.event.issue.body }}\n';
    expect(run(text).detections[0]?.location.region).toEqual({
      startLine: 5,
      startColumn: 16,
      endLine: 6,
      endColumn: 39,
    });
  });

  it('names the step and the value in the message', () => {
    const text =
      'jobs:\n  build:\n    steps:\n      - name: Greet\n        run: echo ${{ github.event.issue.title }}\n';
    expect(run(text).detections[0]?.message).toContain(
      '`${{ github.event.issue.title }}` puts text that outside contributors control (`github.event.issue.title`) into',
    );
    expect(run(text).detections[0]?.message).toContain('step "Greet" of job `build`');
  });
});

describe('untrustedValues', () => {
  it.each([
    ['${{ github.event.issue.title }}', ['`github.event.issue.title`']],
    ['${{ github.event.pages[3].page_name }}', ['`github.event.pages.*.page_name`']],
    ["${{ github['head_ref'] }}", ['`github.head_ref`']],
    ['${{ toJSON(github.event.head_commit) }}', [expect.stringContaining('(which holds')]],
    ['${{ github.event.issue.title || github.event.issue.title }}', ['`github.event.issue.title`']],
  ])('flags %s', (expression, expected) => {
    expect(untrustedValues(expression)).toEqual(expected);
  });

  it.each([
    '${{ github.event.issue.number }}',
    '${{ github.event_name }}',
    '${{ steps.github.outputs.title }}',
    "${{ format('{0}', 'github.event.issue.title') }}",
    '${{ inputs.title }}',
    '${{ github.event.pull_request.head.sha }}',
  ])('accepts %s', (expression) => {
    expect(untrustedValues(expression)).toEqual([]);
  });
});

describe('workflow-injection on hostile input', () => {
  it('stays silent on invalid YAML and on documents of the wrong shape', () => {
    expect(run('jobs: [\n')).toEqual({ detections: [], notes: [] });
    expect(run('- a\n- b\n')).toEqual({ detections: [], notes: [] });
    expect(run('jobs:\n  a:\n    steps:\n      - run: [1, 2]\n      - run: 42\n')).toEqual({
      detections: [],
      notes: [],
    });
  });

  it('handles an unterminated expression and a huge script quickly', () => {
    expect(run('jobs:\n  a:\n    steps:\n      - run: echo ${{ github.head_ref\n').detections).toEqual([]);
    const huge = `jobs:\n  a:\n    steps:\n      - run: "${'${{ x }} '.repeat(200_000)}\${{ github.head_ref }}"\n`;
    expect(run(huge).detections).toHaveLength(1);
  });

  it('reports an aliased script once', () => {
    const text =
      'jobs:\n  a:\n    steps:\n      - run: &s echo ${{ github.head_ref }}\n      - run: *s\n  b:\n    steps:\n      - run: *s\n';
    expect(run(text).detections).toHaveLength(1);
  });
});
