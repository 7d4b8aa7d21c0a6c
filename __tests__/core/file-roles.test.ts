import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadFileRoles } from '../../src/core/file-roles.js';
import type { Git } from '../../src/core/git.js';
import { realPorts } from '../helpers/tools.js';

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'vouch-roles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const gitWith = (atBase: Record<string, string>): Git =>
  ({
    showAt: (_ref: string, path: string) =>
      Promise.resolve(atBase[path] === undefined ? undefined : Buffer.from(atBase[path])),
  }) as unknown as Git;

const FILES = { '.gitattributes': 'src/** linguist-vendored\n', 'src/app.py': 'import os\n' };
const discovery = { files: Object.keys(FILES).sort(), skipped: [] };

describe('loadFileRoles', () => {
  it("reads the repository's .gitattributes outside pull requests", async () => {
    const { roles, notes } = await loadFileRoles({ root: repo(FILES), discovery, ports: realPorts() });
    expect(await roles.roleOf('src/app.py')).toBe('vendored');
    expect(notes).toEqual([]);
  });

  it('does not let a pull request mark its own code vendored: an added .gitattributes is ignored', async () => {
    const { roles, notes } = await loadFileRoles({
      root: repo(FILES),
      discovery,
      ports: realPorts(),
      base: { ref: 'base', git: gitWith({}) },
    });
    expect(await roles.roleOf('src/app.py')).toBe('source');
    expect(notes).toEqual([
      '.gitattributes is added by this change and is not trusted to set file roles; it takes effect once merged',
    ]);
  });

  it("uses the base branch's version of a .gitattributes the pull request changed", async () => {
    const { roles, notes } = await loadFileRoles({
      root: repo(FILES),
      discovery,
      ports: realPorts(),
      base: { ref: 'base', git: gitWith({ '.gitattributes': 'docs/** linguist-documentation\n' }) },
    });
    expect(await roles.roleOf('src/app.py')).toBe('source');
    expect(notes[0]).toMatch(/changed by this change; file roles are read from the base branch's version/);
  });

  it('reads an unchanged .gitattributes on a pull request as it is, without a note', async () => {
    const { roles, notes } = await loadFileRoles({
      root: repo(FILES),
      discovery,
      ports: realPorts(),
      base: { ref: 'base', git: gitWith({ '.gitattributes': FILES['.gitattributes'] }) },
    });
    expect(await roles.roleOf('src/app.py')).toBe('vendored');
    expect(notes).toEqual([]);
  });
});
