/**
 * The subset of SARIF 2.1.0 that Vouch emits
 * (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), plus what GitHub code scanning
 * reads from it. Property names follow the spec exactly, since these objects are serialised as they are.
 */

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export interface SarifMessage {
  readonly text: string;
  readonly markdown?: string;
}

/** SARIF property bags: free-form, JSON-serialisable values. */
export type SarifPropertyBag = Readonly<Record<string, unknown>>;

export interface SarifToolComponentReference {
  readonly name: string;
  readonly index?: number;
}

export interface SarifRelationship {
  readonly target: {
    readonly id: string;
    readonly index?: number;
    readonly toolComponent: SarifToolComponentReference;
  };
  readonly kinds: readonly string[];
}

/** A rule (in `driver.rules`) or a taxon (in a taxonomy's `taxa`). */
export interface SarifReportingDescriptor {
  readonly id: string;
  readonly name?: string;
  readonly shortDescription?: SarifMessage;
  readonly fullDescription?: SarifMessage;
  readonly help?: SarifMessage;
  readonly helpUri?: string;
  readonly defaultConfiguration?: { readonly level: SarifLevel };
  readonly relationships?: readonly SarifRelationship[];
  readonly properties?: SarifPropertyBag;
}

export interface SarifToolComponent {
  readonly name: string;
  readonly version?: string;
  readonly semanticVersion?: string;
  readonly informationUri?: string;
  readonly organization?: string;
  readonly shortDescription?: SarifMessage;
  readonly rules?: readonly SarifReportingDescriptor[];
  readonly taxa?: readonly SarifReportingDescriptor[];
  readonly supportedTaxonomies?: readonly SarifToolComponentReference[];
  readonly properties?: SarifPropertyBag;
}

export interface SarifRegion {
  readonly startLine: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export interface SarifLocation {
  readonly physicalLocation: {
    readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
    readonly region?: SarifRegion;
  };
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: SarifMessage;
  readonly locations: readonly SarifLocation[];
  readonly partialFingerprints?: Readonly<Record<string, string>>;
  readonly suppressions?: readonly SarifSuppression[];
  readonly baselineState?: 'new' | 'unchanged';
  readonly properties?: SarifPropertyBag;
}

export interface SarifSuppression {
  readonly kind: 'external';
  readonly status: 'accepted';
  readonly justification: string;
}

export interface SarifNotification {
  readonly level: SarifLevel;
  readonly message: SarifMessage;
}

export interface SarifInvocation {
  readonly executionSuccessful: boolean;
  readonly toolExecutionNotifications?: readonly SarifNotification[];
}

export interface SarifRun {
  readonly tool: { readonly driver: SarifToolComponent };
  /** The tool that turned the scanner's own output into this run: Vouch. */
  readonly conversion?: { readonly tool: { readonly driver: SarifToolComponent } };
  readonly automationDetails?: { readonly id: string };
  readonly taxonomies?: readonly SarifToolComponent[];
  readonly invocations?: readonly SarifInvocation[];
  readonly results: readonly SarifResult[];
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}
