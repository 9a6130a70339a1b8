import { httpRequest } from '../generators/httpRequest.ts';
import { inputPlanField, planHeader } from './generators/inputPlan.ts';
import type { HttpRequest } from '../http/request.ts';
import type { CaseDef, PropertyDef, SuiteContext } from './entries.ts';
import { environShape } from './checks/environShape.ts';
import { headers } from './checks/headers.ts';
import { inputReads } from './checks/input.ts';
import { requestLine } from './checks/requestLine.ts';
import { emptyRead, eofAfterBody, errorsWrites, readNoSize, readlineSize, readlinesHint, wholeBodyLines } from './checks/streams.ts';

const generated = (context: SuiteContext) =>
  httpRequest({ port: context.port, chunked: context.capabilities.includes('chunked-request-body'), deadlineMs: context.deadlineMs, bodyFields: inputPlanField(), mixedCaseMethods: true, paddedValues: true });

/** A fixed request that steers the probe's input calls under a deadline. */
function planned(context: SuiteContext, options: { method?: string; target?: string; body?: string; plan: string; lengthField?: boolean; chunks?: number[] }): HttpRequest {
  const body = options.body ?? '';
  const headers: Array<[string, string]> = [
    ['Host', `127.0.0.1:${context.port}`],
    [planHeader, options.plan],
    ['X-Gwi-Deadline', String(context.deadlineMs)],
  ];
  if (options.chunks) headers.push(['Transfer-Encoding', 'chunked']);
  else if (options.lengthField ?? body.length > 0) headers.push(['Content-Length', String(body.length)]);
  headers.push(['Connection', 'close']);
  return { method: options.method ?? 'POST', target: options.target ?? '/input', version: 'HTTP/1.1', headers, body, ...(options.chunks ? { chunks: options.chunks } : {}) };
}

const lineBody = 'first line\nsecond\n\nlast without newline';
const chunkedBody = 'c' + 'hunked\n' + 'body split in 3\n';

