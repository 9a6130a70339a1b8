// npm run spec: run the shipped adapters whose servers are installed, then render the rules with their verdicts
// into gwi-spec/ (index.html and spec.md). The same as `gwi-test spec --results …` with fresh reports.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../harness/generated/report.ts';
import { runConformance } from '../harness/engine/conformance.ts';
import { packageRoot } from '../harness/spec/paths.ts';
import { renderHtml, renderMarkdown } from '../harness/site/specSite.ts';
import '../harness/interfaces.ts';

const out = process.argv[2] ?? 'gwi-spec';
const reports: Report[] = [];
for (const name of ['wsgiref', 'gunicorn', 'waitress', 'uvicorn', 'hypercorn', 'daphne']) {
  const report = await runConformance({ adapter: join(packageRoot, 'adapters', name), seed: 1 });
  if (report.errors.length > 0) {
    console.error(`${name}: skipped (${report.errors[0].code})`);
    continue;
  }
  console.error(`${name}: ${report.summary.fail} fail, ${report.summary.warn} warn`);
  reports.push(report);
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'index.html'), renderHtml(reports));
writeFileSync(join(out, 'spec.md'), renderMarkdown(reports));
console.error(`wrote ${join(out, 'index.html')} and ${join(out, 'spec.md')}`);
