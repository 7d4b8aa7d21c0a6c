import type { SarifLevel } from '../../sarif/types.js';
import { bag, integer, level, list, record, text, type Bag } from './guards.js';

export type { Bag } from './guards.js';

/**
 * The part of a SARIF 2.1.0 log that ingestion reads, narrowed from `unknown` with guards. The schema
 * has already been checked, but the guards stay: they are what the types rest on, and a property bag
 * (`properties`) is free-form in the schema. Text that may hold a secret (`snippet`, `contextRegion`, the
 * `markdown` form of result messages) is never read.
 */

export interface ArtifactRef {
  readonly uri?: string;
  readonly uriBaseId?: string;
  readonly index?: number;
}

export interface ImportedRegion {
  readonly startLine?: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export interface ImportedLocation {
  readonly artifact: ArtifactRef;
  readonly region?: ImportedRegion;
}

export interface ComponentRef {
  readonly name?: string;
  readonly index?: number;
  readonly guid?: string;
}

/** A `reportingDescriptorReference`: a rule or taxon named by id and/or index within a component. */
export interface DescriptorRef {
  readonly id?: string;
  readonly index?: number;
  readonly toolComponent?: ComponentRef;
}

export interface ImportedMessage {
  readonly text?: string;
  readonly id?: string;
  readonly arguments: readonly string[];
}

/** A rule (`reportingDescriptor`) or a taxon. */
export interface ImportedDescriptor {
  readonly id: string;
  readonly name?: string;
  readonly shortDescription?: string;
  readonly fullDescription?: string;
  readonly help?: string;
  readonly helpUri?: string;
  readonly defaultLevel?: SarifLevel;
  readonly messageStrings: ReadonlyMap<string, string>;
  readonly relationships: readonly DescriptorRef[];
  readonly properties: Bag;
}

export interface ImportedComponent {
  readonly name: string;
  readonly guid?: string;
  readonly version?: string;
  readonly rules: readonly ImportedDescriptor[];
  readonly taxa: readonly ImportedDescriptor[];
  readonly globalMessageStrings: ReadonlyMap<string, string>;
}

export interface ImportedResult {
  readonly ruleId?: string;
  readonly ruleIndex?: number;
  readonly rule?: DescriptorRef;
  readonly kind?: string;
  readonly level?: SarifLevel;
  readonly message: ImportedMessage;
  readonly locations: readonly ImportedLocation[];
  /** `status` of each suppression; `undefined` where absent. */
  readonly suppressions: readonly (string | undefined)[];
  readonly baselineState?: string;
  readonly taxa: readonly DescriptorRef[];
  readonly properties: Bag;
}

export interface ImportedRun {
  readonly driver: ImportedComponent;
  readonly extensions: readonly ImportedComponent[];
  readonly taxonomies: readonly ImportedComponent[];
  readonly originalUriBaseIds: ReadonlyMap<string, ArtifactRef>;
  /** `run.artifacts[i].location`, which `artifactLocation.index` points into. */
  readonly artifacts: readonly (ArtifactRef | undefined)[];
  readonly executionFailed: boolean;
  /** Absent or null `results` means the tool did not produce results (SARIF §3.14.23). */
  readonly results?: readonly ImportedResult[];
}

/** A `multiformatMessageString`/`message`'s plain text; markdown is not read. */
function plain(value: unknown): string | undefined {
  return text(record(value)?.text);
}

function stringMap(value: unknown): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [key, entry] of Object.entries(bag(value))) {
    const entryText = plain(entry);
    if (entryText !== undefined) map.set(key, entryText);
  }
  return map;
}

function componentRef(value: unknown): ComponentRef | undefined {
  const item = record(value);
  if (!item) return undefined;
  return { name: text(item.name), index: integer(item.index), guid: text(item.guid) };
}

function descriptorRef(value: unknown): DescriptorRef | undefined {
  const item = record(value);
  if (!item) return undefined;
  return { id: text(item.id), index: integer(item.index), toolComponent: componentRef(item.toolComponent) };
}

