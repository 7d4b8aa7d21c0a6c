import { PackageURL } from 'packageurl-js';

/**
 * `pkg:npm/%40scope/name@version`: the npm scope is the purl namespace, and packageurl-js percent-encodes its
 * `@` (https://github.com/package-url/purl-spec/blob/main/PURL-TYPES.rst#npm). Undefined when the name or
 * version cannot make a purl, which the caller reports.
 */
export function npmPurl(name: string, version: string): string | undefined {
  if (name === '' || version === '') return undefined;
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  if (name.startsWith('@') && (slash < 2 || slash === name.length - 1)) return undefined;
  const namespace = slash > 0 ? name.slice(0, slash) : undefined;
  try {
    return new PackageURL('npm', namespace, name.slice(slash + 1), version).toString();
  } catch {
    return undefined;
  }
}

/** `@scope/name@range` or `name@range` → [name, range]; the name's own leading `@` is not a separator. */
export function splitDescriptor(descriptor: string): [string, string] | undefined {
  const at = descriptor.indexOf('@', 1);
  if (at < 1) return undefined;
  return [descriptor.slice(0, at), descriptor.slice(at + 1)];
}
