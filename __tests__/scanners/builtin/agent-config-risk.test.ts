import { describe, expect, it } from '@jest/globals';
import { agentConfigRisk } from '../../../src/scanners/builtin/checks/agent-config-risk.js';
import { describeFixtures } from './fixture-runner.js';

const SECRET = 'Zx8Kq2Lm9Pw4Rt7Yv3Bn6Hj1Df5Gs0Qa';

describeFixtures(agentConfigRisk, {
  minChecked: 9,
  minFlagged: 16,
  region: (covered, detection) => {
    expect(covered.length).toBeGreaterThan(0);
    // The gate must not leak what it finds.
    expect(detection.message).not.toContain(SECRET);
    expect(detection.evidence ?? '').not.toContain(SECRET);
  },
});

const mcp = (server: object) =>
  agentConfigRisk.run({ path: '.mcp.json', text: JSON.stringify({ mcpServers: { s: server } }, null, 2) });

describe('agent-config-risk', () => {
  it('maps to supply chain and hard-coded credentials', () => {
    expect(agentConfigRisk.rule).toMatchObject({
      id: 'builtin/agent-config-risk',
      severity: 'high',
      cwe: ['CWE-829', 'CWE-494', 'CWE-798', 'CWE-250'],
    });
  });

  it.each([
    ['npx', ['-y', 'pkg'], true],
    ['npx', ['-y', 'pkg@1.2.3'], false],
    ['npx', ['-y', '@scope/pkg@^1.2.0'], true],
    ['npx', ['--package', 'pkg@2.0.0', 'pkg-bin'], false],
    ['/usr/local/bin/npx', ['pkg@latest'], true],
    ['pnpm', ['dlx', 'pkg'], true],
    ['uvx', ['pkg@0.4.1'], false],
    ['uvx', ['pkg[cli]==0.4.1'], false],
    ['pipx', ['run', 'pkg'], true],
    ['docker', ['run', '-i', '-v', 'a:b', 'ghcr.io/o/img:1.2'], true],
    ['node', ['server.js'], false],
  ])('%s %j is unpinned: %s', (command, args, unpinned) => {
    const found = mcp({ command, args }).detections;
    expect(found.some((d) => d.message.includes('fetched unpinned'))).toBe(unpinned);
  });

  it('names the credential without its value, and leaves references and placeholders alone', () => {
    const [found, ...rest] = mcp({
      command: 'node',
      env: { API_TOKEN: SECRET, A: '${env:A_TOKEN}', B_TOKEN: '<token>' },
    }).detections;
    expect(rest).toEqual([]);
    expect(found?.message).toContain('`env.API_TOKEN`, value redacted');
    expect(JSON.stringify(found)).not.toContain(SECRET);
  });

  it('reports a file that is not JSON as a note naming the line', () => {
    const result = agentConfigRisk.run({
      path: '.cursor/mcp.json',
      text: '{\n  "mcpServers": {\n    "a": }\n}\n',
    });
    expect(result.detections).toEqual([]);
    expect(result.notes[0]?.message).toMatch(/\.cursor\/mcp\.json is not valid JSON \(line 3\)/);
  });
});
