import { replayLine } from './replayLine.ts';
import type { Report } from '../generated/report.ts';

// GitHub's workflow commands: data escapes %, CR and LF; properties also : and ,.
const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error` / `::warning` lines naming the rule, which GitHub Actions shows as annotations on the run. */
export function formatAnnotations(report: Report): string {
  const lines: string[] = [];
  for (const r of report.results) {
    const kind = r.verdict === 'fail' || r.verdict === 'xpass' ? 'error' : r.verdict === 'warn' ? 'warning' : undefined;
    if (!kind) continue;
    const finding = r.findings[0];
    const detail = r.verdict === 'xpass' ? (r.reason ?? '') : finding ? `${finding.message}\nreplay: ${replayLine(finding.replay)}` : '';
    lines.push(`::${kind} title=${property(`gwi-test ${r.ruleId} [${r.level}]`)}::${data(`${r.requirement}\n${detail}\n${r.links.join(' ')}`)}`);
  }
  for (const e of report.errors) lines.push(`::error title=${property(`gwi-test ${e.code}`)}::${data(`${e.message}\n${e.hint ?? ''}`)}`);
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
