import fc from 'fast-check';
import { httpRequest } from '../generators/httpRequest.ts';
import { bodyCloseScenario } from '../run/bodyClose.ts';
import type { CheckedEntry } from '../run/entries.ts';
import { callbackResponse, combined, environment, response } from './checks.ts';
import { cleanupScenario, extensionKeys } from './extensions.ts';
import type { Check } from './observation.ts';
import { plannedRequest } from './plans.ts';

type Entry = CheckedEntry<Check>;

const octets = fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes).toString('latin1'));

/** The PSGI profile: generated requests read back from the environment, and planned responses. */
export const psgiSuite: Entry[] = [
  {
    kind: 'property',
    id: 'psgi.env.generated',
    does: 'sends generated requests (methods of any case, paths and queries with escapes, fields, bodies) and reads the environment and psgi.input',
    numRuns: 60,
    rules: [
      'psgi.env.request-method', 'psgi.env.path', 'psgi.env.path-decoded', 'psgi.env.query-string', 'psgi.env.server-name-port', 'psgi.env.server-protocol',
      'psgi.env.cgi-strings', 'psgi.env.http-content-keys', 'psgi.env.content-length', 'psgi.env.psgi-keys', 'psgi.input.read', 'psgi.errors.print',
      'psgi.ext.input-buffered', 'psgi.ext.cleanup.handlers',
    ],
    check: (observation) => [...environment(observation), ...extensionKeys(observation)],
    arbitrary: (context) => httpRequest({ port: context.port, chunked: context.capabilities.includes('chunked-request-body'), mixedCaseMethods: true }).filter((r) => r.method.toUpperCase() !== 'HEAD'),
  },
  {
    kind: 'case',
    id: 'psgi.env.escaped-path',
    does: 'sends POST /caf%C3%A9/%7Ex with a Content-Type and a 5-octet body',
    rules: ['psgi.env.path', 'psgi.env.path-decoded', 'psgi.env.http-content-keys', 'psgi.env.content-length', 'psgi.input.read'],
    check: environment,
    request: (c) => ({ method: 'POST', target: '/caf%C3%A9/%7Ex', version: 'HTTP/1.1', headers: [['Host', `127.0.0.1:${c.port}`], ['Content-Type', 'text/plain'], ['Content-Length', '5'], ['Connection', 'close']], body: 'hello' }),
  },
  {
    kind: 'case',
    id: 'psgi.env.repeated-field',
    does: 'sends X-Gwi-Twice: one and X-Gwi-Twice: two',
    rules: ['psgi.env.http-combined'],
    check: combined,
    request: (c) => ({ method: 'GET', target: '/twice', version: 'HTTP/1.1', headers: [['Host', `127.0.0.1:${c.port}`], ['X-Gwi-Twice', 'one'], ['X-Gwi-Twice', 'two'], ['Connection', 'close']], body: '' }),
  },
  {
    kind: 'property',
    id: 'psgi.response.generated',
    does: 'the probe answers with a generated status, a repeated header and a body of generated elements, as an array or from getline',
    numRuns: 25,
    rules: ['psgi.response.status', 'psgi.response.repeated-headers', 'psgi.response.body-array', 'psgi.response.body-handle'],
    check: response,
    arbitrary: (context) => fc.record({ status: fc.integer({ min: 200, max: 599 }).filter((s) => ![204, 205, 304].includes(s)), body: fc.array(octets, { maxLength: 4 }), bodyAs: fc.constantFrom('array' as const, 'handle' as const) })
      .map(({ status, body, bodyAs }) => plannedRequest(context, { status, headers: [['Content-Type', 'application/octet-stream'], ['X-Gwi-Twice', 'one'], ['X-Gwi-Twice', 'two']], body, bodyAs })),
  },
  ...(['delayed', 'streaming'] as const).map((bodyAs): Entry => ({
    kind: 'case',
    id: `psgi.response.${bodyAs}`,
    does: bodyAs === 'delayed' ? 'the probe returns a callback that hands the responder a whole 201 response' : 'the probe returns a callback that hands the responder status 201 and headers, then writes two chunks through the writer and closes it',
    rules: ['psgi.response.streaming-offered', 'psgi.response.delayed'],
    check: callbackResponse,
    request: (c) => plannedRequest(c, { status: 201, headers: [['Content-Type', 'text/plain']], body: [`${bodyAs} `, 'body'], bodyAs, noLength: bodyAs === 'streaming' }),
  })),
  bodyCloseScenario({
    id: 'psgi.response.body-close',
    ruleId: 'psgi.response.body-close',
    does: 'the probe answers with a body object whose close logs the call',
    request: (context, closeLog) => plannedRequest(context, { headers: [['Content-Type', 'text/plain']], body: ['closing ', 'body'], bodyAs: 'handle', closeLog }),
  }),
  cleanupScenario,
];
