/**
 * Gemfile.lock (Bundler 1.x to 2.5+, https://bundler.io/man/gemfile.5.html). Sections start at column 0;
 * specs sit at four spaces with their dependencies at six.
 *
 * Gemfile.lock does not record Gemfile groups, so every gem is `required`; reading the Gemfile would mean
 * evaluating Ruby. `GIT` gems are kept with a `vcs_url` qualifier (the revision is locked); `PATH` gems are
 * the repository's own and skipped, but their dependencies are direct ones. A platform-specific spec such
 * as `nokogiri (1.16.0-x86_64-linux)` becomes version `1.16.0` with a `platform` qualifier (RubyGems
 * versions never contain `-`). `CHECKSUMS` (Bundler 2.5+) supplies SHA-256 hashes.
 */
import { PackageURL } from 'packageurl-js';
import type {
  Component,
  ComponentHash,
  LockfileParser,
  LockfileProblem,
  LockfileResult,
} from '../component.js';

interface Source {
  readonly kind: string;
  remote: string | undefined;
  revision: string | undefined;
}

interface Spec {
  readonly name: string;
  /** As written in parentheses, platform included: the key CHECKSUMS uses. */
  readonly locked: string;
  readonly source: Source;
  readonly line: number;
  readonly dependencies: string[];
}

interface State {
  readonly path: string;
  readonly problems: LockfileProblem[];
  readonly specs: Spec[];
  readonly direct: string[];
  readonly checksums: Map<string, ComponentHash[]>;
  section: string | undefined;
  source: Source | undefined;
}

const SOURCES = new Set(['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE']);
const NAME_VERSION = /^(\S+) \(([^)\s]+)\)$/;

function checksumsOf(list: string): ComponentHash[] {
  return list.split(',').flatMap((item) => {
    const [alg, hex = ''] = item.trim().split('=');
    return alg === 'sha256' && /^[0-9a-f]{64}$/i.test(hex)
      ? [{ alg: 'SHA-256' as const, content: hex.toLowerCase() }]
      : [];
  });
}

function sourceLine(state: State, source: Source, at: { text: string; line: number }): void {
  const { text, line } = at;
  const spec = /^ {4}(\S.*)$/.exec(text)?.[1];
  const dependency = /^ {6}(\S+)/.exec(text)?.[1];
  const option = /^ {2}(remote|revision): (.+)$/.exec(text);
  if (option) source[option[1] === 'remote' ? 'remote' : 'revision'] = option[2]?.trim();
  else if (dependency) state.specs.at(-1)?.dependencies.push(dependency);
  else if (spec) {
    const match = NAME_VERSION.exec(spec);
    if (match?.[1] && match[2])
      state.specs.push({ name: match[1], locked: match[2], source, line, dependencies: [] });
    else
      state.problems.push({
        path: state.path,
        line,
        message: `spec "${spec.slice(0, 60)}" is not \`name (version)\``,
      });
  } else if (!/^ {2}(specs:|glob: |branch: |ref: |tag: |submodules: |type: )/.test(text)) {
    state.problems.push({ path: state.path, line, message: `unexpected line in ${source.kind} section` });
  }
}

function sectionLine(state: State, text: string, line: number): void {
  const { section, source } = state;
  if (source) sourceLine(state, source, { text, line });
  else if (section === 'DEPENDENCIES') {
    const name = /^ {2}([^\s!]+)/.exec(text)?.[1];
    if (name) state.direct.push(name);
  } else if (section === 'CHECKSUMS') {
    const match = /^ {2}(\S+ \([^)]+\))(?: (\S+))?$/.exec(text);
    if (match?.[1]) state.checksums.set(match[1], checksumsOf(match[2] ?? ''));
    else
      state.problems.push({
        path: state.path,
        line,
        message: 'CHECKSUMS line is not `name (version) sha256=…`',
      });
  }
}

function scan(path: string, text: string, problems: LockfileProblem[]): State {
  const state: State = {
    path,
    problems,
    specs: [],
    direct: [],
    checksums: new Map(),
    section: undefined,
    source: undefined,
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    if (!raw.startsWith(' ')) {
      state.section = raw.trim();
      state.source = SOURCES.has(state.section)
        ? { kind: state.section, remote: undefined, revision: undefined }
        : undefined;
      return;
    }
    if (state.section === undefined)
      problems.push({ path, line, message: 'indented line before any section' });
    else sectionLine(state, raw, line);
  });
  if (!state.specs.length && !text.split(/\r?\n/).some((l) => SOURCES.has(l.trim()))) {
    problems.push({ path, line: 1, message: 'no GEM, GIT or PATH section: not a Gemfile.lock' });
  }
  return state;
}

function gemPurl(spec: Spec): string | undefined {
  const dash = spec.locked.indexOf('-');
  const version = dash === -1 ? spec.locked : spec.locked.slice(0, dash);
  const qualifiers: Record<string, string> = {};
  if (dash !== -1) qualifiers.platform = spec.locked.slice(dash + 1);
  const { kind, remote, revision } = spec.source;
  if (kind === 'GIT' && remote) qualifiers.vcs_url = `git+${remote}${revision ? `@${revision}` : ''}`;
  else if (remote && !/^https?:\/\/rubygems\.org\/?$/.test(remote)) qualifiers.repository_url = remote;
  try {
    return new PackageURL('gem', undefined, spec.name, version, qualifiers).toString();
  } catch {
    return undefined;
  }
}

function build(path: string, text: string, problems: LockfileProblem[]): LockfileResult {
  const state = scan(path, text, problems);
  const purls = new Map<Spec, string>();
  for (const spec of state.specs.filter((s) => s.source.kind !== 'PATH')) {
    const purl = gemPurl(spec);
    if (purl) purls.set(spec, purl);
    else
      problems.push({
        path,
        line: spec.line,
        message: `${spec.name} (${spec.locked}) cannot be expressed as a purl`,
      });
  }
  // Every platform variant of a gem is locked; an edge or a direct dependency by name reaches all of them.
  const named = new Map<string, string[]>();
  for (const [spec, purl] of purls) named.set(spec.name, [...(named.get(spec.name) ?? []), purl]);
  const byName = (name: string): string[] => named.get(name) ?? [];
  const localDeps = state.specs.filter((s) => s.source.kind === 'PATH').flatMap((s) => s.dependencies);
  const components = [...purls].map(([spec, purl]): Component => ({
    ecosystem: 'gem',
    name: spec.name,
    version: spec.locked.split('-')[0] ?? spec.locked,
    purl,
    scope: 'required',
    hashes: state.checksums.get(`${spec.name} (${spec.locked})`) ?? [],
    dependsOn: [...new Set(spec.dependencies.flatMap(byName))],
    source: { path, line: spec.line },
  }));
  const direct = [...new Set([...state.direct, ...localDeps].flatMap(byName))];
  return { components, direct, problems };
}

export const gemfileLockfile: LockfileParser = {
  id: 'gemfile',
  matches: (path) => /(^|\/)(Gemfile\.lock|gems\.locked)$/.test(path),
  parse(path, text) {
    const problems: LockfileProblem[] = [];
    try {
      return build(path, text, problems);
    } catch (error: unknown) {
      problems.push({ path, message: `Gemfile.lock could not be parsed: ${String(error)}` });
      return { components: [], direct: [], problems };
    }
  },
};
