/** Plan assertions: statements about zones checked against the derived rules, reported as findings. */
export { ASSERTION_CODE, assertionText, evaluateAssertions, violations, withAssertionFindings } from './evaluate.ts';
