import { describe, expect, it } from '@jest/globals';
import { checkovArgs } from '../../../src/scanners/checkov/args.js';
import { checkovTargets, isCheckovCandidate } from '../../../src/scanners/checkov/targets.js';

const FILES = [
  'README.md',
  'app/server.py',
  'infra/main.tf',
  'infra/vars.tf',
  'infra/modules/db/main.tf',
  'k8s/deploy.yaml',
  'Dockerfile',
  'docker/api.Dockerfile',
  '.github/workflows/ci.yml',
];

describe('checkovTargets', () => {
  it('takes the changed files Checkov reads, and the whole module of a changed Terraform file', () => {
    expect(checkovTargets(['infra/main.tf', 'app/server.py', 'k8s/deploy.yaml'], FILES)).toEqual([
      'infra/main.tf',
      'infra/vars.tf',
      'k8s/deploy.yaml',
    ]);
  });

  it('is empty when nothing Checkov reads changed', () => {
    expect(checkovTargets(['README.md', 'app/server.py'], FILES)).toEqual([]);
  });

  it.each([
    'Dockerfile',
    'docker/api.Dockerfile',
    'Dockerfile.prod',
    '.github/workflows/ci.yml',
    'stack.template',
    'x.tf.json',
  ])('reads %s', (path) => {
    expect(isCheckovCandidate(path)).toBe(true);
  });
});

describe('checkovArgs on a pull request', () => {
  it('names each file instead of the directory', () => {
    const args = checkovArgs({ root: '/repo', outputDir: '/out', files: ['infra/main.tf', 'Dockerfile'] });
    expect(args.slice(0, 2)).toEqual(['--file=/repo/infra/main.tf', '--file=/repo/Dockerfile']);
    expect(args.some((arg) => arg.startsWith('--directory'))).toBe(false);
  });
});
