import type { SarifLevel } from '../../sarif/types.js';

/** Narrowing of parsed JSON: each returns the value when it has the expected type, else a neutral one. */

export type Bag = Readonly<Record<string, unknown>>;

export function record(value: unknown): Bag | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Bag) : undefined;
}

export function bag(value: unknown): Bag {
  return record(value) ?? {};
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function level(value: unknown): SarifLevel | undefined {
  return value === 'none' || value === 'note' || value === 'warning' || value === 'error' ? value : undefined;
}
