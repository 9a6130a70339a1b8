/* Generated from spec/report.schema.json by npm run gen:types. Do not edit. */

/**
 * xfail: failed (or warned) as the adapter's expectations file says; xpass: listed there but no longer fails — a stale expectation, which fails the run.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "verdict".
 */
export type Verdict = 'pass' | 'fail' | 'warn' | 'info' | 'skip' | 'error' | 'xfail' | 'xpass';

/**
 * The result of one gwi-test run against one adapter (report format version 1).
 */
export interface Report {
  format: 1;
  tool: {
    name: 'gwi-test';
    version: string;
  };
  adapter: {
    name: string;
    path: string;
    versions: {
      [k: string]: string;
    };
  };
  seed: number;
  startedAt: string;
  durationMs: number;
  summary: {
    pass: number;
    fail: number;
    warn: number;
    info: number;
    skip: number;
    error: number;
    xfail: number;
    xpass: number;
  };
  results: RuleResult[];
  errors: HarnessErrorRecord[];
  exitCode: 0 | 1 | 2;
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "ruleResult".
 */
export interface RuleResult {
  ruleId: string;
  level: 'MUST' | 'MUST NOT' | 'SHOULD' | 'SHOULD NOT' | 'MAY';
  requirement: string;
  links: string[];
  verdict: Verdict;
  /**
   * How many requests checked this rule.
   */
  cases: number;
  /**
   * Why the rule was skipped or errored.
   */
  reason?: string;
  /**
   * For profile rules: each value the implementation chose, with how often.
   */
  profile?: {
    [k: string]: number;
  };
  findings: Finding[];
  expectation?: Expectation;
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "finding".
 */
export interface Finding {
  message: string;
  expected: unknown;
  actual: unknown;
  /**
   * JSON pointer into the observation (probe report or response).
   */
  pointer: string;
  /**
   * The raw request bytes, with C-style escapes for octets outside printable ASCII.
   */
  request: string;
  /**
   * A command that sends this request again.
   */
  replay: string;
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "expectation".
 */
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
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "harnessError".
 */
export interface HarnessErrorRecord {
  code: string;
  message: string;
  hint?: string;
}
