import { scratchDir } from '../scratch.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../harness/generated/report.ts';
import { writeMatrix } from '../../harness/matrix/run.ts';
import { runCli } from '../cli/helpers.ts';
import '../../harness/interfaces.ts';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const requireBrowser = process.env.GWI_REQUIRE_SERVERS === '1';

function report(name: string, verdict: 'pass' | 'fail', profile?: string): Report {
  return {
    format: 2, tool: { name: 'gwi-test', version: '0' }, adapter: { name, path: name, versions: { [name]: '1.0' } }, seed: 1, startedAt: '2026-12-01T00:00:00Z', durationMs: 1,
    summary: { pass: 0, fail: 0, warn: 0, info: 0, skip: 0, error: 0, xfail: 0, xpass: 0 }, errors: [], exitCode: verdict === 'fail' ? 1 : 0,
    results: [
      { ruleId: 'wsgi.environ.query-string', level: 'MUST', requirement: 'QUERY_STRING as sent', links: [], verdict, cases: 5,
        findings: verdict === 'fail' ? [{ message: 'decoded', expected: '%41', actual: 'A', pointer: '/', request: 'GET /?%41 HTTP/1.1', replay: { adapter: name, case: 'x', rule: 'wsgi.environ.query-string' } }] : [] },
      { ruleId: 'wsgi.environ.http-vars.join-separator', level: 'MAY', requirement: 'separator', links: [], verdict: 'info', cases: 5, findings: [], profile: { [profile ?? '","']: 5 } },
    ],
  };
}

describe('the conformance matrix', () => {
  const dir = scratchDir('gwi-matrix-');
  const { markdown, html } = writeMatrix(dir, [report('alpha', 'pass'), report('beta', 'fail', '", "')]);

  it('is a Markdown table with implementations as columns and rules as rows, profiles spelled out', () => {
    const text = readFileSync(markdown, 'utf8');
    expect(text).toContain('| Rule | Level | alpha (1.0) | beta (1.0) |');
    expect(text).toContain('| `wsgi.environ.query-string` | MUST | ✓ | ✗ fail |');
    expect(text).toContain('ℹ ", "');
    expect(existsSync(join(dir, 'reports', 'beta.json'))).toBe(true);
  });

  it.skipIf(!chromium && !requireBrowser)('shows each verdict in its cell, and a failing cell leads to its finding and reproducer (headless Chromium)', async () => {
    const browser = await puppeteer.launch({ executablePath: chromium, args: ['--no-sandbox', '--headless=new'] });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(html).href);
      const cell = (adapter: string) => page.$eval(`tr[id="wsgi.environ.query-string"] td[data-adapter="${adapter}"]`, (td) => ({ text: (td as HTMLElement).innerText, cls: td.className, link: td.querySelector('a')?.getAttribute('href') ?? null }));
      expect(await cell('alpha')).toEqual({ text: '✓', cls: 'pass', link: null });
      const beta = await cell('beta');
      expect(beta).toMatchObject({ text: '✗ fail', cls: 'fail' });
      await page.click(`tr[id="wsgi.environ.query-string"] td[data-adapter="beta"] a`);
      const replay = await page.$eval(`[id="${beta.link!.slice(1)}"] .replay`, (el) => el.textContent);
      expect(replay).toBe('npx gwi-test beta --case x --rule wsgi.environ.query-string');
      const headers = await page.$$eval('thead th', (ths) => ths.map((th) => (th as HTMLElement).innerText));
      expect(headers).toEqual(['Rule', 'Level', 'alpha (1.0)', 'beta (1.0)']);
    } finally {
      await browser.close();
    }
  });
});

describe('gwi-test matrix with report files', () => {
  it('merges JSON reports given as arguments (a shell glob) without running anything, as with --results', async () => {
    const dir = scratchDir('gwi-matrix-cli-');
    const files = [report('alpha', 'pass'), report('beta', 'fail')].map((r) => {
      const file = join(dir, `${r.adapter.name}-shard.json`);
      writeFileSync(file, JSON.stringify(r));
      return file;
    });
    const out = join(dir, 'out');
    const result = await runCli(['matrix', ...files, '-o', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, 'matrix.md'), 'utf8')).toContain('| Rule | Level | alpha (1.0) | beta (1.0) |');
    expect(existsSync(join(out, 'reports', 'beta.json'))).toBe(true);
  });
});

describe('a matrix of several interfaces', () => {
  it('has one table per interface, in the registry\'s order (WSGI first) and spelled as the interface is', () => {
    const rack = report('gamma', 'pass');
    rack.adapter.interface = 'rack';
    rack.results = [{ ruleId: 'rack.env.request-method', level: 'MUST', requirement: 'REQUEST_METHOD as sent', links: [], verdict: 'pass', cases: 3, findings: [] }];
    const { markdown } = writeMatrix(scratchDir('gwi-matrix-interfaces-'), [rack, report('alpha', 'pass')]);
    const headings = readFileSync(markdown, 'utf8').split('\n').filter((line) => line.startsWith('# '));
    expect(headings).toEqual(['# WSGI conformance matrix', '# Rack conformance matrix']);
  });
});
