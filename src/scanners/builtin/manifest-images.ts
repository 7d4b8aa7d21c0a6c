import { isSeq, type Document, type Scalar } from 'yaml';
import { entriesOf, entryOf, itemsOf, resolve, stringOf, stringScalar, valueOf } from './yaml-nodes.js';

/** Kubernetes lists of containers, wherever a pod template sits (Deployment, CronJob, Pod, operators' CRDs). */
const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const MAX_DEPTH = 64;

/** A cheap look at the text before parsing: only documents with top-level `apiVersion:` and `kind:` count. */
export function looksLikeKubernetes(text: string): boolean {
  return /^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text);
}

/** `services.<name>.image`, except for services that `build:` their image (their `image:` names the result). */
export function composeImages(documents: readonly Document.Parsed[]): Scalar<string>[] {
  const images = documents.flatMap((document) =>
    entriesOf(valueOf(document.contents, 'services', document), document).flatMap((service) => {
      if (entryOf(service.value, 'build', document) !== undefined) return [];
      const image = stringScalar(valueOf(service.value, 'image', document));
      return image === undefined ? [] : [image];
    }),
  );
  // A service reused through an alias is one place to fix: report its image once.
  return [...new Set(images)];
}

function imagesOfContainers(list: unknown, document: Document.Parsed): Scalar<string>[] {
  return itemsOf(list, document).flatMap((container) => {
    const image = stringScalar(valueOf(container, 'image', document));
    return image === undefined ? [] : [image];
  });
}

/** Walks a manifest once, each node at most once whatever the aliases, collecting containers' images. */
function walk(
  node: unknown,
  document: Document.Parsed,
  found: Map<Scalar, Scalar<string>>,
  seen: Set<unknown>,
) {
  const stack: { node: unknown; depth: number }[] = [{ node, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const current = resolve(next.node, document);
    if (next.depth > MAX_DEPTH || seen.has(current)) continue;
    seen.add(current);
    const children = isSeq(current)
      ? current.items
      : entriesOf(current, document).map((entry) => entry.value);
    for (const entry of entriesOf(current, document)) {
      if (!CONTAINER_LISTS.has(entry.key)) continue;
      for (const image of imagesOfContainers(entry.value, document)) found.set(image, image);
    }
    for (const child of children) stack.push({ node: child, depth: next.depth + 1 });
  }
}

/** Images of every container in every document that has an `apiVersion` and a `kind`. */
export function kubernetesImages(documents: readonly Document.Parsed[]): Scalar<string>[] {
  const found = new Map<Scalar, Scalar<string>>();
  const seen = new Set<unknown>();
  for (const document of documents) {
    const root = document.contents;
    if (stringOf(valueOf(root, 'apiVersion', document)) === undefined) continue;
    if (stringOf(valueOf(root, 'kind', document)) === undefined) continue;
    walk(root, document, found, seen);
  }
  return [...found.values()].sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}
