import { resolve } from 'node:path';
import { GwiError } from '../errors.ts';
import type { Finding, Report } from '../generated/report.ts';
import { parseRequest, unescapeOctets } from '../http/request.ts';
import { parseCli } from '../cli/options.ts';
import { loadAdapter } from '../adapter/load.ts';
import { runConformance } from './conformance.ts';
import { saveRegression } from './regressions.ts';
import { wsgiSuite } from '../wsgi/suite.ts';

export type ReplayStatus = 'fixed' | 'still failing' | 'flaky';

export interface ReplayOutcome {
  ruleId: string;
  replay: string;
  failed: number;
  repeats: number;
  status: ReplayStatus;
  /** The regression file written with --save. */
  saved?: string;
}

/** The options a finding's replay line stands for (everything after `npx gwi-test`). */
export function replayOptions(finding: Finding) {
  const words = finding.replay.split(' ');
  const start = words.indexOf('gwi-test');
  if (start < 0) throw new GwiError('GWI_USAGE', `not a gwi-test replay line: ${finding.replay}`, 'pass a report written by --reporter json');
  return parseCli(words.slice(start + 1));
}

/**
 * Run one finding's replay `repeats` times against its adapter: fixed (never fails), still failing (always), or
 * flaky (sometimes). With `save`, a still-failing property or case counterexample goes to the adapter's regressions/.
 */
export async function replayFinding(ruleId: string, finding: Finding, options: { repeats: number; save: boolean; cwd?: string }): Promise<ReplayOutcome> {
  const parsed = replayOptions(finding);
  const adapterPath = resolve(options.cwd ?? '.', parsed.adapter!);
  let failed = 0;
  for (let i = 0; i < options.repeats; i++) {
    const report = await runConformance({ adapter: adapterPath, rules: [ruleId], properties: parsed.properties, cases: parsed.cases, seed: parsed.seed, path: parsed.path, timeoutMs: parsed.timeoutMs });
    if (report.errors.length > 0) throw new GwiError(report.errors[0].code as GwiError['code'], report.errors[0].message, report.errors[0].hint ?? '');
    const result = report.results.find((r) => r.ruleId === ruleId);
    if (result && result.findings.length > 0) failed += 1;
  }
  const status: ReplayStatus = failed === 0 ? 'fixed' : failed === options.repeats ? 'still failing' : 'flaky';
  const outcome: ReplayOutcome = { ruleId, replay: finding.replay, failed, repeats: options.repeats, status };
  if (options.save && status !== 'fixed') {
    const entry = parsed.properties[0] ?? parsed.cases[0];
    const request = parseRequest(unescapeOctets(finding.request));
    const kind = wsgiSuite.find((e) => e.id === entry)?.kind;
    if (!entry || !request || kind === undefined || kind === 'scenario') throw new GwiError('GWI_USAGE', `the finding of ${ruleId} cannot be saved as a fixed case`, 'scenarios already run every time; findings of properties and cases can be saved');
    const adapter = await loadAdapter(adapterPath);
    outcome.saved = saveRegression(adapter.dir, { entry, rule: ruleId, from: finding.replay, request });
  }
  return outcome;
}

/** Every finding of a report (or of the rules under a prefix), replayed. */
export async function replayReport(report: Report, options: { rules: string[]; repeats: number; save: boolean; cwd?: string }): Promise<ReplayOutcome[]> {
  const wanted = (id: string) => options.rules.length === 0 || options.rules.some((p) => id.startsWith(p));
  const outcomes: ReplayOutcome[] = [];
  for (const result of report.results.filter((r) => wanted(r.ruleId) && r.findings.length > 0)) {
    outcomes.push(await replayFinding(result.ruleId, result.findings[0], options));
  }
  return outcomes;
}
