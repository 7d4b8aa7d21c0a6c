import { describe, expect, it } from '@jest/globals';
import {
  parsePackageJson,
  sourceOfSpec,
} from '../../../../src/scanners/builtin/dependencies/package-json.js';

const where = (text: string) =>
  parsePackageJson('app/package.json', text).declarations.map(
    (d) =>
      `${d.name}${d.registryName === d.name ? '' : `=${d.registryName}`} ${d.source} ${d.region.startLine}:${d.region.startColumn}-${d.region.endColumn}`,
  );

describe('parsePackageJson', () => {
  it('reads the four dependency sections with the line and columns of each name', () => {
    const text = [
      '{',
      '  "name": "my-app",',
      '  "scripts": { "lodash": "not a dependency" },',
      '  "dependencies": { "express": "^4.19.2", "@scope/pkg": "1.0.0" },',
      '  "devDependencies": {',
      '    "jest": "^30.0.0"',
      '  },',
      '  "optionalDependencies": { "fsevents": "*" },',
      '  "peerDependencies": { "react": ">=18" }',
      '}',
    ].join('\n');

    expect(where(text)).toEqual([
      'express registry 4:22-29',
      '@scope/pkg registry 4:44-54',
      'jest registry 6:6-10',
      'fsevents registry 8:30-38',
      'react registry 9:26-31',
    ]);
    expect(parsePackageJson('package.json', text).packageName).toBe('my-app');
  });

  it('keeps local, workspace, git and URL specifiers as declarations that are not looked up', () => {
    const deps = {
      a: 'file:../a',
      b: 'link:../b',
      c: 'workspace:*',
      d: 'git+https://github.com/o/d.git',
      e: 'github:o/e',
      f: 'o/f#v1',
      g: 'https://example.com/g.tgz',
      h: './vendor/h.tgz',
      i: 'npm:real-name@^2',
      j: 'npm:@s/real@1',
      k: 'catalog:',
      l: 'latest',
      m: '1.x || >=2.5.0 || 5.0.0 - 7.2.3',
    };
    const text = JSON.stringify({ dependencies: deps }, null, 1);

    expect(where(text).map((line) => line.replace(/ \d+:.*$/, ''))).toEqual([
      'a local',
      'b local',
      'c local',
      'd local',
      'e local',
      'f local',
      'g local',
      'h local',
      'i=real-name registry',
      'j=@s/real registry',
      'k registry',
      'l registry',
      'm registry',
    ]);
  });

  it.each([
    ['not JSON', '{ "dependencies": { "a": "1" '],
    ['JSON that YAML would also accept loosely', 'dependencies:\n  a: 1\n'],
    ['an array', '[{"dependencies": {"a": "1"}}]'],
    ['a string', '"package"'],
  ])('notes %s instead of throwing', (_label, text) => {
    const result = parsePackageJson('package.json', text);
    expect(result.declarations).toEqual([]);
    expect(result.notes[0]?.message).toBe('package.json was not checked: it is not a JSON object');
  });

  it('ignores names that are not package names and values that are not strings', () => {
    const text = JSON.stringify({
      dependencies: { '//': 'a comment', '../escape': '1', ok: '1', weird: 3, other: { a: 1 }, 'x y': '1' },
    });
    expect(where(text).map((line) => line.split(' ')[0])).toEqual(['ok']);
  });

  it('classifies specifiers', () => {
    expect(sourceOfSpec(' ^1.2.3 ')).toEqual({ source: 'registry' });
    expect(sourceOfSpec('npm:@s/x')).toEqual({ source: 'registry', registryName: '@s/x' });
    expect(sourceOfSpec('portal:../x')).toEqual({ source: 'local' });
    expect(sourceOfSpec('~/x')).toEqual({ source: 'local' });
  });
});
