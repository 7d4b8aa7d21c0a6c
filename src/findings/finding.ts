import type { FileRole } from './roles.js';
import type { Severity } from './severity.js';

/** 1-based lines and columns, as SARIF and editors count them. */
export interface Region {
  readonly startLine: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export interface Location {
  /** Repository-relative POSIX path; never absolute, never containing `..`. */
  readonly path: string;
  readonly region?: Region;
}

export type Precision = 'very-high' | 'high' | 'medium' | 'low';

/**
 * For secret findings: `placeholder` when the matched value reads as a documented stand-in (`your-api-key`,
 * `AKIAIOSFODNN7EXAMPLE`, `xxxx`, `${TOKEN}`), `live` otherwise. Only ever this word leaves the adapter.
 */
export type SecretKind = 'live' | 'placeholder';

/** What a rule is, independent of any one result: the source of SARIF `tool.driver.rules[]`. */
export interface RuleDescriptor {
  /** `<tool>/<rule>` */
  readonly id: string;
  readonly name: string;
  readonly shortDescription: string;
  readonly fullDescription: string;
  /** Markdown. */
  readonly help: string;
  readonly helpUri?: string;
  readonly severity: Severity;
  readonly securitySeverity: number;
  readonly precision: Precision;
  /** `CWE-<n>` ids. */
  readonly cwe: readonly string[];
  /** OWASP ASVS 5.0.0 requirement ids, `v5.0.0-<chapter>.<section>.<req>`. */
  readonly asvs: readonly string[];
  readonly tags: readonly string[];
}

/** What an adapter reports: one result of one rule, before enrichment. */
export interface Detection {
  readonly ruleId: string;
  readonly message: string;
  readonly location: Location;
  /** Overrides the rule's severity for this result (e.g. a CVSS score per advisory). */
  readonly severity?: Severity;
  readonly securitySeverity?: number;
  /** Already redacted: adapters never put a secret value here. */
  readonly evidence?: string;
  readonly secret?: SecretKind;
  /** Found in the patch of this commit of the change, not in the tree as it is now. */
  readonly commit?: string;
}

/** The one finding model every tool's results become. */
export interface Finding {
  readonly tool: string;
  readonly ruleId: string;
  readonly message: string;
  readonly severity: Severity;
  readonly securitySeverity: number;
  readonly location: Location;
  readonly cwe: readonly string[];
  readonly owasp2021: readonly string[];
  readonly owasp2025: readonly string[];
  readonly asvs: readonly string[];
  /** Vouch's stable identity of the finding (rule + path + line content), used by baselines and suppressions. */
  readonly fingerprint: string;
  /** GitHub's `primaryLocationLineHash` for the finding's start line, when the file could be read. */
  readonly lineHash?: string;
  readonly evidence?: string;
  /** Other tools that reported the same problem at the same place. */
  readonly alsoReportedBy: readonly string[];
  /** What the file it is in is for (src/findings/roles.ts). */
  readonly role: FileRole;
  readonly secret?: SecretKind;
  /** A secret the change committed and a later commit of it removed from the tree: that commit. */
  readonly commit?: string;
}
