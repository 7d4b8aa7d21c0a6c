import { Minimatch } from 'minimatch';
import { posix } from 'node:path';
import data from '../../data/file-roles.json' with { type: 'json' };
import { GitAttributes, type LinguistAttribute } from './gitattributes.js';

/** What a file is for; the policy's `modes` decide how findings in each role are enforced. */
export const FILE_ROLES = ['source', 'test', 'example', 'docs', 'vendored', 'generated'] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export function isFileRole(value: unknown): value is FileRole {
  return (FILE_ROLES as readonly unknown[]).includes(value);
}

type ConventionRole = Exclude<FileRole, 'source'>;

const ATTRIBUTE_ROLES: Readonly<Record<LinguistAttribute, ConventionRole>> = {
  'linguist-vendored': 'vendored',
  'linguist-generated': 'generated',
  'linguist-documentation': 'docs',
};

/** How many bytes of a file the header and minified checks read. */
export const HEAD_BYTES = 8192;
const HEADER_LINES = 12;

interface RoleData {
  readonly precedence: readonly ConventionRole[];
  readonly patterns: ReadonlyMap<ConventionRole, readonly Minimatch[]>;
  readonly headerMarkers: readonly RegExp[];
  readonly minified: { extensions: readonly string[]; longestLine: number; averageLine: number };
}

/** Checked once at load: a mistake in data/file-roles.json fails every test that imports this. */
function loadRoleData(): RoleData {
  const precedence = data.precedence.map((role) => {
    if (!isFileRole(role) || role === 'source')
      throw new Error(`data/file-roles.json: unknown role "${role}"`);
    return role;
  });
  const patterns = new Map<ConventionRole, Minimatch[]>();
  for (const [role, globs] of Object.entries(data.roles)) {
    if (!isFileRole(role) || role === 'source' || !precedence.includes(role))
      throw new Error(`data/file-roles.json: role "${role}" is not in precedence`);
    patterns.set(
      role,
      globs.map((glob) => new Minimatch(glob, { dot: true, nocase: true, nocomment: true, nonegate: true })),
    );
  }
  return {
    precedence,
    patterns,
    headerMarkers: data.headerMarkers.map((marker) => new RegExp(marker, 'i')),
    minified: data.minified,
  };
}

const ROLE_DATA = loadRoleData();

/** The role path conventions give the file, skipping roles the repository's attributes turned off. */
export function conventionRole(
  path: string,
  disabled: ReadonlySet<FileRole> = new Set(),
): ConventionRole | undefined {
  return ROLE_DATA.precedence.find(
    (role) =>
      !disabled.has(role) && (ROLE_DATA.patterns.get(role) ?? []).some((pattern) => pattern.match(path)),
  );
}

/** A generated-file marker in the first lines (`@generated`, `Code generated … DO NOT EDIT`), or a minified bundle. */
export function headLooksGenerated(path: string, head: string): boolean {
  const top = head.split('\n', HEADER_LINES).join('\n');
  if (ROLE_DATA.headerMarkers.some((marker) => marker.test(top))) return true;
  const { extensions, longestLine, averageLine } = ROLE_DATA.minified;
  if (!extensions.includes(posix.extname(path).toLowerCase())) return false;
  const lines = head.split('\n');
  const longest = Math.max(...lines.map((line) => line.length));
  return (
    longest >= longestLine || (head.length >= HEAD_BYTES / 2 && head.length / lines.length >= averageLine)
  );
}

export interface RoleSources {
  readonly attributes: GitAttributes;
  /** The first HEAD_BYTES of a file as text, or undefined when it cannot be read. */
  readonly readHead: (path: string) => Promise<string | undefined>;
}

/**
 * Each file's role, computed when first asked: the repository's Linguist attributes first, then path
 * conventions, then generated-file headers; everything else is source. Files are only read for the
 * header check, and only when a finding needs their role.
 */
export class FileRoles {
  private readonly known = new Map<string, Promise<FileRole>>();

  constructor(
    private readonly sources: RoleSources = {
      attributes: GitAttributes.none,
      readHead: () => Promise.resolve(undefined),
    },
  ) {}

  roleOf(path: string): Promise<FileRole> {
    let role = this.known.get(path);
    if (role === undefined) {
      role = this.compute(path);
      this.known.set(path, role);
    }
    return role;
  }

  private async compute(path: string): Promise<FileRole> {
    const values = this.sources.attributes.valuesFor(path);
    const set = new Set<FileRole>();
    const disabled = new Set<FileRole>();
    for (const [attribute, value] of values) (value ? set : disabled).add(ATTRIBUTE_ROLES[attribute]);
    const declared = ROLE_DATA.precedence.find((role) => set.has(role));
    if (declared) return declared;
    const byConvention = conventionRole(path, disabled);
    if (byConvention) return byConvention;
    if (disabled.has('generated')) return 'source';
    const head = await this.sources.readHead(path);
    return head !== undefined && headLooksGenerated(path, head) ? 'generated' : 'source';
  }
}
