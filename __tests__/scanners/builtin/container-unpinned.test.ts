import { describe, expect, it } from '@jest/globals';
import { containerUnpinned } from '../../../src/scanners/builtin/checks/container-unpinned.js';
import { imagePinning, substitute } from '../../../src/scanners/builtin/image-reference.js';
import { describeFixtures } from './fixture-runner.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const run = (path: string, text: string) => containerUnpinned.run({ path, text });

describeFixtures(containerUnpinned, {
  minChecked: 9,
  minFlagged: 20,
  region: (covered, detection) => {
    expect(detection.evidence).toMatch(/^(?:FROM |COPY --from=|image: )/);
    expect(detection.evidence?.endsWith(covered.trim())).toBe(true);
    expect(detection.message).toMatch(/^Unpinned container image: /);
  },
});

describe('container-unpinned severities', () => {
  const severities = (text: string) => run('Dockerfile', text).detections.map((d) => d.severity ?? 'high');

  it('is high for latest or no tag, medium for a version tag', () => {
    expect(
      severities('FROM a\nFROM a:latest\nFROM a:LATEST\nFROM a:1\nFROM r:5000/a\nFROM r:5000/a:2\n'),
    ).toEqual(['high', 'high', 'high', 'medium', 'high', 'medium']);
  });

  it('judges an ARG-substituted image by its default and says so', () => {
    const [detection] = run('Dockerfile', 'ARG V=3.20\nARG IMG=alpine:${V}\nFROM ${IMG}\n').detections;
    expect(detection?.message).toContain('`${IMG}` is `alpine:3.20` by the default of ARG IMG (line 2)');
    expect(detection?.severity).toBe('medium');
  });

  it('points at the image inside the FROM line', () => {
    const [detection] = run('Dockerfile', 'FROM --platform=linux/amd64 node:22 AS x\n').detections;
    expect(detection?.location.region).toEqual({ startLine: 1, startColumn: 29, endLine: 1, endColumn: 36 });
    expect(detection?.severity).toBe('medium');
  });
});

describe('imagePinning', () => {
  it.each([`a@${DIGEST}`, `r.io:5000/o/a:1.2@${DIGEST}`, `a:latest@${DIGEST}`])('accepts %s', (reference) => {
    expect(imagePinning(reference)).toEqual({ kind: 'pinned' });
  });

  it.each(['', '{{ .Values.image }}', '$(IMAGE)', 'has space', '-x'])('does not judge %p', (reference) => {
    expect(imagePinning(reference)).toBeUndefined();
  });

  it('explains a malformed digest', () => {
    expect(imagePinning('a:1@sha256:abc')).toMatchObject({
      severity: 'high',
      reason: expect.stringContaining('malformed digest, which pins nothing'),
    });
  });
});

describe('substitute', () => {
  const known = (name: string) => ({ A: 'x', EMPTY: '' })[name];
  it.each([
    ['$A', 'x'],
    ['${A}/y', 'x/y'],
    ['${B:-d}', 'd'],
    ['${B-d}', 'd'],
    ['${EMPTY:-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${A:+alt}', 'alt'],
    ['${B:+alt}', ''],
    ['$$A', '$A'],
  ])('%s → %s', (text, expected) => {
    expect(substitute(text, known)).toBe(expected);
  });

  it.each(['$B', '${B}', '${B:?required}'])('leaves %s unresolved', (text) => {
    expect(substitute(text, known)).toBeUndefined();
  });
});

describe('container-unpinned scope and hostile input', () => {
  it.each([
    ['Dockerfile', true],
    ['svc/Dockerfile.prod', true],
    ['svc/api.Dockerfile', true],
    ['Containerfile', true],
    ['dockerfile', true],
    ['Dockerfile.dockerignore', false],
    ['src/dockerfile.ts', false],
    ['docs/Dockerfile.md', false],
    ['k8s/app.yaml', true],
    ['.github/workflows/ci.yml', false],
    ['action.yml', false],
    ['main.go', false],
  ])('applies to %s: %s', (path, expected) => {
    expect(containerUnpinned.appliesTo(path)).toBe(expected);
  });

  it('skips YAML that is no manifest without parsing it, and templates without a note', () => {
    expect(run('x.yaml', 'a: [\n')).toEqual({ detections: [], notes: [] });
    expect(run('t.yaml', 'apiVersion: v1\nkind: Pod\nspec: {{ x }\n')).toEqual({ detections: [], notes: [] });
    expect(run('compose.yaml', 'services: [\n').notes).toHaveLength(1);
  });

  it('survives alias bombs, deep nesting and huge lines', () => {
    const bomb = ['apiVersion: v1', 'kind: List', 'a: &a [{containers: [{image: nginx}]}]']
      .concat(
        Array.from(
          { length: 12 },
          (_, i) =>
            `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
        ),
      )
      .join('\n');
    expect(run('k8s/bomb.yaml', bomb).detections).toHaveLength(1);
    const deep = `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(() => run('k8s/deep.yaml', deep)).not.toThrow();
    expect(
      run('Dockerfile', `FROM ${'a'.repeat(1_000_000)}:1\n`).detections[0]?.evidence?.length,
    ).toBeLessThan(300);
    expect(run('Dockerfile', `RUN x \\\n`.repeat(50_000)).detections).toEqual([]);
  });
});
