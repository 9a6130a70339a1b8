import { escapeHtml } from '../report/html.ts';
import type { Report, Verdict } from '../generated/report.ts';
import { everyEntry, interfacesJudging } from '../engine/entries.ts';
import { loadCatalogue, sourceLabel, sourceLink, type CatalogueRule } from '../spec/catalogue.ts';
import { toolVersion } from '../spec/paths.ts';


interface RenderedRule {
  rule: CatalogueRule;
  /** What the harness does to check it, one line per suite entry. */
  checkedBy: string[];
  /** The interfaces whose runs judge it (a CGI meta-variable rule: wsgi and cgi). */
  interfaces: string[];
  /** adapter name → verdict (and the recorded profile, for info). */
  results: Array<{ adapter: string; verdict: Verdict; detail: string }>;
}

function sections(reports: Report[]): Array<[string, RenderedRule[]]> {
  const bySection = new Map<string, RenderedRule[]>();
  const judging = interfacesJudging();
  for (const rule of loadCatalogue().values()) {
    const interfaces = judging.get(rule.id) ?? [];
    const checkedBy = everyEntry().filter((entry) => entry.rules.includes(rule.id)).map((entry) => `${entry.kind} ${entry.id}: ${entry.does}`);
    const results = reports.flatMap((report) => {
      const result = report.results.find((r) => r.ruleId === rule.id);
      if (!result) return [];
      const detail = result.profile ? Object.keys(result.profile).join('; ') : (result.reason ?? result.findings[0]?.message ?? '');
      return [{ adapter: report.adapter.name, verdict: result.verdict, detail }];
    });
    const key = `${rule.section} (${rule.file})`;
    bySection.set(key, [...(bySection.get(key) ?? []), { rule, checkedBy, interfaces, results }]);
  }
  return [...bySection.entries()];
}

/** The spec as Markdown: a heading and an anchor per rule id, so issues can link to one rule. */
export function renderMarkdown(reports: Report[] = []): string {
  const out = [`# gwi-test: the gateway interface, rule by rule`, '', `Generated from \`spec/\` by gwi-test ${toolVersion}. Each rule has a stable id; link to it as \`#<id>\`.`, ''];
  for (const [section, rules] of sections(reports)) {
    out.push(`## ${section}`, '');
    for (const { rule, checkedBy, interfaces, results } of rules) {
      out.push(`### <a id="${rule.id}"></a>\`${rule.id}\``, '', `**${rule.level}**${rule.kind === 'profile' ? ' (profile: recorded, not judged)' : ''} — ${rule.requirement}`, '');
      if (rule.quote) out.push(`> “${rule.quote}”`, '');
      out.push(`Source: ${rule.source.map((ref) => `[${sourceLabel(ref)}](${sourceLink(ref)})`).join(', ')}${rule.capability ? ` · needs capability \`${rule.capability}\`` : ''}`, '');
      out.push(`Checked by: ${rule.checks}`, '', ...checkedBy.map((line) => `- ${line}`), '');
      if (interfaces.length > 0) out.push(`Judged for: ${interfaces.join(', ')}`, '');
      if (results.length > 0) out.push(`Results: ${results.map((r) => `${r.adapter} **${r.verdict}**${r.detail && r.verdict !== 'pass' ? ` (${r.detail})` : ''}`).join(' · ')}`, '');
    }
  }
  return out.join('\n');
}

const style = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
code{font:13px ui-monospace,monospace;background:#f2f2f2;padding:0 .25em;border-radius:3px}
.rule{border-top:1px solid #ddd;padding:.75rem 0}.rule:target{background:#fff8d8}
.level{display:inline-block;font-weight:600;font-size:12px;padding:0 .4em;border-radius:3px;background:#e8e8e8}
.level.MUST,.level.MUST-NOT{background:#ffd9d9}.level.SHOULD,.level.SHOULD-NOT{background:#fff0c2}.level.MAY{background:#dcefff}
blockquote{margin:.25rem 0 .25rem 1rem;color:#555}.v{font-weight:600}.v-fail,.v-xpass{color:#b00}.v-warn{color:#a60}.v-pass{color:#070}
#filter{width:100%;font-size:16px;padding:.4rem;margin:1rem 0}.hidden{display:none}`;

const script = `const f=document.getElementById('filter');f.addEventListener('input',()=>{const q=f.value.toLowerCase();
for(const r of document.querySelectorAll('.rule'))r.classList.toggle('hidden',q!==''&&!r.textContent.toLowerCase().includes(q));
document.getElementById('count').textContent=document.querySelectorAll('.rule:not(.hidden)').length;});`;

/** The spec as one self-contained HTML page: no external files, a filter box, an anchor per rule id. */
export function renderHtml(reports: Report[] = []): string {
  const all = sections(reports);
  const total = all.reduce((n, [, rules]) => n + rules.length, 0);
  const body = all.map(([section, rules]) => {
    const items = rules.map(({ rule, checkedBy, interfaces, results }) => {
      const sources = rule.source.map((ref) => `<a href="${escapeHtml(sourceLink(ref))}">${escapeHtml(sourceLabel(ref))}</a>`).join(', ');
      const verdicts = results.map((r) => `<span class="v v-${r.verdict}" title="${escapeHtml(r.detail)}">${escapeHtml(r.adapter)}: ${r.verdict}</span>`).join(' · ');
      return `<section class="rule" id="${escapeHtml(rule.id)}">
<h3><a href="#${escapeHtml(rule.id)}"><code>${escapeHtml(rule.id)}</code></a> <span class="level ${rule.level.replace(' ', '-')}">${rule.level}</span>${rule.kind === 'profile' ? ' <small>profile: recorded, not judged</small>' : ''}</h3>
<p class="requirement">${escapeHtml(rule.requirement)}</p>
${rule.quote ? `<blockquote>“${escapeHtml(rule.quote)}”</blockquote>` : ''}
<p>Source: ${sources}${rule.capability ? ` · needs capability <code>${escapeHtml(rule.capability)}</code>` : ''}</p>
<p>Checked by: ${escapeHtml(rule.checks)}</p>
<ul>${checkedBy.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
${interfaces.length > 0 ? `<p class="interfaces">Judged for: ${interfaces.map((name) => `<code>${escapeHtml(name)}</code>`).join(', ')}</p>` : ''}
${verdicts ? `<p class="results">${verdicts}</p>` : ''}
</section>`;
    });
    return `<h2>${escapeHtml(section)}</h2>\n${items.join('\n')}`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>gwi-test: the gateway interface, rule by rule</title><style>${style}</style></head>
<body><h1>The gateway interface, rule by rule</h1>
<p>Generated from <code>spec/</code> by gwi-test ${escapeHtml(toolVersion)}. Every rule has a stable id; link to it as <code>#&lt;id&gt;</code>.</p>
<input id="filter" type="search" placeholder="Filter rules by id or text" aria-label="Filter rules"><p><span id="count">${total}</span> rules shown</p>
${body.join('\n')}
<script>${script}</script></body></html>
`;
}
