import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GwiError } from '../core/errors.ts';
import type { Expectation, ExpectationsFile } from '../generated/expectations.ts';
import type { Report, RuleResult } from '../generated/report.ts';
import { describeErrors, validators } from '../spec/schemas.ts';

export type { Expectation } from '../generated/expectations.ts';

/** The expectations file of an adapter: `expectations.json` in its folder unless a path is given. */
export const expectationsPath = (adapterDir: string, given?: string) => given ?? join(adapterDir, 'expectations.json');

/** Known failures, validated against spec/expectations.schema.json and the rule catalogue; none when there is no file. */
export function loadExpectations(path: string, knownRules: Set<string>): Expectation[] {
  if (!existsSync(path)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new GwiError('GWI_EXPECTATIONS_INVALID', `${path} is not valid JSON: ${(error as Error).message}`, 'fix its syntax, or regenerate it with --update-expectations');
  }
  if (!validators.expectations(data)) {
    throw new GwiError('GWI_EXPECTATIONS_INVALID', `${path} does not match spec/expectations.schema.json: ${describeErrors(validators.expectations.errors).join('; ')}`, 'each entry needs rule, verdict (fail or warn) and reason');
  }
  const unknown = data.expected.filter((e) => !knownRules.has(e.rule)).map((e) => e.rule);
  if (unknown.length > 0) throw new GwiError('GWI_EXPECTATIONS_INVALID', `${path} names rules that do not exist: ${unknown.join(', ')}`, 'rule ids are listed in spec/ and in every report');
  return data.expected;
}

/**
 * A listed rule that fails as listed becomes xfail (it no longer fails the run); a listed rule that now passes
 * becomes xpass, which does: the list must shrink as the implementation improves.
 */
export function applyExpectations(results: RuleResult[], expectations: Expectation[]): RuleResult[] {
  const byRule = new Map(expectations.map((e) => [e.rule, e]));
  return results.map((result) => {
    const expectation = byRule.get(result.ruleId);
    if (!expectation) return result;
    if (result.verdict === expectation.verdict) return { ...result, verdict: 'xfail', expectation };
    if (result.verdict === 'pass' || result.verdict === 'info') {
      return { ...result, verdict: 'xpass', expectation, reason: `expected to ${expectation.verdict} (${expectation.reason}) but it passed: remove it from the expectations file` };
    }
    return { ...result, expectation };
  });
}

/** Write the run's fail and warn verdicts (and its xfails) as the expectations, keeping the reasons already given. */
export function writeExpectations(path: string, report: Report, previous: Expectation[]): number {
  const reasons = new Map(previous.map((e) => [e.rule, e]));
  const expected: Expectation[] = report.results
    .filter((r) => r.verdict === 'fail' || r.verdict === 'warn' || r.verdict === 'xfail')
    .map((r) => {
      const verdict = r.verdict === 'xfail' ? (r.expectation?.verdict ?? 'fail') : (r.verdict as 'fail' | 'warn');
      const known = reasons.get(r.ruleId);
      return { rule: r.ruleId, verdict, reason: known?.reason ?? `found by gwi-test ${report.tool.version} on ${report.startedAt.slice(0, 10)}: say why, or fix it`, ...(known?.issue ? { issue: known.issue } : {}) };
    });
  // rules this run did not look at (filtered out) keep their entries
  const ran = new Set(report.results.map((r) => r.ruleId));
  expected.push(...previous.filter((e) => !ran.has(e.rule)));
  expected.sort((a, b) => a.rule.localeCompare(b.rule));
  const file: ExpectationsFile = { format: 1, expected };
  writeFileSync(path, JSON.stringify(file, null, 2) + '\n');
  return expected.length;
}
