import { describe, expect, it } from 'vitest';
import type { Report } from '../../harness/generated/report.ts';
import { formatConsole } from '../../harness/report/console.ts';
import { formatJson } from '../../harness/report/json.ts';
import { formatJunit } from '../../harness/report/junit.ts';
import { validators } from '../../harness/spec/schemas.ts';

const report: Report = {
  format: 2,
  tool: { name: 'gwi-test', version: '0.1.0' },
  adapter: { name: 'example', path: './adapters/example', versions: { example: '1.0' } },
  seed: 42,
  startedAt: '2026-12-01T00:00:00.000Z',
  durationMs: 1234,
  summary: { pass: 1, fail: 1, warn: 1, info: 0, skip: 0, error: 0, xfail: 0, xpass: 0 },
  results: [
    { ruleId: 'wsgi.environ.request-method', level: 'MUST', requirement: 'REQUEST_METHOD is the method.', links: ['https://peps.python.org/pep-3333/#environ-variables'], verdict: 'pass', cases: 10, findings: [] },
    {
      ruleId: 'wsgi.environ.query-string', level: 'MUST', requirement: 'QUERY_STRING as sent.', links: ['https://peps.python.org/pep-3333/#environ-variables'], verdict: 'fail', cases: 10,
      findings: [{ message: 'QUERY_STRING is not the query as sent', expected: '%41', actual: 'A', pointer: '/report/environ/QUERY_STRING', request: 'GET /?%41 HTTP/1.1\\r\\n\\r\\n', replay: { adapter: './adapters/example', property: 'environ.request-line', seed: 42, path: '1:0', rule: 'wsgi.environ.query-string' } }],
    },
    { ruleId: 'wsgi.input.empty-read', level: 'SHOULD', requirement: 'Empty read is prompt.', links: ['https://peps.python.org/pep-3333/#input-and-error-streams'], verdict: 'warn', cases: 1, findings: [] },
  ],
  errors: [],
  exitCode: 1,
};

describe('reporters', () => {
  it('json: the report schema accepts what the reporter writes', () => {
    expect(validators.report(JSON.parse(formatJson(report)))).toBe(true);
  });

  it('json: refuses to write a report that breaks the schema', () => {
    expect(() => formatJson({ ...report, exitCode: 5 as 0 })).toThrow(/GWI|report\.schema/);
  });

  it('junit: one testcase per rule, named by its id; fail is a failure, warn only with --strict', () => {
    const xml = formatJunit(report, false);
    expect(xml).toContain('<testcase name="wsgi.environ.query-string"');
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain('--seed 42 --path 1:0');
    expect(formatJunit(report, true).match(/<failure /g)).toHaveLength(2);
  });

  it('console: each finding with expected, actual, pointer, raw request and replay line', () => {
    const text = formatConsole(report, { color: false, verbose: false });
    expect(text).toMatch(/FAIL\s+wsgi\.environ\.query-string \[MUST\]/);
    for (const part of ['expected "%41"', 'actual   "A"', '/report/environ/QUERY_STRING', 'GET /?%41', '--path 1:0']) expect(text).toContain(part);
    expect(text).not.toContain('wsgi.environ.request-method'); // passes are listed only with --verbose
    expect(formatConsole(report, { color: false, verbose: true })).toContain('wsgi.environ.request-method');
  });
});

describe('CI output', () => {
  it('markdown: counts, then failures with their replay line, worst first', async () => {
    const { formatMarkdown } = await import('../../harness/report/markdown.ts');
    const text = formatMarkdown(report);
    expect(text).toContain('❌ non-conformant');
    expect(text.indexOf('### Failures (MUST)')).toBeLessThan(text.indexOf('### Warnings (SHOULD)'));
    expect(text).toContain('`npx gwi-test ./adapters/example --property environ.request-line --seed 42 --path 1:0 --rule wsgi.environ.query-string`');
  });

  it('annotations: one ::error per failing rule, ::warning per SHOULD, escaped as GitHub wants', async () => {
    const { formatAnnotations } = await import('../../harness/report/github.ts');
    const lines = formatAnnotations(report).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error title=gwi-test wsgi\.environ\.query-string \[MUST\]::QUERY_STRING as sent\.%0A/);
    expect(lines[1]).toMatch(/^::warning title=gwi-test wsgi\.input\.empty-read \[SHOULD\]::/);
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
  });

  it('--reporter name:file takes several reporters, and only one may write to stdout', async () => {
    const { parseCli } = await import('../../harness/cli/options.ts');
    expect(parseCli(['a', '--reporter', 'markdown', '--reporter', 'junit:x.xml']).reporters).toEqual([{ name: 'markdown' }, { name: 'junit', file: 'x.xml' }]);
    expect(parseCli(['a', '--reporter', 'json', '-o', 'r.json']).reporters).toEqual([{ name: 'json', file: 'r.json' }]);
    expect(() => parseCli(['a', '--reporter', 'json', '--reporter', 'junit'])).toThrow(/stdout/);
  });
});
