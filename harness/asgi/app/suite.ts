import type { ApplicationEntry } from '../../run/applicationRun.ts';
import { loadCatalogue } from '../../spec/catalogue.ts';
import { asgiCall, httpCall, type AsgiCall } from './calls.ts';
import { applicationCall, type AsgiAppCheck } from './checks.ts';

export type AsgiAppEntry = ApplicationEntry<AsgiCall> & { check: AsgiAppCheck; /** Also call without the extra keys, for comparison. */ baseline?: boolean };

/** Every ASGI rule about applications: the checks judge all of them on every call that can show them. */
export const asgiApplicationRules = (): string[] => [...loadCatalogue().values()].filter((rule) => rule.subject === 'application' && rule.id.startsWith('asgi.')).map((rule) => rule.id);

const form = 'name=gwi&value=%C3%A9t%C3%A9&empty=';

/** What the harness asks of an ASGI application: generated HTTP calls, lifespan, and a few fixed calls. */
export function asgiApplicationSuite(): AsgiAppEntry[] {
  const rules = asgiApplicationRules();
  const check = applicationCall;
  return [
    {
      kind: 'property', id: 'asgi.app.calls', numRuns: 60, rules, check,
      does: 'calls the application with generated HTTP scopes (methods, paths, queries, headers, mounts, optional keys absent, extensions announced) and bodies split over several http.request events, some slow, some cut short by a disconnect',
      arbitrary: () => asgiCall(),
    },
    {
      kind: 'case', id: 'asgi.app.get-root', rules, check,
      does: 'calls the application with GET / and a plain scope',
      call: () => httpCall('GET', '/'),
    },
    {
      kind: 'case', id: 'asgi.app.post-form-in-pieces', rules, check,
      does: 'POSTs a form whose body comes in three http.request events, 20 ms apart',
      call: () => httpCall('POST', '/', {
        scope: { headers: [['host', '127.0.0.1:8000'], ['content-type', 'application/x-www-form-urlencoded'], ['content-length', String(form.length)]] },
        receive: { body: [form.slice(0, 5), form.slice(5, 20), form.slice(20)], delayMs: 20 },
      }),
    },
    {
      kind: 'case', id: 'asgi.app.head', rules, check,
      does: 'calls the application with HEAD /',
      call: () => httpCall('HEAD', '/'),
    },
    {
      kind: 'case', id: 'asgi.app.not-found', rules, check,
      does: 'asks for a path the application does not route, under a root_path mount',
      call: () => httpCall('GET', '/mounted/gwi-test/no/such/page', { scope: { root_path: '/mounted' } }),
    },
    {
      kind: 'case', id: 'asgi.app.trailers-announced', rules, check,
      does: 'calls the application with GET / and every sending extension announced (trailers, early hints, path send, zero-copy send, push)',
      call: () => httpCall('GET', '/', { scope: { extensions: ['http.response.trailers', 'http.response.early_hint', 'http.response.pathsend', 'http.response.zerocopysend', 'http.response.push'] } }),
    },
    {
      kind: 'case', id: 'asgi.app.extra-keys', rules, check, baseline: true,
      does: 'POSTs a body in two http.request events that carry a key no spec defines, and the same call without it',
      call: () => httpCall('POST', '/', { scope: { headers: [['host', '127.0.0.1:8000'], ['content-length', '8']] }, receive: { body: ['extra', 'key'], extraKeys: true } }),
    },
    {
      kind: 'case', id: 'asgi.app.lifespan', rules, check,
      does: 'calls the application with a lifespan scope, hands it lifespan.startup and, once it answered, lifespan.shutdown',
      call: () => ({ scope: { type: 'lifespan' } }),
    },
    {
      kind: 'case', id: 'asgi.app.unknown-protocol', rules, check,
      does: "calls the application with a scope of type 'gwi.unknown-protocol'",
      call: () => ({ scope: { type: 'gwi.unknown-protocol' } }),
    },
  ];
}
