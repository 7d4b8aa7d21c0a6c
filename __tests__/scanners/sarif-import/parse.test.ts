import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem } from '../../../src/core/node-file-system.js';
import { parseSarif, readSarif } from '../../../src/scanners/sarif-import/parse.js';
import { FIXTURES, sarifLog } from './helpers.js';

function fixture(name: string): string {
  return readFileSync(`${FIXTURES}/${name}`, 'utf8');
}

function invalidMessage(content: string): string {
  const read = parseSarif(content, 'reports/x.sarif');
  if (read.kind !== 'invalid') throw new Error('expected the document to be refused');
  return read.message;
}

describe('parseSarif', () => {
  it('reads the runs of valid SARIF, with a byte order mark too', () => {
    const read = parseSarif(`\uFEFF${fixture('bandit-1.9.4.sarif')}`, 'b.sarif');
    expect(
      read.kind === 'parsed' ? read.runs.map((run) => [run.driver.name, run.results?.length]) : read,
    ).toEqual([['Bandit', 5]]);
  });

  it('names the file and where JSON parsing stopped', () => {
    expect(invalidMessage(fixture('invalid-json.sarif'))).toBe(
      'reports/x.sarif is not valid JSON (it ends too early)',
    );
    expect(invalidMessage('{"version": "2.1.0",, }')).toMatch(
      /^reports\/x\.sarif is not valid JSON \(syntax error at position 20 \(line 1 column 21\)\)$/,
    );
  });

  it('never quotes the content of a file that is not JSON', () => {
    expect(invalidMessage('root:x:0:0:root:/root:/bin/bash')).not.toContain('root:x');
    expect(invalidMessage('AWS_SECRET=abc123\n')).not.toContain('abc123');
  });

  it('names the file and the first schema violation with its JSON pointer', () => {
    expect(invalidMessage(fixture('schema-invalid.sarif'))).toBe(
      'reports/x.sarif is not valid SARIF 2.1.0: /version must be equal to one of the allowed values: "2.1.0"',
    );
    const badLevel = sarifLog({ results: [{ message: { text: 'm' }, level: 'critical' }] });
    expect(invalidMessage(badLevel)).toBe(
      'reports/x.sarif is not valid SARIF 2.1.0: /runs/0/results/0/level must be equal to one of the allowed values: "none", "note", "warning", "error"',
    );
    expect(invalidMessage('[]')).toBe('reports/x.sarif is not valid SARIF 2.1.0: / must be object');
  });

  it('refuses a document nested deeply enough to exhaust the validator, without throwing', () => {
    // `exception.innerExceptions` is recursive in the schema, so the validator recurses with the data.
    const depth = 20_000;
    const exception = `${'{"innerExceptions":['.repeat(depth)}{}${']}'.repeat(depth)}`;
    const invocation = `{"executionSuccessful":true,"toolExecutionNotifications":[{"message":{"text":"m"},"exception":${exception}}]}`;
    const log = `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":[],"invocations":[${invocation}]}]}`;
    expect(parseSarif(log, 'deep.sarif')).toEqual({
      kind: 'invalid',
      message: 'deep.sarif could not be checked against the SARIF 2.1.0 schema (nested too deeply)',
    });
  });
});

describe('readSarif', () => {
  let dir: string;
  const fs = new NodeFileSystem();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vouch-sarif-read-'));
    writeFileSync(join(dir, 'ok.sarif'), fixture('suppressed.sarif'));
    writeFileSync(join(dir, 'big.sarif'), Buffer.alloc(3 * 1024 * 1024, 0x20));
    symlinkSync(join(dir, 'ok.sarif'), join(dir, 'link.sarif'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a file through the FileSystem port', async () => {
    expect((await readSarif(fs, join(dir, 'ok.sarif'), 'ok.sarif')).kind).toBe('parsed');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const read = await readSarif(fs, join(dir, 'big.sarif'), 'big.sarif', 1024 * 1024);
    expect(read).toEqual({
      kind: 'invalid',
      message:
        'big.sarif is 3 MB, over the 1 MB limit for imported SARIF; split the analysis or filter its results',
    });
  });

  it('refuses missing files and symbolic links', async () => {
    expect(await readSarif(fs, join(dir, 'gone.sarif'), 'gone.sarif')).toEqual({
      kind: 'invalid',
      message: 'gone.sarif no longer exists',
    });
    expect(await readSarif(fs, join(dir, 'link.sarif'), 'link.sarif')).toEqual({
      kind: 'invalid',
      message: 'link.sarif is not a regular file (symlink)',
    });
  });
});
