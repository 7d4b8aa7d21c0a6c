import { isAbsolute, join, relative } from 'node:path';
import type { Baseline } from '../policy/context.js';
import { parseBaseline } from '../policy/baseline.js';
import { isPreset, parsePolicy, parseSuppressions, policyLocation } from '../policy/load.js';
import type { Policy } from '../policy/policy.js';
import { ConfigError } from './errors.js';
import type { Git } from './git.js';
import type { FileSystem } from './ports.js';

export interface EffectivePolicyRequest {
  readonly spec: string;
  readonly root: string;
  readonly vouchRoot: string;
  readonly fs: FileSystem;
  /** Set on a pull request: files the change touched are read at this commit instead. */
  readonly base?: { readonly ref: string; readonly git: Git };
}

export interface EffectivePolicy {
  readonly policy: Policy;
  readonly baseline?: Baseline;
  readonly notes: readonly string[];
}

interface Trusted {
  readonly bytes: Buffer | undefined;
  readonly label: string;
  readonly note?: string;
}

/**
 * The policy, suppressions and baseline a change is judged by. A pull request cannot loosen its own gate:
 * when it changed one of these files, the base branch's version is used and the change is reported.
 */
export async function effectivePolicy(request: EffectivePolicyRequest): Promise<EffectivePolicy> {
  const notes: string[] = [];
  let policy: Policy;
  if (isPreset(request.spec)) {
    policy = await readPreset(request, request.spec);
  } else {
    const location = policyLocation({
      spec: request.spec,
      workspace: request.root,
      vouchRoot: request.vouchRoot,
    });
    const file = await trusted(request, location.path, 'policy');
    if (file.note) notes.push(file.note);
    policy = file.bytes ? parsePolicy(file.bytes, file.label) : await readPreset(request, 'default');
  }
  if (policy.suppressionsFile) {
    const file = await trusted(request, join(request.root, policy.suppressionsFile), 'suppressions file');
    if (file.note) notes.push(file.note);
    if (file.bytes)
      policy = {
        ...policy,
        suppressions: [...policy.suppressions, ...parseSuppressions(file.bytes, file.label)],
      };
  }
  let baseline: Baseline | undefined;
  if (policy.baseline) {
    const file = await trusted(request, join(request.root, policy.baseline), 'baseline');
    if (file.note) notes.push(file.note);
    if (file.bytes) baseline = parseBaseline(file.bytes, file.label);
  }
  return { policy, baseline, notes };
}

async function readPreset(request: EffectivePolicyRequest, name: string): Promise<Policy> {
  const { path, label } = policyLocation({
    spec: name,
    workspace: request.root,
    vouchRoot: request.vouchRoot,
  });
  return parsePolicy(await request.fs.readFile(path), label);
}

/** The file as the change may use it: current bytes normally; the base version when the change touched it. */
async function trusted(request: EffectivePolicyRequest, path: string, what: string): Promise<Trusted> {
  const rel = relative(request.root, path);
  const insideRepo = !rel.startsWith('..') && !isAbsolute(rel);
  const label = insideRepo ? rel : path;
  const current = await readIfPresent(request.fs, path, `${what} ${label}`);
  const atBase =
    request.base && insideRepo
      ? await request.base.git.showAt(request.base.ref, rel.split('\\').join('/'))
      : undefined;
  if (current === undefined && atBase === undefined)
    throw new ConfigError('INVALID_POLICY', `${what} ${label}: not found`);
  if (!request.base || !insideRepo) return { bytes: current, label };
  if (current !== undefined && atBase !== undefined && current.equals(atBase))
    return { bytes: current, label };
  if (atBase === undefined) {
    return {
      bytes: undefined,
      label,
      note: `${what} ${label} is added by this change and is not trusted to judge it; it takes effect once merged`,
    };
  }
  const note = `${what} ${label} is changed by this change; it is judged with the base branch's version, the new one takes effect once merged`;
  return { bytes: atBase, label: `${label}@base`, note };
}

async function readIfPresent(fs: FileSystem, path: string, what: string): Promise<Buffer | undefined> {
  if ((await fs.lstat(path)) === undefined) return undefined;
  try {
    return await fs.readFile(path);
  } catch (cause) {
    throw new ConfigError('INVALID_POLICY', `${what}: cannot be read (${(cause as Error).message})`, {
      cause,
    });
  }
}
