import pins from '../../data/tools/pins.json' with { type: 'json' };

export interface GoInstall {
  readonly module: string;
  /** Set with -ldflags -X so `<binary> version` reports the pinned version; empty when the tool sets it itself. */
  readonly versionVariable?: string;
}

export interface PipInstall {
  readonly package: string;
  /** Hash-checked requirements, relative to Vouch's root. */
  readonly requirements: string;
  /** Lowest Python the requirements were resolved for. */
  readonly python: string;
}

export interface ToolPin {
  readonly id: string;
  readonly version: string;
  readonly binary: string;
  readonly versionArgs: readonly string[];
  readonly go?: GoInstall;
  readonly pip?: PipInstall;
  readonly informationUri: string;
}

const PINS: Readonly<Record<string, ToolPin>> = Object.fromEntries(
  Object.entries(pins)
    .filter(([id]) => !id.startsWith('$'))
    .map(([id, pin]) => [id, { id, ...(pin as unknown as Omit<ToolPin, 'id'>) }]),
);

export function toolPin(id: string): ToolPin | undefined {
  return PINS[id];
}

export function pinnedTools(): ToolPin[] {
  return Object.values(PINS);
}
