import { posix } from 'node:path';
import { GitAttributes } from '../findings/gitattributes.js';
import { FileRoles, HEAD_BYTES } from '../findings/roles.js';
import type { Discovery } from './discover.js';
import type { Git } from './git.js';
import type { Ports } from './ports.js';

export interface FileRolesRequest {
  readonly root: string;
  readonly discovery: Discovery;
  readonly ports: Ports;
  /** On a pull request: .gitattributes files are trusted at this commit, as the policy is. */
  readonly base?: { readonly ref: string; readonly git: Git };
}

export interface LoadedRoles {
  readonly roles: FileRoles;
  /** What the reader must know, e.g. that a pull request's own .gitattributes was not used. */
  readonly notes: readonly string[];
}

/**
 * The repository's file roles. A pull request cannot mark its own code vendored or generated to soften
 * the gate: a .gitattributes it adds or changes is read at the base commit instead, and the change is noted.
 */
export async function loadFileRoles(request: FileRolesRequest): Promise<LoadedRoles> {
  const { fs } = request.ports;
  const kept = new Set(request.discovery.files);
  const texts = new Map<string, string>();
  const notes: string[] = [];
  for (const path of request.discovery.files.filter((file) => posix.basename(file) === '.gitattributes')) {
    const current = await fs.readFile(posix.join(request.root, path));
    const trusted = request.base ? await request.base.git.showAt(request.base.ref, path) : current;
    if (trusted !== undefined && trusted.equals(current)) {
      texts.set(path, current.toString('utf8'));
    } else if (trusted === undefined) {
      notes.push(
        `${path} is added by this change and is not trusted to set file roles; it takes effect once merged`,
      );
    } else {
      texts.set(path, trusted.toString('utf8'));
      notes.push(`${path} is changed by this change; file roles are read from the base branch's version`);
    }
  }
  const roles = new FileRoles({
    attributes: GitAttributes.parse(texts),
    readHead: async (path) => {
      if (!kept.has(path)) return undefined;
      try {
        return (await fs.readHead(posix.join(request.root, path), HEAD_BYTES)).toString('utf8');
      } catch {
        return undefined;
      }
    },
  });
  return { roles, notes };
}
