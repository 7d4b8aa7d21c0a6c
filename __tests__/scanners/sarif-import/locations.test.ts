import { describe, expect, it } from '@jest/globals';
import { createPlacer, foreignRoots, type Placement } from '../../../src/scanners/sarif-import/locations.js';
import type { ArtifactRef, ImportedRegion, ImportedRun } from '../../../src/scanners/sarif-import/model.js';

const ROOT = '/work/repo';

function run(bases: Record<string, ArtifactRef> = {}, artifacts: ArtifactRef[] = []): ImportedRun {
  const component = { name: 'T', rules: [], taxa: [], globalMessageStrings: new Map<string, string>() };
  return {
    driver: component,
    extensions: [],
    taxonomies: [],
    originalUriBaseIds: new Map(Object.entries(bases)),
    artifacts,
    executionFailed: false,
    results: [],
  };
}

function place(
  artifact: ArtifactRef,
  options: { run?: ImportedRun; region?: ImportedRegion } = {},
): Placement {
  return createPlacer(ROOT, options.run ?? run()).place([{ artifact, region: options.region }]);
}

function pathOf(placement: Placement): string | undefined {
  return placement.kind === 'repo' ? placement.location.path : placement.kind;
}

const SRCROOT = { '%SRCROOT%': { uri: 'file:///home/runner/work/shop/shop/' } };

describe('placing a result in the repository', () => {
  it.each([
    ['a relative URI', { uri: 'src/app.py' }, 'src/app.py'],
    ['a percent-encoded name', { uri: 'src/my%20file%23.py' }, 'src/my file#.py'],
    ['a query and fragment, which are not part of the path', { uri: 'src/app.py?x=1#L3' }, 'src/app.py'],
    ['a leading ./', { uri: './src/app.py' }, 'src/app.py'],
    ['backslashes from a Windows tool', { uri: 'src\\app.py' }, 'src/app.py'],
    ['a file URI under the root', { uri: 'file:///work/repo/src/app.py' }, 'src/app.py'],
    ['a file URI naming localhost', { uri: 'file://localhost/work/repo/src/app.py' }, 'src/app.py'],
    ['an absolute-path reference under the root', { uri: '/work/repo/src/app.py' }, 'src/app.py'],
    [
      'an undefined uriBaseId (CodeQL without originalUriBaseIds)',
      { uri: 'src/app.py', uriBaseId: '%SRCROOT%' },
      'src/app.py',
    ],
  ])('%s', (_what, artifact, expected) => {
    expect(pathOf(place(artifact))).toBe(expected);
  });

  it.each([
    ['a relative path climbing out', { uri: '../other/app.py' }],
    ['an encoded climb', { uri: '%2e%2e/%2e%2e/etc/passwd' }],
    ['an encoded slash used to climb', { uri: 'src%2F..%2F..%2F..%2Fetc/passwd' }],
    ['a file URI elsewhere', { uri: 'file:///etc/passwd' }],
    ['a file URI climbing out of the root', { uri: 'file:///work/repo/../secrets/key' }],
    ['a file URI on another host', { uri: 'file://build-server/share/app.py' }],
    ['an http URI', { uri: 'https://example.com/app.py' }],
    ['a sibling directory sharing a prefix with the root', { uri: 'file:///work/repo-old/app.py' }],
  ])('refuses %s', (_what, artifact) => {
    expect(place(artifact).kind).toBe('outside');
  });

  it.each([
    ['a malformed percent escape', { uri: 'src/a%ZZ.py' }],
    ['an encoded NUL', { uri: 'src/a%00.py' }],
    ['the root itself', { uri: 'file:///work/repo/' }],
    ['no URI and no artifact index', {}],
    ['an artifact index out of range', { index: 3 }],
  ])('finds no location in %s', (_what, artifact) => {
    expect(place(artifact).kind).toBe('none');
  });

  it('finds no location when a result has none', () => {
    expect(createPlacer(ROOT, run()).place([]).kind).toBe('none');
  });

  it('uses the first location, which is the primary one', () => {
    const placer = createPlacer(ROOT, run());
    const placement = placer.place([{ artifact: { uri: 'first.py' } }, { artifact: { uri: 'second.py' } }]);
    expect(pathOf(placement)).toBe('first.py');
  });

  it('follows artifactLocation.index into run.artifacts when the URI is left out', () => {
    const artifacts = [{ uri: 'lib/one.py' }, { uri: 'lib/two.py', uriBaseId: 'SRC' }];
    expect(pathOf(place({ index: 1 }, { run: run({ SRC: { uri: 'pkg/' } }, artifacts) }))).toBe(
      'pkg/lib/two.py',
    );
  });
});

