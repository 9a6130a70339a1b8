import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../harness/http/request.ts';
import type { Observation, Outcome, ProbeReport, PyValue, StreamCall } from '../../harness/wsgi/observation.ts';
import { headers } from '../../harness/wsgi/checks/headers.ts';
import { inputReads } from '../../harness/wsgi/checks/input.ts';
import { requestLine } from '../../harness/wsgi/checks/requestLine.ts';

const str = (value: string): PyValue => ({ type: 'str', value, truthy: value !== '' });
const bytes = (value: string): PyValue => ({ type: 'bytes', value, truthy: value !== '' });

function observe(request: Partial<HttpRequest>, environ: Record<string, string>, calls: StreamCall[] = []): Observation {
  const report: ProbeReport = {
    probe: 'gwi-probe', version: 1, environType: 'dict', nonStrKeys: [],
    environ: Object.fromEntries(Object.entries(environ).map(([k, v]) => [k, str(v)])),
    input: { methods: { read: true, readline: true, readlines: true, __iter__: true }, calls, blocked: false },
    errors: { methods: { write: true, writelines: true, flush: true }, calls: [] },
  };
  const full: HttpRequest = { method: 'GET', target: '/', version: 'HTTP/1.1', headers: [], body: '', ...request };
  return { request: full, port: 8000, scriptName: '', response: { status: 200, reason: 'OK', headers: [], body: '', raw: Buffer.alloc(0) }, report };
}

const failing = (outcomes: Outcome[]) => outcomes.filter((o) => !o.ok).map((o) => o.ruleId);
const profiles = (outcomes: Outcome[], ruleId: string) => outcomes.filter((o) => o.ruleId === ruleId).map((o) => o.profile);

const lineVars = { REQUEST_METHOD: 'GET', SCRIPT_NAME: '', SERVER_NAME: 'h', SERVER_PORT: '8000', SERVER_PROTOCOL: 'HTTP/1.1', QUERY_STRING: '' };

describe('requestLine', () => {
  it('passes a decoded path and records %2F kept as a profile, not a failure', () => {
    const outcomes = requestLine(observe({ target: '/a%2Fb' }, { ...lineVars, PATH_INFO: '/a%2Fb' }));
    expect(failing(outcomes)).toEqual([]);
    expect(profiles(outcomes, 'wsgi.environ.path.encoded-slash')).toEqual(['kept as %2F']);
  });

  it('flags a path left encoded as wsgi.environ.path.decoded only', () => {
    expect(failing(requestLine(observe({ target: '/%41' }, { ...lineVars, PATH_INFO: '/%41' })))).toEqual(['wsgi.environ.path.decoded']);
  });

  it('records merged runs of slashes as a profile: the leading run only, or every run', () => {
    const leading = requestLine(observe({ target: '//x//y' }, { ...lineVars, PATH_INFO: '/x//y' }));
    expect(failing(leading)).toEqual([]);
    expect(profiles(leading, 'wsgi.environ.path.merged-slashes')).toEqual(['leading run merged (sent as //)']);
    const every = requestLine(observe({ target: '//x//y' }, { ...lineVars, PATH_INFO: '/x/y' }));
    expect(profiles(every, 'wsgi.environ.path.merged-slashes')).toEqual(['every run merged (sent as //)']);
    expect(failing(requestLine(observe({ target: '//x//y' }, { ...lineVars, PATH_INFO: '/xy' })))).toEqual(['wsgi.environ.path.decoded']);
  });

  it('flags a PATH_INFO without its slash as the form rule only', () => {
    expect(failing(requestLine(observe({ target: '/x' }, { ...lineVars, PATH_INFO: 'x' })))).toEqual(['wsgi.environ.path.form']);
  });

  it('wants QUERY_STRING as sent, not decoded', () => {
    expect(failing(requestLine(observe({ target: '/?a=%41' }, { ...lineVars, PATH_INFO: '/', QUERY_STRING: 'a=A' })))).toEqual(['wsgi.environ.query-string']);
  });
});

