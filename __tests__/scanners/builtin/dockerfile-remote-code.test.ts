import { describe, expect, it } from '@jest/globals';
import { dockerfileRemoteCode } from '../../../src/scanners/builtin/checks/dockerfile-remote-code.js';
import { parseDockerfile } from '../../../src/scanners/builtin/dockerfile.js';
import { describeFixtures } from './fixture-runner.js';

const run = (text: string) => dockerfileRemoteCode.run({ path: 'Dockerfile', text });

describeFixtures(dockerfileRemoteCode, {
  minChecked: 2,
  minFlagged: 11,
  region: (covered, detection) => {
    if (detection.evidence?.startsWith('ADD ')) {
      expect(covered).toMatch(/^https?:\/\//);
      expect(detection.severity).toBe('medium');
    } else {
      expect(covered).toMatch(/^(?:curl|wget|(?:ba|da|k|z|a)?sh)\b[\s\S]*(?:sh|curl|wget)$/);
      expect(detection.severity).toBeUndefined();
    }
  },
});

describe('dockerfile-remote-code', () => {
  it('never shows credentials or a query string from a URL', () => {
    const [detection] = run('ADD https://user:hunter2@example.com/p.tgz?token=abc /opt/\n').detections;
    expect(detection?.evidence).toBe('ADD https://example.com/p.tgz');
    expect(detection?.message).not.toMatch(/hunter2|token=abc/);
  });

  it('spans a pipe continued on the next line', () => {
    const [detection] = run('RUN curl -fsSL https://x \\\n  | sh\n').detections;
    expect(detection?.location.region).toEqual({ startLine: 1, startColumn: 5, endLine: 2, endColumn: 7 });
  });

  it('is fast on hostile RUN lines', () => {
    expect(run(`RUN ${'curl '.repeat(100_000)}\n`).detections).toEqual([]);
    expect(run(`RUN <<EOF\n${'curl x | sh\n'.repeat(20_000)}EOF\n`).detections).toHaveLength(20_000);
  });
});

describe('pipelines', () => {
  const shells = (line: string) => run(`RUN ${line}\n`).detections.map((d) => d.evidence);

  it.each([
    ['curl -s https://x | tee /tmp/log | sh', ['RUN curl … | sh']],
    ['sh -c "curl -s https://x | bash"', ['RUN curl … | bash']],
    ['echo "$(curl -s https://x | sh)"', ['RUN curl … | sh']],
    ['(wget -O- https://x | zsh)', ['RUN wget … | zsh']],
    ['curl https://x | env A=1 B=2 /usr/local/bin/bash', ['RUN curl … | bash']],
  ])('flags %s', (line, expected) => {
    expect(shells(line)).toEqual(expected);
  });

  it.each([
    'curl -s https://x || sh fallback.sh',
    'curl -s https://x; sh local.sh',
    'curl -s https://x && sh local.sh',
    "echo 'curl https://x | sh' >> notes",
    'curl -s https://x | shellcheck -',
    'curl -s https://x | bash-completion',
    'mycurl https://x | sh',
  ])('accepts %s', (line) => {
    expect(shells(line)).toEqual([]);
  });
});

describe('parseDockerfile', () => {
  it('joins continuations, drops comments inside them and maps offsets back', () => {
    const [run1, from] = parseDockerfile('RUN a \\\n# comment\n\n  b\nfrom x\n');
    expect(run1).toMatchObject({ keyword: 'RUN', line: 1, text: 'a   b' });
    expect(run1?.position(4)).toEqual({ line: 4, col: 3 });
    expect(from).toMatchObject({ keyword: 'FROM', line: 5, text: 'x' });
  });

  it('honours the escape directive and heredocs with <<-', () => {
    const [first, second] = parseDockerfile('# escape=`\nRUN a `\n b\nRUN <<-END\n\tx\n\tEND\nRUN c\n');
    expect(first?.text).toBe('a  b');
    expect(second?.text).toBe('<<-END\n\tx');
    expect(parseDockerfile('# escape=`\nRUN <<-END\n\tx\n\tEND\nRUN c\n').at(-1)?.text).toBe('c');
  });

  it('does not take a here-string for a heredoc', () => {
    expect(parseDockerfile('RUN cat <<<word\nRUN b\n').map((i) => i.text)).toEqual(['cat <<<word', 'b']);
  });
});