describe('originalUriBaseIds', () => {
  it('resolves a base to an absolute checkout on another machine', () => {
    const placement = place({ uri: 'src/app.py', uriBaseId: '%SRCROOT%' }, { run: run(SRCROOT) });
    expect(pathOf(placement)).toBe('src/app.py');
  });

  it('makes file URIs under the declared checkout repository-relative', () => {
    const placement = place(
      { uri: 'file:///home/runner/work/shop/shop/src/a%20b.py' },
      { run: run(SRCROOT) },
    );
    expect(pathOf(placement)).toBe('src/a b.py');
  });

  it('prefers our own root when the declared checkout is where Vouch runs', () => {
    const bases = { '%SRCROOT%': { uri: 'file:///work/' } };
    expect(pathOf(place({ uri: 'file:///work/repo/src/a.py' }, { run: run(bases) }))).toBe('src/a.py');
  });

  it('resolves a base defined relative to another base', () => {
    const bases = { ...SRCROOT, LIB: { uri: 'lib/', uriBaseId: '%SRCROOT%' } };
    expect(pathOf(place({ uri: 'x.js', uriBaseId: 'LIB' }, { run: run(bases) }))).toBe('lib/x.js');
  });

  it('handles Windows drive letters in a declared checkout', () => {
    const bases = { '%SRCROOT%': { uri: 'file:///C:/a/shop/' } };
    expect(pathOf(place({ uri: 'file:///C:/a/shop/src/App.cs' }, { run: run(bases) }))).toBe('src/App.cs');
    expect(pathOf(place({ uri: 'C:\\a\\shop\\src\\App.cs' }, { run: run(bases) }))).toBe('src/App.cs');
  });

  it('refuses a base that climbs out of the checkout', () => {
    const bases = { ...SRCROOT, UP: { uri: '../../', uriBaseId: '%SRCROOT%' } };
    expect(place({ uri: 'etc/passwd', uriBaseId: 'UP' }, { run: run(bases) }).kind).toBe('outside');
  });

  it('treats a cycle of bases as no location instead of looping', () => {
    const bases = { A: { uri: 'a/', uriBaseId: 'B' }, B: { uri: 'b/', uriBaseId: 'A' } };
    expect(place({ uri: 'x.py', uriBaseId: 'A' }, { run: run(bases) }).kind).toBe('none');
  });

  it('lists declared absolute roots shortest first, never the file system root', () => {
    const bases = {
      BIN: { uri: 'file:///home/runner/work/shop/shop/build/' },
      ...SRCROOT,
      ALL: { uri: 'file:///' },
      REL: { uri: 'relative/' },
    };
    expect(foreignRoots(run(bases))).toEqual([
      '/home/runner/work/shop/shop/',
      '/home/runner/work/shop/shop/build/',
    ]);
  });
});

describe('regions', () => {
  it('keeps positive lines and columns', () => {
    const region = { startLine: 3, startColumn: 5, endLine: 4, endColumn: 1 };
    const placement = place({ uri: 'a.py' }, { region });
    expect(placement).toEqual({ kind: 'repo', location: { path: 'a.py', region } });
  });

  it.each([
    ['no start line (byte offsets only)', { endLine: 4 }, undefined],
    ['a zero start line', { startLine: 0 }, undefined],
    ['an end line before the start', { startLine: 5, endLine: 2 }, { startLine: 5 }],
    ['zero columns', { startLine: 5, startColumn: 0, endColumn: 0 }, { startLine: 5 }],
  ])('drops %s', (_what, region, expected) => {
    const placement = place({ uri: 'a.py' }, { region });
    expect(placement.kind === 'repo' ? placement.location.region : 'not placed').toEqual(expected);
  });
});
