/**
 * What one check concluded about one rule for one input. `ok: false` is a deviation;
 * `profile` records the choice made where the spec leaves one; `inconclusive` says why the rule could not be judged here.
 * Interface-neutral: every plugin's checks produce these, the ledger counts them.
 */
export interface Outcome {
  ruleId: string;
  ok: boolean;
  pointer: string;
  expected?: unknown;
  actual?: unknown;
  message?: string;
  profile?: string;
  inconclusive?: string;
}

/** Shorthand for an outcome that holds. */
export function pass(ruleId: string, pointer: string, extra: Partial<Outcome> = {}): Outcome {
  return { ruleId, ok: true, pointer, ...extra };
}

/** Shorthand for a deviation. */
export function deviation(ruleId: string, pointer: string, message: string, expected: unknown, actual: unknown): Outcome {
  return { ruleId, ok: false, pointer, message, expected, actual };
}

/** ok or deviation, from a condition. */
export function expectThat(ruleId: string, pointer: string, holds: boolean, message: string, expected: unknown, actual: unknown): Outcome {
  return holds ? pass(ruleId, pointer) : deviation(ruleId, pointer, message, expected, actual);
}
