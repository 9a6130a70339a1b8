import { replayLine } from './replayLine.ts';
import { styleText } from 'node:util';
import type { Report, RuleResult, Verdict } from '../generated/report.ts';
import type { ProgressEvent } from '../run/state.ts';

type Color = Parameters<typeof styleText>[0];
const colors: Record<Verdict, Color> = { pass: 'green', fail: 'red', warn: 'yellow', info: 'cyan', skip: 'gray', error: 'magenta', xfail: 'gray', xpass: 'red' };

export interface ConsoleOptions {
  color: boolean;
  verbose: boolean;
}

const paint = (on: boolean, color: Color, text: string) => (on ? styleText(color, text) : text);
const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? 'nothing');

/** One line per suite entry as it finishes, to stderr, so a long run shows it is alive. */
export function progressLine(event: ProgressEvent, color: boolean): string {
  switch (event.type) {
    case 'server-ready': {
      const versions = Object.entries(event.versions).map(([k, v]) => `${k} ${v}`).join(', ');
      return `${event.adapter} ${event.port === 0 ? 'loaded by the driver' : `ready on 127.0.0.1:${event.port}`}${versions ? ` (${versions})` : ''}`;
    }
    case 'entry-done':
      return `  ${paint(color, 'green', 'done')}  ${event.entry.kind} ${event.entry.id} ${paint(color, 'gray', `${event.ms} ms`)}`;
    case 'entry-error':
      return `  ${paint(color, 'magenta', 'error')} ${event.entry.kind} ${event.entry.id}: ${event.error.code}`;
  }
}

function ruleBlock(result: RuleResult, options: ConsoleOptions): string[] {
  const tag = paint(options.color, colors[result.verdict], result.verdict.toUpperCase().padEnd(5));
  const lines = [`${tag} ${result.ruleId} ${paint(options.color, 'gray', `[${result.level}]`)} ${result.requirement}`];
  const indent = '        ';
  if (result.verdict === 'skip' || result.verdict === 'error' || result.verdict === 'xpass') lines.push(`${indent}${result.reason ?? ''}`);
  if (result.verdict === 'xfail' && result.expectation) lines.push(`${indent}expected: ${result.expectation.reason}${result.expectation.issue ? ` (${result.expectation.issue})` : ''}`);
  if (result.profile && (result.verdict === 'info' || options.verbose || result.findings.length > 0)) {
    lines.push(`${indent}profile: ${Object.entries(result.profile).map(([k, n]) => `${k} (${n})`).join(', ')}`);
  }
  // one finding per rule keeps the summary on a screen; the JSON report has them all
  const shown = result.verdict === 'xfail' ? [] : options.verbose ? result.findings : result.findings.slice(0, 1);
  for (const finding of shown) {
    lines.push(
      `${indent}${finding.message}`,
      `${indent}  expected ${show(finding.expected)}`,
      `${indent}  actual   ${show(finding.actual)}`,
      `${indent}  at       ${finding.pointer}`,
      `${indent}  request  ${finding.request}`,
      `${indent}  replay   ${replayLine(finding.replay)}`,
    );
  }
  if (shown.length < result.findings.length && result.verdict !== 'xfail') lines.push(`${indent}(+${result.findings.length - shown.length} more: --verbose or --reporter json)`);
  if (result.findings.length > 0 && result.verdict !== 'xfail') lines.push(`${indent}${paint(options.color, 'gray', result.links.join(' '))}`);
  return lines;
}

export function errorBlock(error: { code: string; message: string; hint?: string }, color: boolean): string {
  return [`${paint(color, 'magenta', `error ${error.code}`)}: ${error.message}`, ...(error.hint ? [`  hint: ${error.hint}`] : [])].join('\n');
}

/** The human report: findings first, then the rest by verdict, then one summary line. Harness errors go to stderr, apart. */
export function formatConsole(report: Report, options: ConsoleOptions): string {
  const order: Verdict[] = ['fail', 'xpass', 'error', 'warn', 'xfail', 'info', 'skip', 'pass'];
  const shown = report.results
    .filter((r) => options.verbose || r.verdict !== 'pass')
    .sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict) || a.ruleId.localeCompare(b.ruleId));
  const versions = Object.entries(report.adapter.versions).map(([k, v]) => `${k} ${v}`).join(', ');
  const out = [`gwi-test ${report.tool.version} · ${report.adapter.name}${versions ? ` (${versions})` : ''} · seed ${report.seed}`, ''];
  for (const result of shown) out.push(...ruleBlock(result, options));
  const s = report.summary;
  const counts = (Object.keys(s) as Verdict[]).map((v) => paint(options.color && s[v] > 0, colors[v], `${s[v]} ${v}`)).join(', ');
  out.push('', `Rules: ${counts} · ${(report.durationMs / 1000).toFixed(1)} s · exit ${report.exitCode}`);
  return out.join('\n');
}
