import fc from 'fast-check';
import type { PsgiCallCommand } from '../../generated/psgiDriverProtocol.ts';
import { body } from '../../generators/body.ts';
import { headerFields } from '../../generators/headerFields.ts';
import { method } from '../../generators/method.ts';
import { requestTarget, targetText } from '../../generators/requestTarget.ts';
import { decodePath, splitTarget } from '../../http/target.ts';

/** What the driver is asked to do for one call: the environment's CGI-style keys, the body, short reads. */
export type PsgiCall = Omit<PsgiCallCommand, 'cmd' | 'seq'>;

export interface PsgiEnvConstraints {
  /** Hand out short reads from psgi.input sometimes (default true). */
  shortReads?: boolean;
}

const mediaType = fc.constantFrom('text/plain', 'application/json', 'application/x-www-form-urlencoded', 'application/octet-stream');

/** HTTP_ keys as the PSGI spec names them (CGI's rule): upper case, "-" to "_", repeated fields joined with ", ". */
function httpKeys(fields: Array<[string, string]>): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const [name, value] of fields) {
    const key = `HTTP_${name.toUpperCase().replace(/-/g, '_')}`;
    if (key === 'HTTP_CONTENT_TYPE' || key === 'HTTP_CONTENT_LENGTH' || key === 'HTTP_HOST' || key === 'HTTP_CONNECTION') continue;
    keys[key] = key in keys ? `${keys[key]}, ${value}` : value;
  }
  return keys;
}

/**
 * A PSGI environment as a conformant server builds it from a generated request: REQUEST_METHOD, SCRIPT_NAME mounts,
 * PATH_INFO decoded, QUERY_STRING always present, HTTP_ keys, a body matching CONTENT_LENGTH, and short reads.
 * https://github.com/plack/psgi-specs/blob/master/PSGI.pod#the-environment
 */
export function psgiEnv(constraints: PsgiEnvConstraints = {}): fc.Arbitrary<PsgiCall> {
  return fc
    .record({
      method: method(),
      target: requestTarget(),
      mount: fc.constantFrom('', '', '/app'),
      version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0'),
      fields: headerFields(),
      contentType: fc.option(mediaType, { nil: undefined }),
      body: fc.oneof(fc.constant(''), body()),
      urlScheme: fc.constantFrom('http' as const, 'https' as const),
      maxRead: constraints.shortReads === false ? fc.constant(undefined) : fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    })
    .map((g): PsgiCall => {
      const { path, query } = splitTarget(targetText(g.target));
      const env: Record<string, string> = {
        REQUEST_METHOD: g.method, SCRIPT_NAME: g.mount, PATH_INFO: decodePath(path), REQUEST_URI: g.mount + targetText(g.target),
        QUERY_STRING: query ?? '', SERVER_NAME: '127.0.0.1', SERVER_PORT: '8000', SERVER_PROTOCOL: g.version,
        REMOTE_ADDR: '127.0.0.1', HTTP_HOST: '127.0.0.1:8000', ...httpKeys(g.fields),
      };
      if (g.contentType !== undefined) env.CONTENT_TYPE = g.contentType;
      if (g.body.length > 0) env.CONTENT_LENGTH = String(g.body.length);
      return { env, body: g.body, urlScheme: g.urlScheme, ...(g.maxRead !== undefined ? { maxRead: g.maxRead } : {}) };
    });
}
