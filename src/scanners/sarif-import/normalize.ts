import type { Detection, Location, RuleDescriptor } from '../../findings/finding.js';
import { cweFromTaxonRef, ruleCwes } from './cwe.js';
import { createPlacer, type Placement, type Placer } from './locations.js';
import { isSecretRule, messageText, redactSecrets } from './messages.js';
import type { ImportedResult, ImportedRun } from './model.js';
import {
  describeRule,
  findRule,
  gradeResult,
  originalRuleId,
  raiseSeverity,
  securityScore,
  type Graded,
  toolSegment,
} from './rules.js';

/** Why a result of an imported run did not become a detection, for the notes. */
export interface SetAside {
  /** `suppressions` the tool recorded and nobody rejected or is reviewing (SARIF §3.27.23). */
  suppressed: number;
  /** `baselineState: absent`: the result is gone, reported only for comparison. */
  absent: number;
  /** `kind` pass or notApplicable: not a problem. */
  notProblems: number;
  /** Locations outside the repository (another tree, another host, a `..` escape). */
  outside: number;
  /** Inside the repository but in files Vouch's discovery left out (.gitignore, policy excludes). */
  excluded: number;
  /** Rule ids of results with no usable file location: Finding needs a file, GitHub a location. */
  readonly unlocated: Map<string, number>;
}

export function emptySetAside(): SetAside {
  return { suppressed: 0, absent: 0, notProblems: 0, outside: 0, excluded: 0, unlocated: new Map() };
}

export interface ImportTarget {
  /** Absolute repository root. */
  readonly root: string;
  /** Repository-relative paths discovery kept. */
  readonly files: ReadonlySet<string>;
}

/** A rule as first declared, and whether the tool scored it (then its results cannot raise it). */
export interface Declared {
  readonly rule: RuleDescriptor;
  readonly scored: boolean;
}

/** Rules of every imported run, keyed by Vouch rule id; the first declaration of an id wins. */
export class RuleBook {
  private readonly rules = new Map<string, Declared>();

  /**
   * Records that a result of rule `id` was reported: declares the rule on first sight, adds the CWE ids
   * of the result's own `taxa`, and raises an unscored rule to its most severe result. Returns the rule.
   */
  record(id: string, declare: () => Declared, graded: Graded, resultCwes: readonly string[]): RuleDescriptor {
    const entry = this.rules.get(id) ?? declare();
    const raised = raiseSeverity(entry.rule, graded, entry.scored);
    const cwe = [...new Set([...raised.cwe, ...resultCwes])];
    const rule = cwe.length === raised.cwe.length ? raised : { ...raised, cwe };
    this.rules.set(id, { rule, scored: entry.scored });
    return rule;
  }

  descriptors(): RuleDescriptor[] {
    return [...this.rules.values()]
      .map((entry) => entry.rule)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

function isSuppressed(result: ImportedResult): boolean {
  // Suppressed when at least one suppression exists and every one is accepted; an absent status counts as
  // accepted, as in Microsoft's SARIF SDK. One under review or rejected keeps the result a finding.
  return (
    result.suppressions.length > 0 &&
    result.suppressions.every((status) => status === undefined || status === 'accepted')
  );
}

/** A result the tool itself says is not a current problem; counted, not reported. */
function setAsideByTool(result: ImportedResult, setAside: SetAside): boolean {
  if (result.kind === 'pass' || result.kind === 'notApplicable') setAside.notProblems += 1;
  else if (result.baselineState === 'absent') setAside.absent += 1;
  else if (isSuppressed(result)) setAside.suppressed += 1;
  else return false;
  return true;
}

function placeOrSetAside(
  placement: Placement,
  ruleId: string,
  target: ImportTarget,
  setAside: SetAside,
): Location | undefined {
  if (placement.kind === 'outside') setAside.outside += 1;
  else if (placement.kind === 'none')
    setAside.unlocated.set(ruleId, (setAside.unlocated.get(ruleId) ?? 0) + 1);
  else if (!target.files.has(placement.location.path)) setAside.excluded += 1;
  else return placement.location;
  return undefined;
}

interface RunScope {
  readonly run: ImportedRun;
  readonly tool: string;
  readonly target: ImportTarget;
  readonly book: RuleBook;
  readonly setAside: SetAside;
  readonly placer: Placer;
}

function detectionOf(scope: RunScope, result: ImportedResult): Detection | undefined {
  const { run, tool } = scope;
  const rule = findRule(run, result);
  const originalId = originalRuleId(result, rule);
  const ruleId = `${tool}/${originalId}`;
  if (setAsideByTool(result, scope.setAside)) return undefined;
  const location = placeOrSetAside(
    scope.placer.place(result.locations),
    ruleId,
    scope.target,
    scope.setAside,
  );
  if (!location) return undefined;
  const graded = gradeResult(result, rule);
  const declare = (): Declared => ({
    rule: describeRule({
      ruleId,
      originalId,
      rule,
      driver: run.driver,
      tool,
      cwe: ruleCwes(run, rule),
      graded,
    }),
    scored: securityScore(rule?.properties) !== undefined,
  });
  const resultCwes = result.taxa.flatMap((ref) => cweFromTaxonRef(run, ref) ?? []);
  const recorded = scope.book.record(ruleId, declare, graded, resultCwes);
  const text =
    messageText(result.message, rule, [run.driver, ...run.extensions]) || recorded.shortDescription;
  const secret = isSecretRule({ id: originalId, name: rule?.name, tags: recorded.tags, cwe: recorded.cwe });
  return {
    ruleId,
    message: secret ? redactSecrets(text) : text,
    location,
    severity: graded.severity,
    securitySeverity: graded.securitySeverity,
  };
}

/**
 * Detections of one imported run. Rule ids are `<tool>/<the tool's rule id>`, the tool being
 * `tool.driver.name` made an id segment, so that results of several tools share the one `sarif` scanner
 * run without losing where each came from. Only results whose primary location is a file discovery
 * kept become detections; the others are counted in `setAside`.
 */
export function importRun(
  run: ImportedRun,
  target: ImportTarget,
  book: RuleBook,
  setAside: SetAside,
): Detection[] {
  const scope: RunScope = {
    run,
    tool: toolSegment(run.driver.name),
    target,
    book,
    setAside,
    placer: createPlacer(target.root, run),
  };
  return (run.results ?? []).flatMap((result) => detectionOf(scope, result) ?? []);
}
