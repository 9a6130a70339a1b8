import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../harness/generated/report.ts';
import { runConformance } from '../../harness/run/conformance.ts';
import { packageRoot } from '../../harness/spec/paths.ts';
import { runCli } from '../cli/helpers.ts';

// The three shipped adapters, run for real. The expected verdicts are findings checked by hand against each server's
// source and PEP 3333's words (see the README's "What the shipped adapters show"); a change here is news.
const requireServers = process.env.GWI_REQUIRE_SERVERS === '1';
const hasModule = (module: string) => spawnSync('/usr/bin/python3', ['-c', `import ${module}`]).status === 0;

const flagged = (report: Report, verdict: 'fail' | 'warn') => report.results.filter((r) => r.verdict === verdict).map((r) => r.ruleId).sort();
const profile = (report: Report, ruleId: string) => Object.keys(report.results.find((r) => r.ruleId === ruleId)?.profile ?? {});

const cases = [
  {
    adapter: 'wsgiref', module: 'wsgiref',
    fail: ['http.response.field-syntax', 'wsgi.response.headers-delayed'],
    warn: ['cgi.content-type.no-default', 'wsgi.input.chunked-unsupported', 'wsgi.input.empty-read', 'wsgi.input.eof-at-content-length', 'wsgi.input.read-no-size', 'wsgi.response.content-length.limit', 'wsgi.response.header-control-chars'],
    profiles: { 'wsgi.environ.http-vars.join-separator': ['","'] },
  },
  {
    adapter: 'gunicorn', module: 'gunicorn',
    fail: ['wsgi.response.headers-delayed'],
    warn: ['wsgi.response.exc-info.replace', 'wsgi.response.hop-by-hop'],
    profiles: { 'wsgi.environ.http-vars.join-separator': ['","'], 'wsgi.environ.path.merged-slashes': ['kept (sent as //)'] },
  },
  {
    adapter: 'waitress', module: 'waitress', fail: ['http.response.field-syntax'], warn: [],
    profiles: { 'wsgi.environ.http-vars.join-separator': ['", "'], 'wsgi.environ.http-vars.underscore-names': ['dropped'], 'wsgi.environ.path.merged-slashes': ['leading run merged (sent as //)'] },
  },
];

describe.concurrent.each(cases)('adapters/$adapter', ({ adapter, module, fail, warn, profiles }) => {
  const available = adapter === 'wsgiref' || hasModule(module);
  it.skipIf(!available && !requireServers)('runs the suite and reports exactly the findings confirmed by hand, and its profiles', async () => {
    const report = await runConformance({ adapter: packageRoot + 'adapters/' + adapter, seed: 20261201 });
    expect(report.errors).toEqual([]);
    expect(flagged(report, 'fail')).toEqual(fail);
    expect(flagged(report, 'warn')).toEqual(warn);
    expect(report.results.filter((r) => r.verdict === 'error')).toEqual([]);
    for (const [ruleId, expected] of Object.entries(profiles)) expect(profile(report, ruleId), ruleId).toEqual(expected);
    expect(report.exitCode).toBe(fail.length > 0 ? 1 : 0);
    expect(Object.values(report.adapter.versions).every((v) => v !== 'unknown')).toBe(true);
  });
});

describe('adapters written in TypeScript', () => {
  it('load through the gwi-test command on Node 20 and run their prepare() hook', async () => {
    const result = await runCli(['fixtures/adapters/module-adapter', '--rule', 'wsgi.environ.request-method', '--runs', '5', '--reporter', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.adapter.name).toBe('module-adapter');
    expect(report.results.map((r) => [r.ruleId, r.verdict])).toEqual([['wsgi.environ.request-method', 'pass']]);
  });
});