describe('headers', () => {
  it('accepts both "," and ", " for repeated fields and records which', () => {
    const request = { headers: [['X-A', '1'], ['X-A', '2']] as Array<[string, string]> };
    for (const joined of ['1,2', '1, 2']) {
      const outcomes = headers(observe(request, { HTTP_X_A: joined }));
      expect(failing(outcomes)).toEqual([]);
      expect(profiles(outcomes, 'wsgi.environ.http-vars.join-separator')).toEqual([JSON.stringify(joined.slice(1, -1))]);
    }
  });

  it('calls an obs-text value decoded as UTF-8 a latin-1 decoding failure', () => {
    const outcomes = headers(observe({ headers: [['X-A', 'caf\u00c3\u00a9']] }, { HTTP_X_A: 'caf\u00e9' }));
    expect(failing(outcomes)).toEqual(['wsgi.strings.latin1-decoding']);
  });

  it('expects a padded field line to arrive trimmed, and calls padding kept a value or combining failure, never a decoding one', () => {
    expect(failing(headers(observe({ headers: [['X-A', ' \tv ']] }, { HTTP_X_A: 'v' })))).toEqual([]);
    expect(failing(headers(observe({ headers: [['X-A', 'v\t']] }, { HTTP_X_A: 'v\t' })))).toEqual(['wsgi.environ.http-vars.value']);
    // values holding commas, spaces and obs-text, joined with the padding of their lines kept
    const lines: Array<[string, string]> = [['X-A', '! , \t'], ['X-A', '!\u0080! !']];
    expect(failing(headers(observe({ headers: lines }, { HTTP_X_A: '! , \t,!\u0080! !' })))).toEqual(['wsgi.environ.http-vars.combined']);
    expect(failing(headers(observe({ headers: lines }, { HTTP_X_A: '! ,,!\u0080! !' })))).toEqual([]);
    // leading padding stripped, trailing kept (gunicorn's lstrip)
    expect(failing(headers(observe({ headers: [['X-A', ' \t!\u0080!'], ['X-A', '!  ']] }, { HTTP_X_A: '!\u0080!,!  ' })))).toEqual(['wsgi.environ.http-vars.combined']);
    // an obs-text octet decoded as UTF-8 is still a decoding failure
    expect(failing(headers(observe({ headers: [['X-A', '!\u00c3\u00a9 '], ['X-A', '!']] }, { HTTP_X_A: '!\u00e9 ,!' })))).toEqual(['wsgi.strings.latin1-decoding']);
  });

  it('calls stray whitespace around an obs-text value a value failure, not a decoding one', () => {
    const outcomes = headers(observe({ headers: [['X-A', 'a\u00e9b']] }, { HTTP_X_A: 'a\u00e9b ' }));
    expect(failing(outcomes)).toEqual(['wsgi.environ.http-vars.value']);
  });
});

describe('inputReads', () => {
  const post = (body: string) => ({ method: 'POST', body, headers: [['Content-Length', String(body.length)]] as Array<[string, string]> });

  it('passes reads that return the body in pieces no longer than asked', () => {
    const calls = [{ op: 'read:2', result: bytes('ab') }, { op: 'read:2', result: bytes('c') }];
    expect(failing(inputReads(observe(post('abc'), {}, calls)))).toEqual([]);
  });

  it('flags a read(n) that returns more than n octets as read-size only', () => {
    const calls = [{ op: 'read:2', result: bytes('abc') }];
    expect(failing(inputReads(observe(post('abc'), {}, calls)))).toEqual(['wsgi.input.read-size']);
  });

  it('flags a readline that drops its newline as readline, not as a wrong body', () => {
    const calls = [{ op: 'readline', result: bytes('ab') }];
    expect(failing(inputReads(observe(post('ab\n'), {}, calls)))).toEqual(['wsgi.input.readline']);
  });

  it('flags a wrong body as the body rule, not readline', () => {
    const calls = [{ op: 'readline', result: bytes('xy\n') }];
    expect(failing(inputReads(observe(post('ab\n'), {}, calls)))).toEqual(['wsgi.input.body']);
  });
});
