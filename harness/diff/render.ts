import type { DiffReport, Difference } from './run.ts';

const viewLine = (name: string, d: Difference) => {
  const view = d.views[name];
  const arrivals = view.arrivals.length === 0 ? 'nothing reached the application' : view.arrivals.map((a) => `${a.method} ${a.path}${a.query ? '?' + a.query : ''} body=${JSON.stringify(a.body)}${Object.keys(a.fields).length ? ' ' + JSON.stringify(a.fields) : ''}`).join(' | ');
  return `    ${name}: responses ${JSON.stringify(view.statuses)}${view.closed ? ', closed' : ', left open'}; ${arrivals}`;
};

/** The differences as text, disagreements first. */
export function formatDiff(report: DiffReport): string {
  const names = report.adapters.map((a) => a.name);
  const lines = [`gwi-test diff · ${report.adapters.map((a) => `${a.name}${Object.keys(a.versions).length ? ` (${Object.values(a.versions).join(', ')})` : ''}`).join(' vs ')} · seed ${report.seed}`, ''];
  const sorted = [...report.differences].sort((a, b) => Number(b.disagreement) - Number(a.disagreement));
  for (const d of sorted) {
    lines.push(`${d.disagreement ? 'DISAGREE' : 'DIFFER  '} ${d.rule} · ${d.mutation}`);
    lines.push(`    request: ${d.request}`);
    for (const name of names) lines.push(viewLine(name, d));
    lines.push(`    groups: ${d.groups.map((g) => g.join(' = ')).join('  ≠  ')}`, `    replay: ${d.replay}`, '');
  }
  if (report.differences.length === 0 && report.errors.length === 0) lines.push('no difference in what the applications saw', '');
  const disagreements = report.differences.filter((d) => d.disagreement).length;
  lines.push(`${report.differences.length} difference(s), ${disagreements} where two servers passed different requests to their applications · ${report.inputs} inputs · ${(report.durationMs / 1000).toFixed(1)} s · exit ${report.exitCode}`);
  return lines.join('\n') + '\n';
}

/** The same, as Markdown for a job summary. */
export function diffMarkdown(report: DiffReport): string {
  const names = report.adapters.map((a) => a.name);
  const out = [`## gwi-test diff: ${names.join(' vs ')}`, '', `seed ${report.seed}, ${report.inputs} inputs, ${report.differences.length} difference(s)`, ''];
  for (const d of report.differences) {
    out.push(`### ${d.disagreement ? 'Disagreement' : 'Difference'}: \`${d.rule}\``, '', d.mutation, '', '```', d.request, '```', '', '| server | responses | closed | what the application saw |', '| --- | --- | --- | --- |');
    for (const name of names) {
      const v = d.views[name];
      out.push(`| ${name} | ${v.statuses.join(', ') || '(none)'} | ${v.closed ? 'yes' : 'no'} | ${v.arrivals.map((a) => `${a.method} ${a.path} (${a.body.length} body octets)`).join('; ') || 'nothing'} |`);
    }
    out.push('', `Replay: \`${d.replay}\``, '');
  }
  return out.join('\n');
}
