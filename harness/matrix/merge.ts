import type { Report, RuleResult, Verdict } from '../generated/report.ts';

/** Worst first: the verdict a rule gets when shards disagree. */
const precedence: Verdict[] = ['error', 'fail', 'xpass', 'warn', 'xfail', 'info', 'pass', 'skip'];

function mergeResult(a: RuleResult, b: RuleResult): RuleResult {
  const verdict = precedence[Math.min(precedence.indexOf(a.verdict), precedence.indexOf(b.verdict))];
  const profile = { ...(a.profile ?? {}) };
  for (const [key, n] of Object.entries(b.profile ?? {})) profile[key] = (profile[key] ?? 0) + n;
  const reason = verdict === a.verdict ? a.reason : b.reason;
  return {
    ...a, verdict, cases: a.cases + b.cases, findings: [...a.findings, ...b.findings],
    ...(Object.keys(profile).length > 0 ? { profile } : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(a.expectation ?? b.expectation ? { expectation: a.expectation ?? b.expectation } : {}),
  };
}

/** The reports of one adapter's shards as one report: results per rule combined, worst verdict kept. */
export function mergeShards(reports: Report[]): Report {
  const [first, ...rest] = reports;
  const byRule = new Map(first.results.map((r) => [r.ruleId, r]));
  for (const report of rest) {
    for (const result of report.results) {
      const known = byRule.get(result.ruleId);
      byRule.set(result.ruleId, known ? mergeResult(known, result) : result);
    }
  }
  const results = [...byRule.values()];
  const summary = { pass: 0, fail: 0, warn: 0, info: 0, skip: 0, error: 0, xfail: 0, xpass: 0 };
  for (const result of results) summary[result.verdict] += 1;
  const errors = reports.flatMap((r) => r.errors);
  const exitCode = Math.max(...reports.map((r) => r.exitCode)) as Report['exitCode'];
  return { ...first, durationMs: Math.max(...reports.map((r) => r.durationMs)), results, summary, errors, exitCode };
}

/** Reports grouped by adapter name, shards merged. */
export function byAdapter(reports: Report[]): Report[] {
  const groups = new Map<string, Report[]>();
  for (const report of reports) groups.set(report.adapter.name, [...(groups.get(report.adapter.name) ?? []), report]);
  return [...groups.values()].map(mergeShards);
}
