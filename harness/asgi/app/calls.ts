import fc from 'fast-check';
import type { AsgiCallCommand } from '../../generated/asgiDriverProtocol.ts';
import { decodePath } from '../../http/target.ts';
import { body } from '../../generators/body.ts';
import { chunking } from '../../generators/chunking.ts';
import { headerFields } from '../../generators/headerFields.ts';
import { method } from '../../generators/method.ts';
import { requestTarget } from '../../generators/requestTarget.ts';

/** What the ASGI driver is asked to do for one call: the scope and the receive() script. */
export type AsgiCall = Omit<AsgiCallCommand, 'cmd' | 'seq'>;

/** Extensions a server may announce that let the application send events of their own. */
export const sendingExtensions = ['http.response.trailers', 'http.response.early_hint', 'http.response.pathsend', 'http.response.zerocopysend', 'http.response.push'];

const utf8 = new TextDecoder('utf-8');
/** scope['path']: the percent-decoded octets read as UTF-8, as a server builds it. */
const pathOf = (rawPath: string) => utf8.decode(Buffer.from(decodePath(rawPath), 'latin1'));

/** A plain HTTP call: GET-like, no body, default scope keys; `extra` replaces or adds scope keys and the script. */
export function httpCall(methodName: string, target: string, extra: { scope?: Partial<AsgiCall['scope']>; receive?: AsgiCall['receive'] } = {}): AsgiCall {
  const [rawPath, query = ''] = target.split(/\?(.*)/s);
  return {
    scope: {
      type: 'http', http_version: '1.1', method: methodName, scheme: 'http', path: pathOf(rawPath), raw_path: rawPath, query_string: query,
      root_path: '', headers: [['host', '127.0.0.1:8000']], client: ['127.0.0.1', 50000], server: ['127.0.0.1', 8000], ...extra.scope,
    },
    receive: extra.receive ?? { body: [''] },
  };
}

/** Split `text` into consecutive pieces of the given sizes. */
function pieces(text: string, sizes: number[]): [string, ...string[]] {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(text.slice(at, at + size));
    at += size;
  }
  return out.length > 0 ? (out as [string, ...string[]]) : [''];
}

/**
 * An HTTP connection scope as a conformant server builds it from a generated request (ASGI HTTP connection scope:
 * https://asgi.readthedocs.io/en/latest/specs/www.html#http-connection-scope), with the server behaviours an
 * application must cope with: the body in several http.request events, slow receives, a client that goes away,
 * a mount (root_path), optional keys absent, extensions announced or not.
 */
export function asgiCall(): fc.Arbitrary<AsgiCall> {
  return fc
    .record({
      method: fc.oneof({ weight: 4, arbitrary: method() }, { weight: 1, arbitrary: fc.constant('HEAD') }),
      target: requestTarget(),
      mount: fc.constantFrom('', '', '', '/mount'),
      version: fc.constantFrom('1.1', '1.1', '1.0'),
      fields: headerFields(),
      contentType: fc.option(fc.constantFrom('text/plain', 'application/json', 'application/x-www-form-urlencoded', 'application/octet-stream'), { nil: undefined }),
      body: fc.oneof(fc.constant(''), body()),
      split: chunking(),
      delayMs: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }) }),
      gone: fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat({ max: 3 }) }),
      scheme: fc.constantFrom('http' as const, 'https' as const),
      optional: fc.record({ client: fc.boolean(), server: fc.boolean(), rawPath: fc.boolean(), state: fc.boolean() }),
      extensions: fc.subarray(sendingExtensions),
    })
    .map((g): AsgiCall => {
      const rawPath = g.mount + g.target.path;
      const headers: Array<[string, string]> = [['host', 'example.test'], ...g.fields.map(([n, v]): [string, string] => [n.toLowerCase(), v])];
      if (g.contentType) headers.push(['content-type', g.contentType]);
      if (g.body.length > 0) headers.push(['content-length', String(g.body.length)]);
      const chunks = pieces(g.body, g.split(g.body.length));
      return {
        scope: {
          type: 'http', http_version: g.version, method: g.method, scheme: g.scheme, path: pathOf(rawPath), query_string: g.target.query ?? '',
          root_path: g.mount, headers, extensions: g.extensions,
          ...(g.optional.rawPath ? { raw_path: rawPath } : {}),
          ...(g.optional.client ? { client: ['127.0.0.1', 51000] as [string, number] } : {}),
          ...(g.optional.server ? { server: ['127.0.0.1', 8000] as [string, number] } : {}),
          ...(g.optional.state ? { state: {} } : {}),
        },
        receive: { body: chunks, ...(g.delayMs ? { delayMs: g.delayMs } : {}), ...(g.gone !== undefined ? { disconnectAfter: Math.min(g.gone, chunks.length - 1) } : {}) },
      };
    });
}
