import { replayLine } from './replayLine.ts';
import type { Report, RuleResult } from '../generated/report.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
const code = (text: string) => '`' + text.replace(/`/g, "'") + '`';

function findingRows(results: RuleResult[]): string[] {
  return results.flatMap((r) =>
    r.findings.slice(0, 1).map((f) => `| ${code(r.ruleId)} | ${r.level} | ${cell(r.requirement)} | ${cell(f.message)}<br>expected ${code(JSON.stringify(f.expected) ?? '')}, actual ${code(JSON.stringify(f.actual) ?? '')} | ${code(replayLine(f.replay))} |`),
  );
}

/** A Markdown summary for CI job pages (GitHub's $GITHUB_STEP_SUMMARY): counts, then problems worst first, then profiles. */
export function formatMarkdown(report: Report): string {
  const s = report.summary;
  const ok = report.exitCode === 0;
  const versions = Object.entries(report.adapter.versions).map(([k, v]) => `${k} ${v}`).join(', ');
  const out = [
    `## gwi-test: ${report.adapter.name}${versions ? ` (${versions})` : ''} ${ok ? '✅' : report.exitCode === 1 ? '❌ non-conformant' : '⚠️ error'}`,
    '',
    '| fail | xpass | warn | xfail | info | skip | pass | error |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${s.fail} | ${s.xpass} | ${s.warn} | ${s.xfail} | ${s.info} | ${s.skip} | ${s.pass} | ${s.error} |`,
    '',
    `Seed ${report.seed} · ${(report.durationMs / 1000).toFixed(1)} s · gwi-test ${report.tool.version}`,
  ];
  for (const error of report.errors) out.push('', `> **${error.code}**: ${cell(error.message.split('\n')[0])}${error.hint ? `<br>${cell(error.hint)}` : ''}`);
  const sections: Array<[string, RuleResult[]]> = [
    ['Failures (MUST)', report.results.filter((r) => r.verdict === 'fail')],
    ['Stale expectations', report.results.filter((r) => r.verdict === 'xpass')],
    ['Warnings (SHOULD)', report.results.filter((r) => r.verdict === 'warn')],
  ];
  for (const [title, results] of sections) {
    if (results.length === 0) continue;
    out.push('', `### ${title}`, '');
    if (title === 'Stale expectations') {
      out.push(...results.map((r) => `- ${code(r.ruleId)}: ${cell(r.reason ?? '')}`));
      continue;
    }
    out.push('| Rule | Level | Requirement | Finding | Replay |', '| --- | --- | --- | --- | --- |', ...findingRows(results));
  }
  const expected = report.results.filter((r) => r.verdict === 'xfail');
  if (expected.length > 0) out.push('', '<details><summary>Known failures (expectations file)</summary>', '', ...expected.map((r) => `- ${code(r.ruleId)}: ${cell(r.expectation?.reason ?? '')}`), '', '</details>');
  const profiled = report.results.filter((r) => r.profile && r.verdict === 'info');
  if (profiled.length > 0) {
    out.push('', '<details><summary>Behaviour profile (choices the spec leaves open)</summary>', '', '| Rule | Recorded |', '| --- | --- |');
    out.push(...profiled.map((r) => `| ${code(r.ruleId)} | ${cell(Object.entries(r.profile ?? {}).map(([k, n]) => `${k} (${n})`).join(', '))} |`), '', '</details>');
  }
  return out.join('\n') + '\n';
}
