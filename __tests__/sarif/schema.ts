import { formatViolation, sarifViolations } from '../../src/sarif/validate.js';

/** Schema violations of a SARIF log, as `<JSON pointer> <message>` lines; empty when valid. */
export function validateSarif(log: unknown): string[] {
  return sarifViolations(log).map(formatViolation);
}
