import fc from 'fast-check';
import type { RackCallCommand } from '../../generated/rackDriverProtocol.ts';
import { splitTarget } from '../../http/target.ts';
import { body } from '../../generators/body.ts';
import { headerFields } from '../../generators/headerFields.ts';
import { method } from '../../generators/method.ts';
import { requestTarget, targetText } from '../../generators/requestTarget.ts';

/** What the Rack driver is asked to do for one call: the env variables, the body and how rack.input hands it out. */
export type RackCall = Omit<RackCallCommand, 'cmd' | 'seq'>;

/** The keys the driver adds to every env (fixtures/rack/driver/gwi_rack_driver.rb, build_env). */
export const driverKeys = ['rack.version', 'rack.url_scheme', 'rack.input', 'rack.errors', 'rack.multithread', 'rack.multiprocess', 'rack.run_once', 'rack.hijack?'];

/** A plain env for one request (127.0.0.1:8000, HTTP/1.1, no body); `vars` replace or add variables. */
export function rackCall(methodName: string, target: string, extra: Partial<RackCall> & { vars?: Record<string, string> } = {}): RackCall {
  const { vars, ...rest } = extra;
  const { path, query } = splitTarget(target);
  return {
    env: {
      REQUEST_METHOD: methodName, SCRIPT_NAME: '', PATH_INFO: path, QUERY_STRING: query ?? '', SERVER_NAME: '127.0.0.1', SERVER_PORT: '8000',
      SERVER_PROTOCOL: 'HTTP/1.1', REMOTE_ADDR: '127.0.0.1', HTTP_HOST: '127.0.0.1:8000', HTTP_VERSION: 'HTTP/1.1', ...vars,
    },
    body: '',
    ...rest,
  };
}

/** HTTP_ variables from field lines, as Rack servers make them: upper case, "-" as "_", repeats joined with ",". */
function httpVariables(fields: Array<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of fields) {
    const key = `HTTP_${name.toUpperCase().replace(/-/g, '_')}`;
    if (key === 'HTTP_HOST' || key === 'HTTP_CONTENT_TYPE' || key === 'HTTP_CONTENT_LENGTH') continue;
    out[key] = key in out ? `${out[key]},${value}` : value;
  }
  return out;
}

const mediaType = fc.constantFrom('text/plain', 'application/json', 'application/x-www-form-urlencoded', 'application/octet-stream');

/**
 * A Rack 2.2 env as a conformant server builds it from a generated request (SPEC, the Environment:
 * https://github.com/rack/rack/blob/2-2-stable/SPEC.rdoc#the-environment): PATH_INFO left percent-encoded as
 * Puma and Unicorn pass it, QUERY_STRING always present, HTTP_ variables, a mount in SCRIPT_NAME, and a body consistent
 * with CONTENT_LENGTH. rack.input reads whole, as IO#read does (the SPEC: read "behaves like IO#read").
 */
export function rackEnv(): fc.Arbitrary<RackCall> {
  return fc
    .record({
      method: fc.oneof({ weight: 4, arbitrary: method() }, { weight: 1, arbitrary: fc.constant('HEAD') }),
      target: requestTarget(),
      mount: fc.constantFrom('', '', '', '/mount'),
      version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0'),
      fields: headerFields(),
      contentType: fc.option(mediaType, { nil: undefined }),
      body: fc.oneof(fc.constant(''), body()),
      scheme: fc.constantFrom('http' as const, 'https' as const),
    })
    .map((g): RackCall => {
      const call = rackCall(g.method, targetText(g.target), {
        scheme: g.scheme,
        body: g.body,
        vars: { SCRIPT_NAME: g.mount, SERVER_PROTOCOL: g.version, HTTP_VERSION: g.version, ...httpVariables(g.fields) },
      });
      if (g.contentType !== undefined) call.env.CONTENT_TYPE = g.contentType;
      if (g.body.length > 0) call.env.CONTENT_LENGTH = String(g.body.length);
      return call;
    });
}
