import type fc from 'fast-check';
import type { ApplicationEntry } from '../../run/applicationRun.ts';
import { loadCatalogue } from '../../spec/catalogue.ts';
import { psgiApplicationCall, type PsgiAppCheck } from './checks.ts';
import { psgiEnv, type PsgiCall } from './psgiEnv.ts';

export type PsgiAppEntry = ApplicationEntry<PsgiCall> & { check: PsgiAppCheck };

/** Every rule about PSGI applications: the checks judge them all on every call. */
export const psgiApplicationRules = (): string[] => [...loadCatalogue().values()].filter((rule) => rule.subject === 'application' && rule.id.startsWith('psgi.')).map((rule) => rule.id);

/** A plain call (127.0.0.1:8000, HTTP/1.1, no body), with `vars` replacing or adding keys. */
export function fixedPsgiCall(method: string, path: string, extra: Partial<PsgiCall> & { vars?: Record<string, string> } = {}): PsgiCall {
  const { vars, ...rest } = extra;
  const env = {
    REQUEST_METHOD: method, SCRIPT_NAME: '', PATH_INFO: path, REQUEST_URI: path, QUERY_STRING: '', SERVER_NAME: '127.0.0.1',
    SERVER_PORT: '8000', SERVER_PROTOCOL: 'HTTP/1.1', REMOTE_ADDR: '127.0.0.1', HTTP_HOST: '127.0.0.1:8000', ...vars,
  };
  return { env, body: '', ...rest };
}

const form = 'name=gwi&value=%C3%A9t%C3%A9&empty=';

/** What the harness asks of a PSGI application: generated environments, and a few fixed ones. */
export function psgiApplicationSuite(): PsgiAppEntry[] {
  const rules = psgiApplicationRules();
  const check = psgiApplicationCall;
  return [
    {
      kind: 'property', id: 'psgi-app.environments', numRuns: 100, rules, check,
      does: 'calls the application with generated environments (methods, paths, queries, headers, bodies, mounts, short reads)',
      arbitrary: (): fc.Arbitrary<PsgiCall> => psgiEnv(),
    },
    { kind: 'case', id: 'psgi-app.get-root', rules, check, does: 'calls the application with GET /', call: () => fixedPsgiCall('GET', '/') },
    {
      kind: 'case', id: 'psgi-app.post-form-short-reads', rules, check,
      does: 'POSTs a form body whose psgi.input hands out one byte per read',
      call: () => fixedPsgiCall('POST', '/', { body: form, maxRead: 1, vars: { CONTENT_TYPE: 'application/x-www-form-urlencoded', CONTENT_LENGTH: String(form.length) } }),
    },
    { kind: 'case', id: 'psgi-app.head', rules, check, does: 'calls the application with HEAD /', call: () => fixedPsgiCall('HEAD', '/') },
    { kind: 'case', id: 'psgi-app.stream', rules, check, does: 'calls the application with GET /stream (the adapters route it to a delayed or streaming response)', call: () => fixedPsgiCall('GET', '/stream') },
    {
      kind: 'case', id: 'psgi-app.stream-without-streaming', rules, check,
      does: 'calls the application with GET /stream while psgi.streaming is false',
      call: () => fixedPsgiCall('GET', '/stream', { streaming: false }),
    },
    { kind: 'case', id: 'psgi-app.no-content', rules, check, does: 'calls the application with GET /no-content (the adapters answer it with 204)', call: () => fixedPsgiCall('GET', '/no-content') },
    {
      kind: 'case', id: 'psgi-app.not-found', rules, check,
      does: 'asks for a path the application does not route, under a SCRIPT_NAME mount',
      call: () => fixedPsgiCall('GET', '/gwi-test/no/such/page', { vars: { SCRIPT_NAME: '/mounted', REQUEST_URI: '/mounted/gwi-test/no/such/page' } }),
    },
    {
      kind: 'case', id: 'psgi-app.non-utf8-path', rules, check,
      does: 'calls the application with a PATH_INFO holding octets that are not UTF-8',
      call: () => fixedPsgiCall('GET', '/caf\xe9/\xff'),
    },
  ];
}
