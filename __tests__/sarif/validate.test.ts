import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { formatViolation, sarifViolations } from '../../src/sarif/validate.js';

const minimal = { version: '2.1.0', runs: [{ tool: { driver: { name: 'T' } }, results: [] }] };

describe('the shipped SARIF schema', () => {
  it('is the official schema from @microsoft/jest-sarif, with its own id and title', () => {
    const upstream = createRequire(import.meta.url).resolve(
      '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
    );
    const shipped: unknown = JSON.parse(readFileSync('data/schemas/sarif-2.1.0.json', 'utf8'));
    expect(shipped).toEqual(JSON.parse(readFileSync(upstream, 'utf8')));
    expect(shipped).toMatchObject({
      id: 'https://raw.githubusercontent.com/schemastore/schemastore/master/src/schemas/json/sarif-2.1.0-rtm.5.json',
      title: 'Static Analysis Results Format (SARIF) Version 2.1.0-rtm.5 JSON Schema',
    });
  });
});

describe('sarifViolations', () => {
  it('accepts a minimal valid log', () => {
    expect(sarifViolations(minimal)).toEqual([]);
  });

  it('gives JSON pointers and readable messages, the enum values and unknown property names included', () => {
    const log = { ...minimal, version: '2.0', extra: true };
    expect(sarifViolations(log).map(formatViolation)).toEqual([
      '/ must NOT have additional properties: "extra"',
      '/version must be equal to one of the allowed values: "2.1.0"',
    ]);
  });

  it('stops at the limit', () => {
    const log = { version: '2.0', runs: [{ tool: {}, results: [{}] }] };
    expect(sarifViolations(log).length).toBeGreaterThan(2);
    expect(sarifViolations(log, 2)).toHaveLength(2);
  });

  it.each([
    ['an unencoded space in an artifact URI', 'src/my file.py'],
    ['a bad percent escape', 'src/a%ZZ.py'],
  ])('checks the uri-reference format: %s', (_what, uri) => {
    const log = {
      ...minimal,
      runs: [
        {
          tool: { driver: { name: 'T' } },
          results: [
            { message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri } } }] },
          ],
        },
      ],
    };
    expect(sarifViolations(log).map(formatViolation)).toEqual([
      '/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri must match format "uri-reference"',
    ]);
  });

  it('checks the uri and date-time formats', () => {
    const log = {
      ...minimal,
      runs: [
        {
          tool: { driver: { name: 'T', informationUri: 'not a uri' } },
          invocations: [{ executionSuccessful: true, endTimeUtc: 'yesterday' }],
          results: [],
        },
      ],
    };
    expect(sarifViolations(log).map((v) => v.pointer)).toEqual([
      '/runs/0/tool/driver/informationUri',
      '/runs/0/invocations/0/endTimeUtc',
    ]);
  });
});
