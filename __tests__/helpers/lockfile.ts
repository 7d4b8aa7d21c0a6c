/** The parts of a package-lock.json v3 entry that decide whether `npm ci` can install it on every platform. */
interface LockEntry {
  readonly version?: string;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly os?: readonly string[];
  readonly cpu?: readonly string[];
}

export interface LockfileGap {
  /** The lockfile key of the package that lists the optional dependency (`""` is the root). */
  readonly dependent: string;
  readonly missing: string;
}

/**
 * Every optional dependency a locked package lists must itself be locked where Node would resolve it (the
 * package's own node_modules or one of its ancestors'). A lockfile written on one platform can leave out the
 * bindings for the others, and then `npm ci` refuses it on every machine ("Missing: … from lock file").
 */
export function missingOptionalDependencies(lockfile: unknown): LockfileGap[] {
  const packages = (lockfile as { packages?: Record<string, LockEntry> }).packages ?? {};
  const gaps: LockfileGap[] = [];
  for (const [key, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (resolve(packages, key, name) === undefined) gaps.push({ dependent: key, missing: name });
    }
  }
  return gaps;
}

function resolve(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (candidate in packages) return candidate;
    if (base === '') return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}
