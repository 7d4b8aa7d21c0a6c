import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CheckovReportError, parseCheckovReport } from '../../../src/scanners/checkov/parse.js';

const recorded = (name: string): string => readFileSync(`__fixtures__/checkov/${name}`, 'utf8');

describe('parseCheckovReport', () => {
  it('reads a recorded single-framework object (Checkov 3.3.30, one Dockerfile)', () => {
    const report = parseCheckovReport(recorded('report-dockerfile.json'));
    expect(report.frameworks).toHaveLength(1);
    const [framework] = report.frameworks;
    expect(framework?.checkType).toBe('dockerfile');
    expect(framework?.failed.map((r) => [r.checkId, r.filePath, r.lineRange])).toEqual([
      ['CKV_DOCKER_7', '/docker/Dockerfile', [1, 1]],
      ['CKV_DOCKER_4', '/docker/Dockerfile', [3, 3]],
      ['CKV_DOCKER_2', '/docker/Dockerfile', [1, 5]],
      ['CKV_DOCKER_3', '/docker/Dockerfile', [1, 5]],
    ]);
    expect(framework?.failed[1]).toEqual({
      checkType: 'dockerfile',
      checkId: 'CKV_DOCKER_4',
      checkName: 'Ensure that COPY is used instead of ADD in Dockerfiles',
      filePath: '/docker/Dockerfile',
      absolutePath: '/tmp/vouch-checkov-fixture/docker/Dockerfile',
      lineRange: [3, 3],
      resource: '/docker/Dockerfile.ADD',
    });
    expect(framework?.skipped).toEqual([]);
    expect(framework?.parsingErrors).toEqual([]);
  });

  it('reads a recorded array of frameworks with parsing errors and inline skips', () => {
    const report = parseCheckovReport(recorded('report-repo.json'));
    const byType = new Map(report.frameworks.map((framework) => [framework.checkType, framework]));
    expect([...byType.keys()].sort()).toEqual([
      'cloudformation',
      'dockerfile',
      'github_actions',
      'kubernetes',
      'secrets',
      'terraform',
    ]);
    const terraform = byType.get('terraform');
    expect(terraform?.parsingErrors).toEqual(['/tmp/vouch-checkov-fixture/broken/invalid.tf']);
    expect(terraform?.skipped.map((r) => [r.checkId, r.filePath, r.lineRange])).toEqual([
      ['CKV_AWS_20', '/suppressed/main.tf', [1, 5]],
    ]);
    expect(byType.get('github_actions')?.failed.map((r) => [r.checkId, r.lineRange])).toEqual([
      ['CKV_GHA_2', [8, 11]],
      ['CKV2_GHA_1', [0, 1]],
    ]);
    const failed = report.frameworks.reduce((sum, framework) => sum + framework.failed.length, 0);
    expect(failed).toBe(58);
  });

  it('keeps a secret result to its id and place: the resource is a hash, the code block is never read', () => {
    const report = parseCheckovReport(recorded('report-repo.json'));
    const secrets = report.frameworks.find((framework) => framework.checkType === 'secrets');
    expect(secrets?.failed.map((r) => [r.checkId, r.filePath, r.lineRange])).toEqual([
      ['CKV_SECRET_2', '/infra/provider.tf', [3, 4]],
      ['CKV_SECRET_6', '/infra/provider.tf', [4, 5]],
    ]);
    const planted = JSON.stringify({
      check_type: 'secrets',
      results: {
        failed_checks: [
          {
            check_id: 'CKV_SECRET_2',
            check_name: 'AWS Access Key',
            file_path: '/a.tf',
            file_line_range: [1, 2],
            code_block: [[1, 'key = "AKIAHUNTER2HUNTER2XX"']],
            check_result: { result: 'FAILED', entity: { key: 'AKIAHUNTER2HUNTER2XX' } },
            details: ['AKIAHUNTER2HUNTER2XX'],
          },
        ],
      },
    });
    expect(JSON.stringify(parseCheckovReport(planted))).not.toContain('HUNTER2');
  });

  it("reads Checkov's bare summary, written when nothing was scanned, as no frameworks", () => {
    expect(parseCheckovReport(recorded('report-no-files.json'))).toEqual({
      frameworks: [],
      summaryOnly: true,
    });
  });

  it('reads the path from file_abs_path when file_path is missing', () => {
    const text = JSON.stringify({
      check_type: 'dockerfile',
      results: { failed_checks: [{ check_id: 'CKV_DOCKER_2', file_abs_path: '/repo/Dockerfile' }] },
    });
    expect(parseCheckovReport(text).frameworks[0]?.failed[0]).toEqual({
      checkType: 'dockerfile',
      checkId: 'CKV_DOCKER_2',
      checkName: 'CKV_DOCKER_2',
      absolutePath: '/repo/Dockerfile',
    });
  });

  it('locates a result without a usable line range at the file and ignores a guideline that is not a URL', () => {
    const text = JSON.stringify({
      check_type: 'terraform',
      results: {
        failed_checks: [
          { check_id: 'CKV_X', file_path: '/a.tf', file_line_range: [3], guideline: 'see the docs' },
          {
            check_id: 'CKV_Y',
            file_path: '/a.tf',
            file_line_range: null,
            guideline: 'https://example.test/y',
          },
        ],
      },
    });
    const [x, y] = parseCheckovReport(text).frameworks[0]?.failed ?? [];
    expect(x).toEqual({ checkType: 'terraform', checkId: 'CKV_X', checkName: 'CKV_X', filePath: '/a.tf' });
    expect(y).toMatchObject({ checkId: 'CKV_Y', guideline: 'https://example.test/y' });
    expect(y).not.toHaveProperty('lineRange');
  });

  it.each([
    ['not JSON', '{"check_type": ', /not JSON/],
    ['a string', '"done"', /neither a JSON object nor an array/],
    ['an object of another shape', '{"version": 1}', /neither framework results nor a summary/],
    ['a summary claiming failures', '{"passed": 0, "failed": 3}', /summary of 3 failed checks/],
    ['a framework that is not an object', '[42]', /report\[0\] is not an object/],
    ['a missing check_type', '[{"results": {"failed_checks": []}}]', /report\[0\]\.check_type/],
    ['missing results', '{"check_type": "terraform"}', /report\.results is not an object/],
    [
      'failed_checks that is not an array',
      '{"check_type": "terraform", "results": {"failed_checks": {}}}',
      /results\.failed_checks is missing or not an array/,
    ],
    [
      'a result without check_id',
      '{"check_type": "terraform", "results": {"failed_checks": [{"file_path": "/a.tf"}]}}',
      /failed_checks\[0\]\.check_id/,
    ],
    [
      'a skipped result without file_path',
      '{"check_type": "terraform", "results": {"failed_checks": [], "skipped_checks": [{"check_id": "C"}]}}',
      /skipped_checks\[0\] has neither file_path nor file_abs_path/,
    ],
    ['an empty list, which Checkov never writes', '[]', /report is an empty list/],
  ])('rejects %s with a message naming the problem', (_label, text, message) => {
    expect(() => parseCheckovReport(text)).toThrow(CheckovReportError);
    expect(() => parseCheckovReport(text)).toThrow(message);
  });
});
