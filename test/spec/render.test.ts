import { scratchDir } from '../scratch.ts';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../harness/generated/report.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';
import { renderHtml, renderMarkdown } from '../../harness/site/specSite.ts';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const requireBrowser = process.env.GWI_REQUIRE_SERVERS === '1';

const report = {
  adapter: { name: 'example', path: '.', versions: {} },
  results: [{ ruleId: 'wsgi.environ.query-string', level: 'MUST', requirement: 'r', links: [], verdict: 'fail', cases: 3, findings: [{ message: 'QUERY_STRING decoded', expected: 'a', actual: 'b', pointer: '/', request: '', replay: { adapter: 'a', case: 'c', rule: 'wsgi.environ.query-string' } }] }],
} as unknown as Report;

describe('the rendered spec as text', () => {
  it('has one anchor per rule id in Markdown and HTML', () => {
    const markdown = renderMarkdown([report]);
    const html = renderHtml([report]);
    for (const id of loadCatalogue().keys()) {
      expect(markdown).toContain(`<a id="${id}"></a>`);
      expect(html).toContain(`id="${id}"`);
    }
    expect(markdown).toContain('example **fail** (QUERY_STRING decoded)');
  });

  it('is self-contained: no external stylesheet, script or image', () => {
    expect(renderHtml()).not.toMatch(/<(link|script|img)[^>]+(href|src)=/);
  });
});

describe.skipIf(!chromium && !requireBrowser)('the rendered spec in a browser (headless Chromium)', () => {
  let browser: Browser;
  const page = join(scratchDir('gwi-spec-'), 'index.html');
  beforeAll(async () => {
    writeFileSync(page, renderHtml([report]));
    browser = await puppeteer.launch({ executablePath: chromium, args: ['--no-sandbox', '--headless=new'] });
  });
  afterAll(() => browser?.close());

  it('lands on the rule a link names, shows its requirement, level, result and a link to the PEP section', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${pathToFileURL(page).href}#wsgi.environ.query-string`);
    const rule = await tab.$eval(':target', (el) => ({
      id: el.id,
      text: (el as HTMLElement).innerText,
      links: [...el.querySelectorAll('a')].map((a) => a.href),
      visible: (el as HTMLElement).offsetHeight > 0,
    }));
    expect(rule.id).toBe('wsgi.environ.query-string');
    expect(rule.visible).toBe(true);
    expect(rule.text).toContain('QUERY_STRING');
    expect(rule.text).toContain('MUST');
    expect(rule.text).toContain('example: fail');
    expect(rule.links).toContain('https://peps.python.org/pep-3333/#environ-variables');
  });

  it('filters the rules as a person types', async () => {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href);
    const total = Number(await tab.$eval('#count', (el) => el.textContent));
    expect(total).toBe(loadCatalogue().size);
    await tab.type('#filter', 'wsgi.app-call.positional');
    const shown = await tab.$$eval('.rule:not(.hidden)', (els) => els.map((el) => el.id));
    expect(shown).toEqual(['wsgi.app-call.positional']);
    expect(await tab.$eval('#count', (el) => el.textContent)).toBe('1');
  });
});
