import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../generated/report.ts';
import { runConformance } from '../engine/conformance.ts';
import { runPool } from '../run/pool.ts';
import { byAdapter } from './merge.ts';
import { matrixHtml, matrixMarkdown } from './render.ts';

export interface MatrixOptions {
  /** Adapters run at once (each also runs its own requests concurrently). */
  jobs: number;
  seed?: number;
  numRuns?: number;
  onReport?: (report: Report) => void;
}

/** Run several adapters, a bounded number at a time; reports come back in the order of `adapters`. */
export async function runMatrix(adapters: string[], options: MatrixOptions): Promise<Report[]> {
  const reports: Report[] = new Array(adapters.length);
  await runPool(adapters.map((adapter, index) => ({ adapter, index })), options.jobs, async ({ adapter, index }) => {
    reports[index] = await runConformance({ adapter, seed: options.seed, numRuns: options.numRuns, replayAdapter: adapter });
    options.onReport?.(reports[index]);
  });
  return reports;
}

/** matrix.md, matrix.html and reports/<adapter>.json in `dir`; shards of one adapter are merged first. */
export function writeMatrix(dir: string, reports: Report[]): { markdown: string; html: string } {
  const merged = byAdapter(reports);
  mkdirSync(join(dir, 'reports'), { recursive: true });
  for (const report of merged) writeFileSync(join(dir, 'reports', `${report.adapter.name}.json`), JSON.stringify(report, null, 2) + '\n');
  const markdown = join(dir, 'matrix.md');
  const html = join(dir, 'matrix.html');
  writeFileSync(markdown, matrixMarkdown(merged));
  writeFileSync(html, matrixHtml(merged));
  return { markdown, html };
}
