import type fc from 'fast-check';
import { environ, type AppCall } from '../generators/environ.ts';
import { applicationCall, calledAgain, hopByHopIgnored, type AppCheck, type AppObservation } from './checks.ts';
import type { Outcome } from '../observation.ts';
import { loadCatalogue } from '../../spec/catalogue.ts';

interface Base {
  id: string;
  /** What the harness does, in a phrase. */
  does: string;
  rules: string[];
  check: AppCheck;
}

export interface AppPropertyDef extends Base {
  kind: 'property';
  numRuns: number;
  arbitrary(): fc.Arbitrary<AppCall>;
}

export interface AppCaseDef extends Base {
  kind: 'case';
  call(): AppCall;
  /**
   * A second call made right after the first (the same one, or a variant of it), and what is judged of the pair:
   * for the statements about an application as a whole rather than one call.
   */
  then?: { call(first: AppCall): AppCall; compare: (first: AppObservation, second: AppObservation) => Outcome[] };
}

export type AppEntry = AppPropertyDef | AppCaseDef;

/** Every rule about applications: the driver's checks judge them all on every call. */
export const applicationRules = (): string[] => [...loadCatalogue().values()].filter((rule) => rule.subject === 'application' && rule.id.startsWith('wsgi.')).map((rule) => rule.id);

/** A plain environ for one request (127.0.0.1:8000, HTTP/1.1, no body), with `vars` replacing or adding variables. */
export const fixedCall = (method: string, path: string, extra: Partial<AppCall> & { vars?: Record<string, string> } = {}): AppCall => {
  const { vars, ...rest } = extra;
  return {
    environ: {
      REQUEST_METHOD: method, SCRIPT_NAME: '', PATH_INFO: path, QUERY_STRING: '', SERVER_NAME: '127.0.0.1', SERVER_PORT: '8000',
      SERVER_PROTOCOL: 'HTTP/1.1', REMOTE_ADDR: '127.0.0.1', HTTP_HOST: '127.0.0.1:8000', ...vars,
    },
    body: '',
    ...rest,
  };
};

const form = 'name=gwi&value=%C3%A9t%C3%A9&empty=';

/** What the harness asks of an application: generated environs, and a few fixed ones every application meets. */
export function applicationSuite(): AppEntry[] {
  const rules = applicationRules();
  return [
    {
      kind: 'property', id: 'app.environs', numRuns: 150, rules, check: applicationCall,
      does: 'calls the application with generated environs (methods, paths, queries, headers, bodies, mounts, short reads, optional keys absent)',
      arbitrary: () => environ(),
    },
    {
      kind: 'case', id: 'app.get-root', rules, check: applicationCall,
      does: 'calls the application with GET / and no optional keys',
      call: () => fixedCall('GET', '/'),
    },
    {
      kind: 'case', id: 'app.post-form-short-reads', rules, check: applicationCall,
      does: 'POSTs a form body whose wsgi.input hands out one byte per read',
      call: () => fixedCall('POST', '/', { body: form, maxRead: 1, vars: { CONTENT_TYPE: 'application/x-www-form-urlencoded', CONTENT_LENGTH: String(form.length) } }),
    },
    {
      kind: 'case', id: 'app.head', rules, check: applicationCall,
      does: 'calls the application with HEAD /',
      call: () => fixedCall('HEAD', '/'),
    },
    {
      kind: 'case', id: 'app.not-found', rules, check: applicationCall,
      does: 'asks for a path the application does not route, under a SCRIPT_NAME mount',
      call: () => fixedCall('GET', '/gwi-test/no/such/page', { vars: { SCRIPT_NAME: '/mounted' } }),
    },
    {
      kind: 'case', id: 'app.stream-stopped-early', rules, check: applicationCall,
      does: 'asks for /stream and takes only the first block before calling close(), as a server may (it does something where the adapter streams there)',
      call: () => fixedCall('GET', '/stream', { maxChunks: 1 }),
    },
    {
      kind: 'case', id: 'app.file', rules, check: applicationCall,
      does: 'asks for /file with wsgi.file_wrapper offered (it does something where the adapter serves a file there)',
      call: () => fixedCall('GET', '/file', { fileWrapper: true }),
    },
    {
      kind: 'case', id: 'app.called-again', rules, check: applicationCall,
      does: 'calls the application twice with the same GET /again',
      call: () => fixedCall('GET', '/again'),
      then: { call: (first) => first, compare: calledAgain },
    },
    {
      kind: 'case', id: 'app.hop-by-hop-environ', rules, check: applicationCall,
      does: 'calls the application with GET /, then again with HTTP_CONNECTION, HTTP_KEEP_ALIVE, HTTP_TE and HTTP_UPGRADE added',
      call: () => fixedCall('GET', '/'),
      then: { call: (first) => ({ ...first, environ: { ...first.environ, HTTP_CONNECTION: 'keep-alive, Upgrade', HTTP_KEEP_ALIVE: 'timeout=5', HTTP_TE: 'trailers', HTTP_UPGRADE: 'websocket' } }), compare: hopByHopIgnored },
    },
    {
      kind: 'case', id: 'app.non-utf8-path', rules, check: applicationCall,
      does: 'calls the application with a PATH_INFO holding octets that are not UTF-8 (each octet one code point, as PEP 3333 says)',
      call: () => fixedCall('GET', '/caf\xe9/\xff'),
    },
  ];
}
