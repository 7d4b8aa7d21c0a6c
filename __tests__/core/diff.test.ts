import { describe, expect, it } from '@jest/globals';
import { addedLines } from '../../src/core/diff.js';

describe('addedLines', () => {
  it('reads the new-side lines of every hunk, for modified and new files', () => {
    const diff = [
      'diff --git a/src/a.py b/src/a.py',
      '--- a/src/a.py',
      '+++ b/src/a.py',
      '@@ -3 +3 @@ def f():',
      '-old',
      '+new',
      '@@ -10,0 +11,2 @@',
      '+added one',
      '+added two',
      'diff --git a/new.js b/new.js',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/new.js',
      '@@ -0,0 +1,3 @@',
      '+a',
      '+b',
      '+c',
    ].join('\n');
    const lines = addedLines(diff);
    expect([...(lines.get('src/a.py') ?? [])]).toEqual([3, 11, 12]);
    expect([...(lines.get('new.js') ?? [])]).toEqual([1, 2, 3]);
  });

  it('records nothing for pure deletions and deleted files', () => {
    const diff = [
      '--- a/gone.py',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '-x',
      '-y',
      '--- a/b.py',
      '+++ b/b.py',
      '@@ -4,2 +3,0 @@',
      '-z',
    ].join('\n');
    const lines = addedLines(diff);
    expect(lines.has('gone.py')).toBe(false);
    expect([...(lines.get('b.py') ?? [])]).toEqual([]);
  });

  it("unquotes git's C-style quoted paths, including octal UTF-8 bytes", () => {
    const diff = [
      '+++ "b/dir/tab\\there.py"',
      '@@ -0,0 +1 @@',
      '+x',
      '+++ "b/caf\\303\\251.py"',
      '@@ -0,0 +2 @@',
      '+y',
    ].join('\n');
    const lines = addedLines(diff);
    expect([...lines.keys()]).toEqual(['dir/tab\there.py', 'café.py']);
  });
});
