/** OCI image references as Dockerfiles, Compose files and Kubernetes manifests write them. */

const DIGEST = /@sha256:[0-9a-f]{64}$/i;
/** Registry, repository path, tag and digest characters; anything else is not an image reference to judge. */
const PLAUSIBLE = /^[A-Za-z0-9][A-Za-z0-9._\-/:@+]*$/;
const MAX_SHOWN = 200;
const PIN_ADVICE = 'pin it by digest, keeping the tag for readers';

export type ImagePinning =
  | { readonly kind: 'pinned' }
  | { readonly kind: 'floating'; readonly severity: 'high' | 'medium'; readonly reason: string };

export function shown(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

export function hasDigest(reference: string): boolean {
  return DIGEST.test(reference);
}

/**
 * Whether an image reference is pinned by digest; undefined when it is not a plausible reference at all
 * (empty, a template, an unresolved variable). `latest` and a missing tag are high: they change with every
 * push; a version tag is medium: tags are mutable, but someone chose a version.
 */
export function imagePinning(reference: string): ImagePinning | undefined {
  if (!PLAUSIBLE.test(reference)) return undefined;
  if (DIGEST.test(reference)) return { kind: 'pinned' };
  const quoted = `\`${shown(reference)}\``;
  const at = reference.indexOf('@');
  const named = at < 0 ? reference : reference.slice(0, at);
  const colon = named.indexOf(':', named.lastIndexOf('/') + 1);
  const name = shown(colon < 0 ? named : named.slice(0, colon));
  const tag = colon < 0 ? undefined : named.slice(colon + 1);
  const pinned = `\`${name}:${tag === undefined || tag === '' ? '<version>' : shown(tag)}@sha256:<digest>\``;
  if (at >= 0) {
    const reason = `${quoted} has a malformed digest, which pins nothing (a digest is \`@sha256:\` and 64 hex digits); ${PIN_ADVICE}: ${pinned}.`;
    return { kind: 'floating', severity: 'high', reason };
  }
  if (tag === undefined || tag === '') {
    const reason = `${quoted} names no tag, so it pulls whatever \`latest\` is at the time; ${PIN_ADVICE}: ${pinned}.`;
    return { kind: 'floating', severity: 'high', reason };
  }
  if (tag.toLowerCase() === 'latest') {
    const reason = `${quoted} follows the moving \`latest\` tag; pick a version and ${PIN_ADVICE}: \`${name}:<version>@sha256:<digest>\`.`;
    return { kind: 'floating', severity: 'high', reason };
  }
  const reason = `${quoted} is pinned by tag only, and a tag can be pushed again with different contents; ${PIN_ADVICE}: ${pinned}.`;
  return { kind: 'floating', severity: 'medium', reason };
}

const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Expands `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME-default}` and `${NAME:+alternative}` (the forms
 * Dockerfiles and Compose files share; `$$` is a literal `$`). Answers undefined when a value is unknown.
 */
export function substitute(text: string, known: (name: string) => string | undefined): string | undefined {
  const unknown: string[] = [];
  const result = text.replace(
    VARIABLE,
    (whole, braced?: string, operator?: string, word?: string, bare?: string) => {
      if (whole === '$$') return '$';
      const value = known(braced ?? bare ?? '');
      const set = value !== undefined && (value !== '' || operator?.startsWith(':') !== true);
      if (operator?.endsWith('+')) return set ? (word ?? '') : '';
      if (operator?.endsWith('-') && !set) return word ?? '';
      if (value === undefined) unknown.push(whole);
      return value ?? '';
    },
  );
  return unknown.length > 0 ? undefined : result;
}
