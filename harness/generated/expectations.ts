/* Generated from spec/expectations.schema.json by npm run gen:types. Do not edit. */

/**
 * Known failures of one implementation (expectations.json beside its adapter): listed rules that fail as stated do not fail the run; listed rules that no longer fail do.
 */
export interface ExpectationsFile {
  $schema?: string;
  format: 1;
  expected: Expectation[];
}
export interface Expectation {
  /**
   * A rule id.
   */
  rule: string;
  /**
   * What the rule is known to give.
   */
  verdict: 'fail' | 'warn';
  reason: string;
  issue?: string;
}
