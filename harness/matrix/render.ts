import { replayLine } from '../report/replayLine.ts';
import { escapeHtml } from '../report/html.ts';
import type { Report, RuleResult } from '../generated/report.ts';
import { loadCatalogue, type CatalogueRule } from '../spec/catalogue.ts';
import { toolVersion } from '../spec/paths.ts';
import { registeredInterfaces } from '../engine/plugin.ts';

const symbols: Record<RuleResult['verdict'], string> = { pass: '✓', fail: '✗ fail', warn: '! warn', info: 'ℹ', skip: '– skip', error: '⚠ error', xfail: '✗ xfail', xpass: '✓ xpass' };
const md = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const anchor = (adapter: string, ruleId: string) => `${adapter}--${ruleId}`;

/** What a cell says: the verdict, and for info the recorded choice, for skip the reason. */
function cellText(result: RuleResult | undefined): string {
  if (!result) return '';
  if (result.verdict === 'info' && result.profile) return `ℹ ${Object.keys(result.profile).join('; ')}`;
  return symbols[result.verdict];
}

function rows(reports: Report[]): Array<[string, CatalogueRule[]]> {
  const ids = new Set(reports.flatMap((r) => r.results.map((x) => x.ruleId)));
  const sections = new Map<string, CatalogueRule[]>();
  for (const rule of loadCatalogue().values()) {
    if (!ids.has(rule.id)) continue;
    sections.set(rule.section, [...(sections.get(rule.section) ?? []), rule]);
  }
  return [...sections.entries()];
}

/** The reports grouped by the interface their adapters speak, each group one matrix. */
function byInterface(reports: Report[]): Array<[string, Report[]]> {
  const groups = new Map<string, Report[]>();
  for (const report of reports) {
    const name = report.adapter.interface ?? 'wsgi';
    groups.set(name, [...(groups.get(name) ?? []), report]);
  }
  // in the registry's order (WSGI first), whatever order the reports came in
  const order = registeredInterfaces().map((plugin) => plugin.name);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

/** The interface's own spelling (Rack, PSGI), from its plugin's title; an unknown one as given. */
const title = (name: string) => `${registeredInterfaces().find((plugin) => plugin.name === name)?.title.split(' ')[0] ?? name.toUpperCase()} conformance matrix`;

const heading = (report: Report) => `${report.adapter.name}${Object.keys(report.adapter.versions).length ? ` (${Object.values(report.adapter.versions).join(', ')})` : ''}`;

/** The matrices as Markdown, one per interface: implementations as columns, rules as rows grouped as the spec is. */
export function matrixMarkdown(reports: Report[]): string {
  return byInterface(reports).map(([name, group]) => interfaceMarkdown(name, group)).join('\n');
}

function interfaceMarkdown(name: string, reports: Report[]): string {
  const out = [`# ${title(name)}`, '', `gwi-test ${toolVersion}. ✓ pass · ✗ fail (MUST) · ! warn (SHOULD) · ℹ behaviour the spec leaves open · – skipped.`, ''];
  out.push(`| Rule | Level | ${reports.map((r) => md(heading(r))).join(' | ')} |`, `| --- | --- | ${reports.map(() => '---').join(' | ')} |`);
  for (const [section, rules] of rows(reports)) {
    out.push(`| **${md(section)}** | | ${reports.map(() => '').join(' | ')} |`);
    for (const rule of rules) {
      out.push(`| \`${rule.id}\` | ${rule.level} | ${reports.map((r) => md(cellText(r.results.find((x) => x.ruleId === rule.id)))).join(' | ')} |`);
    }
  }
  const totals = reports.map((r) => `${r.summary.fail} fail, ${r.summary.warn} warn`);
  out.push(`| **Totals** | | ${totals.join(' | ')} |`);
  return out.join('\n') + '\n';
}

const style = `body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}table{border-collapse:collapse}
th,td{border:1px solid #ddd;padding:.2rem .45rem;vertical-align:top}th{background:#f4f4f4;position:sticky;top:0}
td.section{background:#fafafa;font-weight:600}code{font:12px ui-monospace,monospace}
.pass{background:#e9f7ec}.fail,.xpass{background:#ffdede}.warn{background:#fff3cf}.info{background:#e8f2ff}.skip{color:#777}.error{background:#f3e0ff}.xfail{background:#f1f1f1}
.finding{border-top:1px solid #ddd;padding:.5rem 0}.finding pre{white-space:pre-wrap;background:#f6f6f6;padding:.4rem}`;

/** The matrices as one self-contained HTML page, one table per interface; each failing cell links to its finding and reproducer. */
export function matrixHtml(reports: Report[]): string {
  const groups = byInterface(reports);
  const names = groups.map(([name]) => name.toUpperCase()).join(' and ');
  const findings = reports.flatMap((report) =>
    report.results.filter((r) => r.findings.length > 0).map((r) => {
      const f = r.findings[0];
      return `<div class="finding" id="${escapeHtml(anchor(report.adapter.name, r.ruleId))}"><h3>${escapeHtml(report.adapter.name)}: <code>${escapeHtml(r.ruleId)}</code> (${r.verdict})</h3>
<p>${escapeHtml(r.requirement)}</p><p>${escapeHtml(f.message)}</p>
<pre>expected ${escapeHtml(JSON.stringify(f.expected) ?? '')}\nactual   ${escapeHtml(JSON.stringify(f.actual) ?? '')}\nrequest  ${escapeHtml(f.request)}</pre>
<p>Reproduce: <code class="replay">${escapeHtml(replayLine(f.replay))}</code></p></div>`;
    }),
  );
  const tables = groups.map(([name, group]) => {
    const { header, body } = interfaceHtml(group);
    return `${groups.length > 1 ? `<h2>${escapeHtml(title(name))}</h2>` : ''}<table><thead>${header}</thead><tbody>${body}</tbody></table>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(names)} conformance matrix</title><style>${style}</style></head>
<body><h1>${escapeHtml(names)} conformance matrix</h1><p>gwi-test ${escapeHtml(toolVersion)}. ✓ pass · ✗ fail (MUST) · ! warn (SHOULD) · ℹ behaviour the spec leaves open · – skipped (hover for the reason).</p>
${tables.join('\n')}
<h2>Findings</h2>${findings.join('\n') || '<p>None.</p>'}</body></html>
`;
}

function interfaceHtml(reports: Report[]): { header: string; body: string } {
  const header = `<tr><th>Rule</th><th>Level</th>${reports.map((r) => `<th>${escapeHtml(heading(r))}</th>`).join('')}</tr>`;
  const body = rows(reports).map(([section, rules]) => {
    const lines = rules.map((rule) => {
      const cells = reports.map((report) => {
        const result = report.results.find((x) => x.ruleId === rule.id);
        if (!result) return '<td></td>';
        const text = escapeHtml(cellText(result));
        const title = escapeHtml(result.reason ?? result.findings[0]?.message ?? '');
        const inner = result.findings.length > 0 ? `<a href="#${escapeHtml(anchor(report.adapter.name, rule.id))}">${text}</a>` : text;
        return `<td class="${result.verdict}" data-adapter="${escapeHtml(report.adapter.name)}" title="${title}">${inner}</td>`;
      });
      return `<tr id="${escapeHtml(rule.id)}"><td><code>${escapeHtml(rule.id)}</code></td><td>${rule.level}</td>${cells.join('')}</tr>`;
    });
    return `<tr><td class="section" colspan="${reports.length + 2}">${escapeHtml(section)}</td></tr>\n${lines.join('\n')}`;
  });
  return { header, body: body.join('\n') };
}
