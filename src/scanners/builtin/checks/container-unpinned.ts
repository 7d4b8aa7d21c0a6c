import type { LineCounter, Scalar } from 'yaml';
import meta from '../../../../data/checks/container-unpinned.json' with { type: 'json' };
import type { Detection, Region, RuleDescriptor } from '../../../findings/finding.js';
import { defineCheck, parseYaml, scalarRegion, SKIP, type CheckFile, type CheckResult } from '../check.js';
import { dockerfileImages, type ImageUse } from '../dockerfile-images.js';
import { isDockerfile, parseDockerfile } from '../dockerfile.js';
import { imagePinning, shown, substitute } from '../image-reference.js';
import { composeImages, kubernetesImages, looksLikeKubernetes } from '../manifest-images.js';

const COMPOSE = /(?:^|\/)(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i;
const YAML = /\.ya?ml$/i;
/** GitHub workflows and action metadata are YAML but never Kubernetes manifests (their images: actions-unpinned). */
const GITHUB_YAML = /^\.github\/|(?:^|\/)action\.ya?ml$/;

function appliesTo(path: string): boolean {
  return isDockerfile(path) || (YAML.test(path) && !GITHUB_YAML.test(path));
}

interface Context {
  readonly file: CheckFile;
  readonly rule: RuleDescriptor;
}

function detection(
  context: Context,
  found: { reference: string; via?: string; region: Region | undefined; evidence: string },
): Detection[] {
  const pinning = imagePinning(found.reference);
  if (pinning?.kind !== 'floating') return [];
  const via = found.via === undefined ? '' : `${found.via}; `;
  return [
    {
      ruleId: context.rule.id,
      message: `Unpinned container image: ${via}${pinning.reason}`,
      location: { path: context.file.path, ...(found.region === undefined ? {} : { region: found.region }) },
      ...(pinning.severity === 'medium' ? { severity: 'medium' as const } : {}),
      evidence: found.evidence,
    },
  ];
}

function regionOf(use: ImageUse): Region {
  const start = use.instruction.position(use.start);
  const end = use.instruction.position(use.end);
  return { startLine: start.line, startColumn: start.col, endLine: end.line, endColumn: end.col };
}

function dockerfileDetections(context: Context): Detection[] {
  return dockerfileImages(parseDockerfile(context.file.text)).flatMap((use) =>
    detection(context, {
      reference: use.reference,
      ...(use.via === undefined ? {} : { via: use.via }),
      region: regionOf(use),
      evidence: `${use.instruction.keyword === 'FROM' ? 'FROM ' : 'COPY --from='}${shown(use.written)}`,
    }),
  );
}

/** Compose interpolates `${VAR:-default}` from the environment; without a default the image is unknown. */
function yamlDetections(
  context: Context,
  images: readonly Scalar<string>[],
  lines: LineCounter,
): Detection[] {
  return images.flatMap((scalar) => {
    const written = scalar.value.trim();
    if (written.includes('{{')) return [];
    const reference = substitute(written, () => undefined);
    if (reference === undefined) return [];
    const via =
      reference === written ? undefined : `\`${shown(written)}\` is \`${shown(reference)}\` by default`;
    return detection(context, {
      reference,
      ...(via === undefined ? {} : { via }),
      region: scalarRegion(scalar, lines),
      evidence: `image: ${shown(written)}`,
    });
  });
}

function manifestResult(context: Context, compose: boolean): CheckResult {
  const { file } = context;
  if (!compose && !looksLikeKubernetes(file.text)) return SKIP;
  const parsed = parseYaml(file);
  if (parsed.kind === 'unparsable') {
    // Helm and other templates are not manifests until rendered: not worth a note.
    return file.text.includes('{{') ? SKIP : { detections: [], notes: [parsed.note] };
  }
  const images = compose ? composeImages(parsed.documents) : kubernetesImages(parsed.documents);
  const detections = yamlDetections(context, images, parsed.lines);
  return detections.length === 0 ? SKIP : { detections, notes: [] };
}

function run(file: CheckFile, rule: RuleDescriptor): CheckResult {
  const context = { file, rule };
  if (!isDockerfile(file.path)) return manifestResult(context, COMPOSE.test(file.path));
  const detections = dockerfileDetections(context);
  return detections.length === 0 ? SKIP : { detections, notes: [] };
}

export const containerUnpinned = defineCheck({ meta, appliesTo, run });