function refs(values: unknown): DescriptorRef[] {
  return list(values).flatMap((value) => descriptorRef(value) ?? []);
}

function descriptor(value: unknown): ImportedDescriptor | undefined {
  const item = record(value);
  const id = text(item?.id);
  if (!item || id === undefined) return undefined;
  const help = record(item.help);
  return {
    id,
    name: text(item.name),
    shortDescription: plain(item.shortDescription),
    fullDescription: plain(item.fullDescription),
    help: text(help?.markdown) ?? text(help?.text),
    helpUri: text(item.helpUri),
    defaultLevel: level(record(item.defaultConfiguration)?.level),
    messageStrings: stringMap(item.messageStrings),
    relationships: list(item.relationships).flatMap(
      (relation) => descriptorRef(record(relation)?.target) ?? [],
    ),
    properties: bag(item.properties),
  };
}

function component(value: unknown): ImportedComponent {
  const item = bag(value);
  return {
    name: text(item.name) ?? '',
    guid: text(item.guid),
    version: text(item.semanticVersion) ?? text(item.version),
    rules: list(item.rules)
      .map(descriptor)
      .filter((rule) => rule !== undefined),
    taxa: list(item.taxa)
      .map(descriptor)
      .filter((taxon) => taxon !== undefined),
    globalMessageStrings: stringMap(item.globalMessageStrings),
  };
}

function artifactRef(value: unknown): ArtifactRef | undefined {
  const item = record(value);
  if (!item) return undefined;
  return { uri: text(item.uri), uriBaseId: text(item.uriBaseId), index: integer(item.index) };
}

function region(value: unknown): ImportedRegion | undefined {
  const item = record(value);
  if (!item) return undefined;
  return {
    startLine: integer(item.startLine),
    startColumn: integer(item.startColumn),
    endLine: integer(item.endLine),
    endColumn: integer(item.endColumn),
  };
}

function location(value: unknown): ImportedLocation | undefined {
  const physical = record(record(value)?.physicalLocation);
  const artifact = artifactRef(physical?.artifactLocation);
  if (!physical || !artifact) return undefined;
  return { artifact, region: region(physical.region) };
}

function message(value: unknown): ImportedMessage {
  const item = bag(value);
  const args = list(item.arguments).map((argument) => text(argument) ?? '');
  return { text: text(item.text), id: text(item.id), arguments: args };
}

function result(value: unknown): ImportedResult {
  const item = bag(value);
  return {
    ruleId: text(item.ruleId),
    ruleIndex: integer(item.ruleIndex),
    rule: descriptorRef(item.rule),
    kind: text(item.kind),
    level: level(item.level),
    message: message(item.message),
    locations: list(item.locations).flatMap((entry) => location(entry) ?? []),
    suppressions: list(item.suppressions).map((suppression) => text(record(suppression)?.status)),
    baselineState: text(item.baselineState),
    taxa: refs(item.taxa),
    properties: bag(item.properties),
  };
}

function uriBaseIds(value: unknown): ReadonlyMap<string, ArtifactRef> {
  const map = new Map<string, ArtifactRef>();
  for (const [key, entry] of Object.entries(bag(value))) {
    const ref = artifactRef(entry);
    if (ref) map.set(key, ref);
  }
  return map;
}

function run(value: unknown): ImportedRun {
  const item = bag(value);
  const tool = bag(item.tool);
  const results = Array.isArray(item.results) ? item.results.map(result) : undefined;
  return {
    driver: component(tool.driver),
    extensions: list(tool.extensions).map(component),
    taxonomies: list(item.taxonomies).map(component),
    originalUriBaseIds: uriBaseIds(item.originalUriBaseIds),
    artifacts: list(item.artifacts).map((artifact) => artifactRef(record(artifact)?.location)),
    executionFailed: list(item.invocations).some(
      (invocation) => record(invocation)?.executionSuccessful === false,
    ),
    ...(results ? { results } : {}),
  };
}

/** The runs of a schema-valid SARIF log. */
export function importedRuns(log: unknown): ImportedRun[] {
  return list(record(log)?.runs).map(run);
}
