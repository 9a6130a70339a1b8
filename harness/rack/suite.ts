import fc from 'fast-check';
import { httpRequest } from '../generators/httpRequest.ts';
import { bodyCloseScenario } from '../run/bodyClose.ts';
import type { CheckedEntry } from '../run/entries.ts';
import { environment, response } from './checks.ts';
import { hijackScenarios } from './hijack.ts';
import type { Check } from './observation.ts';
import { plannedRequest } from './plans.ts';
import { toPathScenario } from './toPath.ts';

type Entry = CheckedEntry<Check>;

const octets = fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes).toString('latin1'));

/** The Rack profile: generated requests read back from the environment, and planned responses. */
export const rackSuite: Entry[] = [
  {
    kind: 'property',
    id: 'rack.env.generated',
    does: 'sends generated requests (methods of any case, paths and queries with escapes, fields, bodies) and reads the environment and rack.input',
    numRuns: 60,
    rules: [
      'rack.env.request-method', 'rack.env.path', 'rack.env.query-string', 'rack.env.server-name', 'rack.env.server-port', 'rack.env.cgi-strings',
      'rack.env.http-content-keys', 'rack.env.content-length', 'rack.env.rack-keys', 'rack.input.stream', 'rack.errors.stream',
      'rack.hijack.absent-when-unsupported',
    ],
    check: environment,
    arbitrary: (context) => httpRequest({ port: context.port, chunked: context.capabilities.includes('chunked-request-body'), mixedCaseMethods: true }).filter((r) => r.method.toUpperCase() !== 'HEAD'),
  },
  {
    kind: 'case',
    id: 'rack.env.root',
    does: 'sends GET / with a Content-Type and a 5-octet body',
    rules: ['rack.env.path', 'rack.env.path-info-root', 'rack.env.http-content-keys', 'rack.env.content-length', 'rack.input.stream'],
    check: environment,
    request: (c) => ({ method: 'POST', target: '/', version: 'HTTP/1.1', headers: [['Host', `127.0.0.1:${c.port}`], ['Content-Type', 'text/plain'], ['Content-Length', '5'], ['Connection', 'close']], body: 'hello' }),
  },
  {
    kind: 'property',
    id: 'rack.response.generated',
    does: 'the probe answers with a generated status, a two-line header, a rack.* header and a body of generated Strings yielded from each',
    numRuns: 25,
    rules: ['rack.response.status', 'rack.response.header-lines', 'rack.response.rack-headers', 'rack.response.body'],
    check: response,
    arbitrary: (context) => fc.record({ status: fc.integer({ min: 200, max: 599 }).filter((s) => ![204, 205, 304].includes(s)), body: fc.array(octets, { maxLength: 4 }) })
      .map(({ status, body }) => plannedRequest(context, { status, headers: [['Content-Type', 'application/octet-stream'], ['X-Gwi-Lines', 'one\ntwo'], ['rack.gwi-private', 'server only']], body })),
  },
  bodyCloseScenario({
    id: 'rack.response.body-close',
    ruleId: 'rack.response.body-close',
    does: 'the probe answers with a body that responds to close and logs the call',
    request: (context, closeLog) => plannedRequest(context, { headers: [['Content-Type', 'text/plain']], body: ['closing ', 'body'], closeLog }),
  }),
  toPathScenario,
  ...hijackScenarios,
];
