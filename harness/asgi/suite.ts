import { httpRequest } from '../generators/httpRequest.ts';
import type { HttpRequest } from '../http/request.ts';
import { newPlanId, plannedRequest } from '../run/plannedRequest.ts';
import type { SuiteContext, SuiteEntry } from './entries.ts';
import { scopeHeaders } from './checks/headers.ts';
import { afterBody, bodyReceives } from './checks/receive.ts';
import { scopeRequestLine, scopeShape } from './checks/scope.ts';
import { responsePlan } from './generators/responsePlan.ts';
import { bodyConcatenated, extraKeysAccepted, startRelayed, transferEncodingIgnored, unknownEventRaises } from './response/checks.ts';
import { planned } from './response/plans.ts';
import { responseScenarios } from './response/scenarios.ts';
import { lifespanScenarios } from './lifespan.ts';

const generated = (context: SuiteContext) => httpRequest({ port: context.port, chunked: context.capabilities.includes('chunked-request-body'), deadlineMs: context.deadlineMs });

/** A fixed request for the probe's report. */
function fixed(context: SuiteContext, options: { body?: string; chunks?: number[]; plan?: string }): HttpRequest {
  const body = options.body ?? '';
  const headers: Array<[string, string]> = [['Host', `127.0.0.1:${context.port}`], ['X-Gwi-Deadline', String(context.deadlineMs)]];
  if (options.plan) headers.push(['X-Gwi-Plan', options.plan]);
  if (options.chunks) headers.push(['Transfer-Encoding', 'chunked']);
  else headers.push(['Content-Length', String(body.length)]);
  headers.push(['Connection', 'close']);
  return { method: 'POST', target: '/receive', version: 'HTTP/1.1', headers, body, ...(options.chunks ? { chunks: options.chunks } : {}) };
}

const both = (...checks: Array<typeof startRelayed>) => (observation: Parameters<typeof startRelayed>[0]) => checks.flatMap((check) => check(observation));

/** The ASGI profile: what the harness sends to a server hosting the ASGI probe, and the rules each entry checks. */
export const asgiSuite: SuiteEntry[] = [
  {
    kind: 'property',
    id: 'asgi.scope.shape',
    does: 'sends generated requests and inspects the scope: its keys, type, asgi, scheme, root_path, client, server, extensions and state',
    numRuns: 25,
    rules: [
      'asgi.scope.type', 'asgi.scope.asgi-version', 'asgi.scope.scheme', 'asgi.scope.root-path', 'asgi.scope.client', 'asgi.scope.server',
      'asgi.scope.extensions', 'asgi.ext.debug-absent', 'asgi.ext.tls-only-over-tls', 'asgi.lifespan.supported', 'asgi.lifespan.state-copied',
    ],
    check: scopeShape,
    arbitrary: generated,
  },
  {
    kind: 'property',
    id: 'asgi.scope.request-line',
    does: 'sends generated methods, request-targets and versions and compares http_version, method, path, raw_path and query_string',
    numRuns: 100,
    rules: ['asgi.scope.http-version', 'asgi.scope.method-upper', 'asgi.scope.path-decoded', 'asgi.scope.raw-path', 'asgi.scope.query-string'],
    check: scopeRequestLine,
    arbitrary: generated,
  },
  {
    kind: 'case',
    id: 'asgi.scope.utf8-path',
    does: 'sends a target whose path holds the escapes of a UTF-8 sequence (%C3%A9), %2F and %25',
    rules: ['asgi.scope.path-decoded', 'asgi.scope.raw-path'],
    check: scopeRequestLine,
    request: (c) => ({ method: 'GET', target: '/caf%C3%A9/a%2Fb%25?q=%C3%A9', version: 'HTTP/1.1', headers: [['Host', `127.0.0.1:${c.port}`], ['Connection', 'close']], body: '' }),
  },
  {
    kind: 'property',
    id: 'asgi.scope.headers',
    does: 'sends generated header fields (repeated names, mixed case, obs-text) and compares scope["headers"]',
    numRuns: 100,
    rules: ['asgi.scope.headers-bytes', 'asgi.scope.headers-order', 'asgi.scope.headers-lowercase'],
    check: scopeHeaders,
    arbitrary: generated,
  },
  {
    kind: 'property',
    id: 'asgi.receive.body',
    does: 'sends generated bodies with Content-Length or chunked framing, split over several writes, and reads every http.request event',
    numRuns: 100,
    rules: ['asgi.receive.event-types', 'asgi.receive.more-body', 'asgi.receive.body-bytes', 'asgi.receive.chunked-decoded'],
    check: bodyReceives,
    arbitrary: generated,
  },
  {
    kind: 'case',
    id: 'asgi.receive.chunked',
    does: 'sends a body in chunks of 1, 7 and 16 octets to every server, declared capability or not',
    rules: ['asgi.receive.chunked-decoded', 'asgi.receive.more-body', 'asgi.receive.event-types'],
    check: bodyReceives,
    request: (c) => fixed(c, { body: 'c' + 'hunked body, split in 3', chunks: [1, 7, 16] }),
  },
  {
    kind: 'case',
    id: 'asgi.receive.after-body',
    does: 'reads the whole body, then calls receive() once more with a 500 ms deadline before responding',
    rules: ['asgi.receive.after-body', 'asgi.receive.more-body'],
    check: afterBody,
    request: (c) => fixed(c, { body: 'the whole body', plan: 'receive-after-body:500' }),
  },
  {
    kind: 'property',
    id: 'asgi.response.generated',
    does: 'the probe answers with generated statuses, header lists (repeated names) and body events (empty ones among them)',
    numRuns: 60,
    rules: ['asgi.response.start-relayed', 'asgi.response.body-concatenated'],
    check: both(startRelayed, bodyConcatenated),
    arbitrary: (context) => responsePlan().map((plan) => plannedRequest(context, { id: newPlanId(), ...plan })),
  },
  {
    kind: 'case',
    id: 'asgi.response.transfer-encoding',
    does: 'the probe puts transfer-encoding: chunked among its headers and sends a plain body in two events',
    rules: ['asgi.response.transfer-encoding-ignored'],
    check: transferEncodingIgnored,
    request: planned({ headers: [['transfer-encoding', 'chunked']], body: ['plain-', 'body'] }),
  },
  {
    kind: 'case',
    id: 'asgi.send.unknown-event',
    does: "the probe sends {'type': 'gwi.unknown-event'} before http.response.start, then answers normally",
    rules: ['asgi.send.invalid-event-raises'],
    check: unknownEventRaises,
    request: planned({ unknownEvent: true, headers: [['content-length', '13']], body: ['after-unknown'] }),
  },
  {
    kind: 'case',
    id: 'asgi.send.extra-keys',
    does: 'the probe adds a key no spec defines to http.response.start and to each http.response.body',
    rules: ['asgi.send.extra-keys-accepted'],
    check: extraKeysAccepted,
    request: planned({ extraKeys: true, body: ['extra-', 'keys'] }),
  },
  ...responseScenarios,
  ...lifespanScenarios,
];
