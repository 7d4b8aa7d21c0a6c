import { describe, expect, it } from '@jest/globals';
import { agentWorkflowUntrustedPrompt } from '../../../src/scanners/builtin/checks/agent-workflow-untrusted-prompt.js';
import { describeFixtures } from './fixture-runner.js';

const run = (text: string) => agentWorkflowUntrustedPrompt.run({ path: '.github/workflows/agent.yml', text });

describeFixtures(agentWorkflowUntrustedPrompt, {
  minChecked: 7,
  minFlagged: 15,
  region: (covered, detection) => {
    expect(covered.length).toBeGreaterThan(0);
    expect(detection.evidence?.length).toBeGreaterThan(0);
  },
});

const claude = (on: string, withLines: string, permissions = '') =>
  `on: ${on}\n${permissions}jobs:\n  a:\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n${withLines}`;

describe('agent-workflow-untrusted-prompt', () => {
  it('maps to prompt injection and OWASP injection', () => {
    expect(agentWorkflowUntrustedPrompt.rule).toMatchObject({
      id: 'builtin/agent-workflow-untrusted-prompt',
      severity: 'high',
      cwe: ['CWE-1427', 'CWE-74'],
    });
  });

  it('says which outsider text reaches which input, on which event', () => {
    const [found] = run(
      claude('issue_comment', '          prompt: "Do ${{ github.event.comment.body }}"\n'),
    ).detections;
    expect(found?.message).toContain(
      '`prompt` of step 1 of job `a` gives anthropics/claude-code-action text',
    );
    expect(found?.message).toContain('`github.event.comment.body`');
    expect(found?.message).toContain('`issue_comment`');
    expect(found?.evidence).toBe('${{ github.event.comment.body }}');
  });

  it('reports event text and write tokens only where outsiders can fire the workflow', () => {
    const prompt = '          prompt: "Do ${{ github.event.pull_request.title }}"\n';
    const writing = 'permissions: write-all\n';
    expect(run(claude('pull_request_target', prompt, writing)).detections).toHaveLength(2);
    expect(run(claude('pull_request', prompt, writing)).detections).toHaveLength(0);
    expect(run(claude('push', prompt, writing)).detections).toHaveLength(0);
  });

  it('reports safeguards turned off everywhere, as medium where no outsider can fire the workflow', () => {
    const args = '          claude_args: --dangerously-skip-permissions\n';
    expect(run(claude('issues', args)).detections.map((d) => d.severity)).toEqual([undefined]);
    expect(run(claude('workflow_dispatch', args)).detections.map((d) => d.severity)).toEqual(['medium']);
  });

  it('leaves the job token and named allow-lists alone', () => {
    const inputs =
      '          github_token: ${{ secrets.GITHUB_TOKEN }}\n          allowed_bots: "dependabot[bot],renovate[bot]"\n';
    expect(run(claude('issue_comment', inputs)).detections).toEqual([]);
  });

  it('stays silent on non-agent steps, odd shapes and invalid YAML', () => {
    for (const text of [
      'on: issues\njobs:\n  a:\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n',
      'on: [',
      'on: issues\njobs: 3\n',
      'on: issues\njobs: {a: {steps: [1, {uses: 7}]}}\n',
    ]) {
      expect(run(text)).toEqual({ detections: [], notes: [] });
    }
  });
});
