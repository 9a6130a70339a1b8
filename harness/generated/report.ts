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
  /**
   * 2: findings carry their replay as data (format 1 had a command line).
   */
  format: 2;
  tool: {
    name: 'gwi-test';
    version: string;
  };
  adapter: {
    name: string;
    path: string;
    /**
     * The gateway interface the adapter speaks (its adapter.json interface); absent when the adapter could not be loaded.
     */
    interface?: string;
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
  replay: Replay;
}
/**
 * What reruns exactly this finding: the adapter, the entry (a property with its seed and fast-check path, or a fixed case) and the rule. The console renders it as a command line.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "replay".
 */
export interface Replay {
  /**
   * The adapter as the run named it (a folder or file).
   */
  adapter: string;
  rule: string;
  property?: string;
  /**
   * The shard's seed.
   */
  seed?: number;
  /**
   * fast-check's path to the shrunk counterexample.
   */
  path?: string;
  case?: string;
  timeoutMs?: number;
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