/** What the harness sends to check the environ and the input and error streams. */
export const environSuite: Array<PropertyDef | CaseDef> = [
  {
    kind: 'property',
    id: 'environ.shape',
    does: 'sends generated requests and inspects the types and keys of the environ',
    numRuns: 25,
    rules: [
      'wsgi.environ.builtin-dict', 'wsgi.app-call.positional', 'wsgi.app-call.not-introspected', 'wsgi.strings.keys-native', 'wsgi.environ.wsgi-vars', 'wsgi.environ.wsgi-version',
      'wsgi.environ.url-scheme', 'wsgi.environ.concurrency-flags', 'wsgi.environ.cgi-values-str', 'wsgi.strings.latin1',
      'wsgi.environ.missing-vars-omitted', 'wsgi.environ.other-cgi-vars', 'wsgi.environ.extension-names',
      'wsgi.input.methods', 'wsgi.errors.methods',
    ],
    check: environShape,
    arbitrary: generated,
  },
  {
    kind: 'property',
    id: 'environ.request-line',
    does: 'sends generated methods, request-targets and versions',
    numRuns: 120,
    rules: [
      'wsgi.environ.request-method', 'wsgi.environ.path.decoded', 'wsgi.environ.path.encoded-slash', 'wsgi.environ.path.merged-slashes', 'wsgi.environ.path.form',
      'wsgi.environ.script-name.mount', 'wsgi.environ.query-string', 'wsgi.environ.server-name', 'wsgi.environ.server-name.host', 'wsgi.environ.server-port',
      'cgi.server-port.value', 'wsgi.environ.server-protocol', 'cgi.remote-addr.value',
    ],
    check: requestLine,
    arbitrary: generated,
  },
  {
    kind: 'case',
    id: 'environ.encoded-slash',
    does: 'sends a target whose path holds %2F and %2f between other segments',
    rules: ['wsgi.environ.path.encoded-slash', 'wsgi.environ.path.decoded'],
    check: requestLine,
    request: (c) => planned(c, { method: 'GET', target: '/a%2Fb/c%2fd%25e', plan: 'none' }),
  },
  {
    kind: 'case',
    id: 'environ.utf8-escapes',
    does: 'sends a target whose path holds the escapes of a valid UTF-8 sequence (%C3%A9)',
    rules: ['wsgi.environ.path.decoded'],
    check: requestLine,
    request: (c) => planned(c, { method: 'GET', target: '/caf%C3%A9', plan: 'none' }),
  },
  {
    kind: 'case',
    id: 'environ.merged-slashes',
    does: 'sends a target whose path begins with two slashes and holds two more inside',
    rules: ['wsgi.environ.path.merged-slashes', 'wsgi.environ.path.decoded'],
    check: requestLine,
    request: (c) => planned(c, { method: 'GET', target: '//lead//x', plan: 'none' }),
  },
  {
    kind: 'property',
    id: 'environ.header-fields',
    does: 'sends generated header fields, repeated names, names with "-" and "_", obs-text values, values padded with SP and HTAB on the line, requests with and without bodies',
    numRuns: 120,
    rules: [
      'cgi.http-vars.name', 'wsgi.environ.http-vars.presence', 'wsgi.environ.http-vars.value', 'wsgi.environ.http-vars.combined',
      'wsgi.environ.http-vars.join-separator', 'wsgi.environ.http-vars.underscore-names', 'wsgi.strings.latin1-decoding',
      'wsgi.environ.content-type', 'cgi.content-type.no-default', 'wsgi.environ.content-length', 'cgi.content-length.no-body', 'cgi.http-vars.no-duplicates',
    ],
    check: headers,
    arbitrary: generated,
  },
  {
    kind: 'property',
    id: 'input.reads',
    does: 'sends generated bodies with Content-Length or chunked framing; the probe reads them with read(n) and readline()',
    numRuns: 100,
    rules: ['wsgi.input.body', 'wsgi.input.read-size', 'wsgi.input.readline', 'wsgi.input.chunked-body', 'wsgi.input.chunked-unsupported'],
    check: inputReads,
    arbitrary: generated,
  },
  {
    kind: 'case',
    id: 'input.chunked',
    does: 'sends an HTTP/1.1 body in chunks of 1, 7 and 16 octets to every server, declared capability or not; the probe reads it with read(8)',
    rules: ['wsgi.input.chunked-body', 'wsgi.input.chunked-unsupported'],
    check: inputReads,
    request: (c) => planned(c, { body: chunkedBody, plan: 'drain:8', chunks: [1, 7, 16] }),
  },
  {
    kind: 'case',
    id: 'input.read-past-end',
    does: 'reads the whole body, then read(1) once more while the connection stays open',
    rules: ['wsgi.input.eof-at-content-length'],
    check: eofAfterBody,
    request: (c) => planned(c, { body: lineBody, plan: `drain:64,read:1` }),
  },
  {
    kind: 'case',
    id: 'input.read-no-size',
    does: 'calls read() with no argument on a body',
    rules: ['wsgi.input.read-no-size'],
    check: readNoSize,
    request: (c) => planned(c, { body: lineBody, plan: 'read' }),
  },
  {
    kind: 'case',
    id: 'input.empty-read',
    does: 'calls read(1) on a GET request without a body',
    rules: ['wsgi.input.empty-read'],
    check: emptyRead,
    request: (c) => planned(c, { method: 'GET', plan: 'read:1' }),
  },
  {
    kind: 'case',
    id: 'input.empty-read-zero-length',
    does: 'calls read(1) on a POST request with Content-Length: 0',
    rules: ['wsgi.input.empty-read'],
    check: emptyRead,
    request: (c) => planned(c, { plan: 'read:1', lengthField: true }),
  },
  {
    kind: 'case',
    id: 'input.readline-size',
    does: 'calls readline(4) on a body whose first line is longer',
    rules: ['wsgi.input.readline-size'],
    check: readlineSize,
    request: (c) => planned(c, { body: lineBody, plan: 'readline:4,drain:64' }),
  },
  {
    kind: 'case',
    id: 'input.readlines',
    does: 'calls readlines() on a body of several lines',
    rules: ['wsgi.input.readlines', 'wsgi.input.eof-at-content-length'],
    check: wholeBodyLines('wsgi.input.readlines'),
    request: (c) => planned(c, { body: lineBody, plan: 'readlines' }),
  },
  {
    kind: 'case',
    id: 'input.iter',
    does: 'iterates over wsgi.input on a body of several lines',
    rules: ['wsgi.input.iter', 'wsgi.input.eof-at-content-length'],
    check: wholeBodyLines('wsgi.input.iter'),
    request: (c) => planned(c, { body: lineBody, plan: 'iter' }),
  },
  {
    kind: 'case',
    id: 'input.readlines-hint',
    does: 'calls readlines(1) on a body of several lines',
    rules: ['wsgi.input.readlines-hint', 'wsgi.input.readlines'],
    check: readlinesHint,
    request: (c) => planned(c, { body: lineBody, plan: 'readlines:1' }),
  },
  {
    kind: 'case',
    id: 'errors.writes',
    does: 'writes an ASCII line, two lines with writelines, flushes, and writes characters outside Latin-1 to wsgi.errors',
    rules: ['wsgi.errors.write', 'wsgi.errors.unicode'],
    check: errorsWrites,
    request: (c) => planned(c, { method: 'GET', plan: 'errors' }),
  },
];
