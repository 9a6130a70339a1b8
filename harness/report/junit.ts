import { replayLine } from './replayLine.ts';
import { create } from 'xmlbuilder2';
import type { Report } from '../generated/report.ts';

/** JUnit XML for CI dashboards: one testcase per rule, named by its id; fail = failure, warn = failure only with strict. */
export function formatJunit(report: Report, strict: boolean): string {
  const failing = (verdict: string) => verdict === 'fail' || verdict === 'xpass' || (strict && verdict === 'warn');
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', { name: 'gwi-test', time: (report.durationMs / 1000).toFixed(3) });
  const suite = root.ele('testsuite', {
    name: `gwi-test ${report.adapter.name}`,
    tests: report.results.length,
    failures: report.results.filter((r) => failing(r.verdict)).length,
    errors: report.results.filter((r) => r.verdict === 'error').length + report.errors.length,
    skipped: report.results.filter((r) => r.verdict === 'skip' || r.verdict === 'xfail').length,
    timestamp: report.startedAt,
  });
  const props = suite.ele('properties');
  props.ele('property', { name: 'seed', value: String(report.seed) });
  for (const [name, version] of Object.entries(report.adapter.versions)) props.ele('property', { name: `version.${name}`, value: version });
  for (const result of report.results) {
    const testcase = suite.ele('testcase', { name: result.ruleId, classname: `${report.adapter.name}.${result.level.replace(' ', '_')}` });
    const details = result.findings
      .map((f) => [f.message, `expected ${JSON.stringify(f.expected)}`, `actual ${JSON.stringify(f.actual)}`, `at ${f.pointer}`, `request ${f.request}`, `replay ${replayLine(f.replay)}`].join('\n'))
      .join('\n\n');
    if (failing(result.verdict)) testcase.ele('failure', { message: result.verdict === 'xpass' ? (result.reason ?? 'stale expectation') : result.requirement, type: result.level }).txt(details);
    else if (result.verdict === 'xfail') testcase.ele('skipped', { message: `expected failure: ${result.expectation?.reason ?? ''}` });
    else if (result.verdict === 'error') testcase.ele('error', { message: result.reason ?? 'error' });
    else if (result.verdict === 'skip') testcase.ele('skipped', { message: result.reason ?? '' });
    else if (result.verdict === 'warn' || result.verdict === 'info') {
      const profile = result.profile ? `profile: ${JSON.stringify(result.profile)}\n` : '';
      testcase.ele('system-out').txt(`${result.verdict}: ${result.requirement}\n${profile}${details}`);
    }
  }
  for (const error of report.errors) {
    suite.ele('testcase', { name: error.code, classname: `${report.adapter.name}.harness` }).ele('error', { message: error.message }).txt(error.hint ?? '');
  }
  return root.end({ prettyPrint: true });
}
