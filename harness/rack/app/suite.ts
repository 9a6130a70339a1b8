import type fc from 'fast-check';
import { loadCatalogue } from '../../spec/catalogue.ts';
import { rackCall, rackEnv, type RackCall } from './calls.ts';

interface Base {
  id: string;
  /** What the harness does, in a phrase. */
  does: string;
  rules: string[];
}

export type RackAppEntry =
  | (Base & { kind: 'property'; numRuns: number; arbitrary(): fc.Arbitrary<RackCall> })
  | (Base & { kind: 'case'; call(): RackCall });

/** Every rule about Rack applications: the driver's checks judge them all on every call. */
export const rackApplicationRules = (): string[] => [...loadCatalogue().values()].filter((rule) => rule.subject === 'application' && rule.id.startsWith('rack.')).map((rule) => rule.id);

const form = 'name=gwi&value=%C3%A9t%C3%A9&empty=';

/** What the harness asks of a Rack application: generated envs, and a few fixed ones every application meets. */
export function rackApplicationSuite(): RackAppEntry[] {
  const rules = rackApplicationRules();
  return [
    {
      kind: 'property', id: 'rack-app.envs', numRuns: 150, rules,
      does: 'calls the application with generated envs (methods, paths, queries, headers, bodies, mounts)',
      arbitrary: () => rackEnv(),
    },
    { kind: 'case', id: 'rack-app.get-root', rules, does: 'calls the application with GET /', call: () => rackCall('GET', '/') },
    {
      kind: 'case', id: 'rack-app.post-form', rules,
      does: 'POSTs a form body',
      call: () => rackCall('POST', '/', { body: form, vars: { CONTENT_TYPE: 'application/x-www-form-urlencoded', CONTENT_LENGTH: String(form.length) } }),
    },
    {
      kind: 'case', id: 'rack-app.stream', rules,
      does: 'asks for /stream (the framework adapters route it to a streamed body)',
      call: () => rackCall('GET', '/stream'),
    },
    {
      kind: 'case', id: 'rack-app.file', rules,
      does: 'asks for /file (the framework adapters send a file there, a body with to_path)',
      call: () => rackCall('GET', '/file'),
    },
    { kind: 'case', id: 'rack-app.head', rules, does: 'calls the application with HEAD /', call: () => rackCall('HEAD', '/') },
    {
      kind: 'case', id: 'rack-app.not-found', rules,
      does: 'asks for a path the application does not route, under a SCRIPT_NAME mount',
      call: () => rackCall('GET', '/gwi-test/no/such/page', { vars: { SCRIPT_NAME: '/mounted' } }),
    },
    {
      kind: 'case', id: 'rack-app.conditional-get', rules,
      does: 'sends GET / with If-None-Match: * (an application with ETags answers 304)',
      call: () => rackCall('GET', '/', { vars: { HTTP_IF_NONE_MATCH: '*' } }),
    },
  ];
}
