import { resolve } from 'node:path';
import { GwiError } from '../core/errors.ts';
import type { Finding, Replay, Report } from '../generated/report.ts';
import { parseRequest, unescapeOctets } from '../http/request.ts';
import { loadAdapter } from '../adapter/load.ts';
import { replayLine } from '../report/replayLine.ts';
import { runConformance } from './conformance.ts';
import { pluginFor } from './plugin.ts';
import { saveRegression } from '../run/regressions.ts';

export type ReplayStatus = 'fixed' | 'still failing' | 'flaky';

export interface ReplayOutcome {
  ruleId: string;
  replay: Replay;
  failed: number;
  repeats: number;
  status: ReplayStatus;
  /** The regression file written with --save. */
  saved?: string;
}

/**
 * Run one finding's replay `repeats` times against its adapter: fixed (never fails), still failing (always), or
 * flaky (sometimes). With `save`, a still-failing property or case counterexample goes to the adapter's regressions/.
 */
export async function replayFinding(ruleId: string, finding: Finding, options: { repeats: number; save: boolean; cwd?: string }): Promise<ReplayOutcome> {
  const replay = finding.replay;
  const adapterPath = resolve(options.cwd ?? '.', replay.adapter);
  let failed = 0;
  for (let i = 0; i < options.repeats; i++) {
    const report = await runConformance({ adapter: adapterPath, rules: [ruleId], properties: replay.property ? [replay.property] : [], cases: replay.case ? [replay.case] : [], seed: replay.seed, path: replay.path, timeoutMs: replay.timeoutMs });
    if (report.errors.length > 0) throw new GwiError(report.errors[0].code as GwiError['code'], report.errors[0].message, report.errors[0].hint ?? '');
    const result = report.results.find((r) => r.ruleId === ruleId);
    if (result && result.findings.length > 0) failed += 1;
  }
  const status: ReplayStatus = failed === 0 ? 'fixed' : failed === options.repeats ? 'still failing' : 'flaky';
  const outcome: ReplayOutcome = { ruleId, replay: finding.replay, failed, repeats: options.repeats, status };
  if (options.save && status !== 'fixed') {
    const entry = replay.property ?? replay.case;
    const request = parseRequest(unescapeOctets(finding.request));
    const adapter = await loadAdapter(adapterPath);
    const kind = pluginFor(adapter.config.interface).serverSuite().find((e) => e.id === entry)?.kind;
    if (!entry || !request || (kind !== 'property' && kind !== 'case')) throw new GwiError('GWI_USAGE', `the finding of ${ruleId} cannot be saved as a fixed case`, 'scenarios already run every time; findings of properties and cases can be saved');
    outcome.saved = saveRegression(adapter.dir, { entry, rule: ruleId, from: replayLine(replay), request });
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
