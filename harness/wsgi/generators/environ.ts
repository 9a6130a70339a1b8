import fc from 'fast-check';
import type { CallCommand } from '../../generated/driverProtocol.ts';
import { expectedHttpVariables, decodePath, splitTarget } from '../oracle.ts';
import { body } from '../../generators/body.ts';
import { headerFields } from '../../generators/headerFields.ts';
import { method } from '../../generators/method.ts';
import { requestTarget, targetText } from '../../generators/requestTarget.ts';

/** What the driver is asked to do for one call: the environ and the server behaviours around it. */
export type AppCall = Omit<CallCommand, 'cmd' | 'seq'>;

export interface EnvironConstraints {
  /** Offer wsgi.file_wrapper sometimes (default true): an optional key an application must cope with either way. */
  fileWrapper?: boolean;
}

const mediaType = fc.constantFrom('text/plain', 'application/json', 'application/x-www-form-urlencoded', 'application/octet-stream; charset=utf-8');

/**
 * A valid PEP 3333 environ, as the request that a conformant server would build it from (same generators as the
 * server side, mapped by the oracle): CGI variables of RFC 3875 section 4.1, HTTP_ variables joined with ",",
 * SCRIPT_NAME mounts, a body consistent with CONTENT_LENGTH, and the server-side behaviours an application must
 * tolerate: short reads from wsgi.input, optional keys absent, either concurrency flag.
 * https://peps.python.org/pep-3333/#environ-variables
 */
export function environ(constraints: EnvironConstraints = {}): fc.Arbitrary<AppCall> {
  return fc
    .record({
      method: method(),
      target: requestTarget(),
      mount: fc.constantFrom('', '', '/app', '/mount/point'),
      version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0'),
      fields: headerFields(),
      contentType: fc.option(mediaType, { nil: undefined }),
      body: fc.oneof(fc.constant(''), body()),
      emptyLength: fc.constantFrom('absent', 'empty', 'zero'),
      server: fc.record({ name: fc.constantFrom('127.0.0.1', 'localhost', 'example.test'), port: fc.constantFrom('80', '8000', '443') }),
      urlScheme: fc.constantFrom('http' as const, 'https' as const),
      multithread: fc.boolean(),
      multiprocess: fc.boolean(),
      fileWrapper: constraints.fileWrapper === false ? fc.constant(false) : fc.boolean(),
      maxRead: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
      // neither is among PEP 3333's required variables: HTTP_HOST comes only from a Host field, REMOTE_ADDR is one of
      // the other CGI variables a server provides where it can
      withHost: fc.boolean(),
      withRemoteAddr: fc.boolean(),
    })
    .map((g): AppCall => {
      const { path, query } = splitTarget(targetText(g.target));
      const vars: Record<string, string> = {
        REQUEST_METHOD: g.method,
        SCRIPT_NAME: g.mount,
        PATH_INFO: decodePath(path),
        QUERY_STRING: query ?? '',
        SERVER_NAME: g.server.name,
        SERVER_PORT: g.server.port,
        SERVER_PROTOCOL: g.version,
      };
      if (g.withRemoteAddr) vars.REMOTE_ADDR = '127.0.0.1';
      if (g.withHost) vars.HTTP_HOST = `${g.server.name}:${g.server.port}`;
      for (const [key, variable] of expectedHttpVariables({ method: g.method, target: path, version: 'HTTP/1.1', headers: g.fields, body: '' })) {
        if (key !== 'HTTP_HOST' && !variable.hopByHop) vars[key] = variable.values.join(',');
      }
      if (g.contentType !== undefined) vars.CONTENT_TYPE = g.contentType;
      if (g.body.length > 0) vars.CONTENT_LENGTH = String(g.body.length);
      else if (g.emptyLength !== 'absent') vars.CONTENT_LENGTH = g.emptyLength === 'zero' ? '0' : '';
      return {
        environ: vars,
        body: g.body,
        urlScheme: g.urlScheme,
        multithread: g.multithread,
        multiprocess: g.multiprocess,
        fileWrapper: g.fileWrapper,
        ...(g.maxRead !== undefined ? { maxRead: g.maxRead } : {}),
      };
    });
}
