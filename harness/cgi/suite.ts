import fc from 'fast-check';
import { httpRequest } from '../generators/httpRequest.ts';
import { converse } from '../http/conversation.ts';
import { serializeRequest, type HttpRequest } from '../http/request.ts';
import type { CheckedEntry } from '../run/entries.ts';
import type { Outcome } from '../run/outcome.ts';
import { scriptMarker, clientRedirect, localRedirect, metaVariables, responseBody, responseFields, responseStatus } from './checks.ts';
import { expectThat, type Check } from './observation.ts';
import { mounted, plannedRequest } from './plans.ts';

type Entry = CheckedEntry<Check>;

const reasons = fc.constantFrom('OK', 'Created', 'Gwi Reason', 'Not Found', 'Teapot Here', 'Server Error');
const status = fc.tuple(fc.integer({ min: 200, max: 599 }).filter((code) => ![204, 205, 304].includes(code)), reasons).map(([code, reason]) => `${code} ${reason}`);
const octets = fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1'));
/** A document response's fields: its type, and a marker that tells the script's answer from the server's own. */
const text = [['Content-Type', 'text/plain'], scriptMarker] as Array<[string, string]>;

type PlayContext = Parameters<Extract<Entry, { kind: 'scenario' }>['play']>[1];

/** Send a request below the mount prefix and read everything until the connection ends (exact octets, framing or not). */
async function readToEnd(request: HttpRequest, context: PlayContext): Promise<string> {
  const seen = await converse(context.suite.port, serializeRequest(request), { firstAnswerMs: 3000, quietMs: 1000, totalMs: 8000 });
  return seen.raw.toString('latin1');
}

const fieldsPlan = { lf: true, headers: [...text, ['X-Gwi-One', 'one value'], ['X-Gwi-Two', '2']] as Array<[string, string]>, body: 'fields' };

/** A HEAD request whose script writes a body anyway: read to the end of the connection, look past the head. */
async function headBody(context: PlayContext): Promise<Outcome[]> {
  const raw = await readToEnd(plannedRequest(context.suite, { headers: text, body: 'gwi-head-body' }, { method: 'HEAD' }), context);
  const end = raw.indexOf('\r\n\r\n');
  const after = end < 0 ? '' : raw.slice(end + 4);
  if (end < 0) return [expectThat('cgi.response.head-body', '/response', false, 'no complete response head came back for HEAD', 'a response head', raw.slice(0, 200))];
  return [expectThat('cgi.response.head-body', '/response/body', after === '', 'octets followed the head of the response to HEAD', '', after)];
}

/** The CGI profile: generated requests read back from the script's environment, and planned script responses. */
export const cgiSuite: Entry[] = [
  {
    kind: 'property',
    id: 'cgi.request.generated',
    does: 'sends generated requests (methods of any case, paths and queries with escapes, fields, bodies) and reads the script\'s meta-variables and standard input',
    numRuns: 60,
    rules: [
      'cgi.gateway-interface', 'cgi.request-method', 'cgi.query-string', 'cgi.path', 'cgi.server-protocol', 'cgi.server-software',
      'cgi.content-length.value', 'cgi.request-body', 'cgi.content-length.no-body', 'cgi.content-type.no-default', 'cgi.server-port.value',
      'cgi.remote-addr.value', 'cgi.http-vars.name', 'cgi.http-vars.no-duplicates',
    ],
    check: metaVariables,
    arbitrary: (context) => httpRequest({ port: context.port, chunked: context.capabilities.includes('chunked-request-body'), mixedCaseMethods: true }).filter((r) => r.method.toUpperCase() !== 'HEAD').map((r) => mounted(context, r)),
  },
  {
    kind: 'case',
    id: 'cgi.request.bare',
    does: 'sends a GET with no query, no body, no Content-Type',
    rules: ['cgi.query-string', 'cgi.content-length.no-body', 'cgi.content-type.no-default', 'cgi.path'],
    check: metaVariables,
    request: (c) => mounted(c, { method: 'GET', target: '/bare', version: 'HTTP/1.1', headers: [['Host', `127.0.0.1:${c.port}`], ['Connection', 'close']], body: '' }),
  },
  {
    kind: 'case',
    id: 'cgi.request.body',
    does: 'sends a POST with a 26-octet body and Content-Type',
    rules: ['cgi.content-length.value', 'cgi.request-body', 'cgi.http-vars.no-duplicates'],
    check: metaVariables,
    request: (c) => mounted(c, { method: 'POST', target: '/posted', version: 'HTTP/1.1', headers: [['Host', `127.0.0.1:${c.port}`], ['Content-Type', 'text/plain'], ['Content-Length', '26'], ['Connection', 'close']], body: 'abcdefghijklmnopqrstuvwxyz' }),
  },
  {
    kind: 'property',
    id: 'cgi.response.status',
    does: 'the probe answers with a generated Status field (or none) and a plain-text body',
    numRuns: 20,
    rules: ['cgi.response.status'],
    check: responseStatus,
    arbitrary: (context) => fc.option(status, { nil: undefined }).map((s) => plannedRequest(context, { ...(s ? { status: s } : {}), headers: text, body: 'status' })),
  },
  {
    kind: 'property',
    id: 'cgi.response.body',
    does: 'the probe answers with a body of generated octets (CR, LF, NUL, 8-bit)',
    numRuns: 20,
    rules: ['cgi.response.body'],
    check: responseBody,
    arbitrary: (context) => octets.map((body) => plannedRequest(context, { headers: [['Content-Type', 'application/octet-stream'], scriptMarker], body })),
  },
  {
    kind: 'scenario',
    id: 'cgi.response.fields',
    does: 'the probe writes its header with LF line ends and two fields of its own',
    rules: ['cgi.response.fields'],
    request: (c) => plannedRequest(c, fieldsPlan),
    play: async (_request, context) => responseFields(fieldsPlan, await readToEnd(plannedRequest(context.suite, fieldsPlan), context)),
  },
  {
    kind: 'case',
    id: 'cgi.response.client-redirect',
    does: 'the probe answers with only Location: http://example.test/elsewhere?x=1',
    rules: ['cgi.response.client-redirect'],
    check: clientRedirect,
    request: (c) => plannedRequest(c, { location: 'http://example.test/elsewhere?x=1' }),
  },
  {
    kind: 'scenario',
    id: 'cgi.response.head-body',
    does: 'sends HEAD; the probe writes a body anyway',
    rules: ['cgi.response.head-body'],
    request: (c) => plannedRequest(c, { headers: text, body: 'gwi-head-body' }, { method: 'HEAD' }),
    play: (_request, context) => headBody(context),
  },
  {
    kind: 'case',
    id: 'cgi.response.local-redirect',
    does: 'the probe answers /respond with only Location: SCRIPT_NAME + /redirected?via=local',
    rules: ['cgi.response.local-redirect'],
    check: localRedirect,
    request: (c) => plannedRequest(c, { localLocation: '/redirected?via=local' }),
  },
];
