import type { Instruction } from './dockerfile.js';
import { hasDigest, shown, substitute } from './image-reference.js';

/** An image a Dockerfile pulls: the base of a stage (`FROM`) or a source of files (`COPY --from=`). */
export interface ImageUse {
  readonly instruction: Instruction;
  /** Where the reference is written, as offsets in the instruction's text. */
  readonly start: number;
  readonly end: number;
  readonly written: string;
  /** After ARG substitution. */
  readonly reference: string;
  /** How ARG defaults produced `reference`, when they did. */
  readonly via?: string;
}

interface Word {
  readonly value: string;
  readonly start: number;
}

interface Arg {
  readonly value: string | undefined;
  readonly line: number;
}

const words = (text: string): Word[] =>
  [...text.matchAll(/\S+/g)].map((match) => ({ value: match[0], start: match.index }));

const unquote = (value: string): string => value.replace(/^(["'])(.*)\1$/, '$2');

/** `ARG NAME` and `ARG NAME=default`, several per instruction allowed. */
function readArgs(instruction: Instruction, args: Map<string, Arg>): void {
  for (const { value } of words(instruction.text)) {
    const equals = value.indexOf('=');
    const name = equals < 0 ? value : value.slice(0, equals);
    // A default may use earlier ARGs; one that uses an unknown value is unknown itself.
    const fallback =
      equals < 0
        ? undefined
        : substitute(unquote(value.slice(equals + 1)), (known) => args.get(known)?.value);
    args.set(name, { value: fallback, line: instruction.line });
  }
}

/** `scratch` is no image, and stage names are case-insensitive references to earlier stages. */
const isLocal = (reference: string, stages: ReadonlySet<string>): boolean =>
  reference.toLowerCase() === 'scratch' || stages.has(reference.toLowerCase());

function resolved(
  written: string,
  args: ReadonlyMap<string, Arg>,
  stages: ReadonlySet<string>,
): Pick<ImageUse, 'reference' | 'via'> | undefined {
  if (isLocal(written, stages)) return undefined;
  if (!written.includes('$')) return { reference: written };
  // Whatever the variables hold, a digest pins the image; without defaults the image is unknown here.
  if (hasDigest(written)) return undefined;
  const reference = substitute(written, (name) => args.get(name)?.value);
  if (reference === undefined || isLocal(reference, stages)) return undefined;
  const used = [...written.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].flatMap(([, name]) => {
    const arg = name === undefined ? undefined : args.get(name);
    return arg === undefined ? [] : [`ARG ${name} (line ${arg.line})`];
  });
  const via = `\`${shown(written)}\` is \`${shown(reference)}\` by the default of ${[...new Set(used)].join(', ')}`;
  return { reference, via };
}

function fromImage(instruction: Instruction, args: ReadonlyMap<string, Arg>, stages: Set<string>) {
  const all = words(instruction.text);
  const at = all.findIndex((word) => !word.value.startsWith('--'));
  const image = all[at];
  const alias = all[at + 1]?.value.toLowerCase() === 'as' ? all[at + 2]?.value : undefined;
  const use = image && resolved(image.value, args, stages);
  if (alias !== undefined) stages.add(alias.toLowerCase());
  if (!image || !use) return [];
  return [
    { instruction, start: image.start, end: image.start + image.value.length, written: image.value, ...use },
  ];
}

function copyFrom(instruction: Instruction, stages: ReadonlySet<string>): ImageUse[] {
  const flag = words(instruction.text).find((word) => word.value.toLowerCase().startsWith('--from='));
  if (flag === undefined) return [];
  const written = flag.value.slice('--from='.length);
  // A number is a stage index; variables are not expanded in --from.
  if (written === '' || /^\d+$/.test(written) || written.includes('$') || isLocal(written, stages)) return [];
  const start = flag.start + '--from='.length;
  return [{ instruction, start, end: start + written.length, written, reference: written }];
}

export function dockerfileImages(instructions: readonly Instruction[]): ImageUse[] {
  // Only ARGs declared before the first FROM can be used in FROM lines.
  const args = new Map<string, Arg>();
  const stages = new Set<string>();
  let inStage = false;
  return instructions.flatMap((instruction) => {
    if (instruction.keyword === 'ARG' && !inStage) readArgs(instruction, args);
    if (instruction.keyword === 'COPY') return copyFrom(instruction, stages);
    if (instruction.keyword !== 'FROM') return [];
    inStage = true;
    return fromImage(instruction, args, stages);
  });
}
