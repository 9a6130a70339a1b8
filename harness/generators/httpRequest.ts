import fc from 'fast-check';
import type { HttpRequest } from '../http/request.ts';
import { body } from './body.ts';
import { chunking } from './chunking.ts';
import { headerFields } from './headerFields.ts';
import { method } from './method.ts';
import { requestTarget, targetText } from './requestTarget.ts';

export interface HttpRequestConstraints {
  /** The port the server listens on, for the Host field. */
  port: number;
  /** Generate chunked request bodies (default false: only when the adapter declares the capability). */
  chunked?: boolean;
  /** Extra fields appended before the framing fields. */
  extraHeaders?: Array<[string, string]>;
  /**
   * X-Gwi-Deadline for chunked requests, whose reads go on until end of input and so can block on a server that never
   * signals it. Requests with Content-Length are read only up to it and go without: the probe then reads inline, faster.
   */
  deadlineMs?: number;
  /**
   * Fields that depend on the generated body, e.g. telling a probe how to read it; generated alongside the request so
   * they shrink with it. Default: none.
   */
  bodyFields?: fc.Arbitrary<BodyFields>;
  /** Also send mixed- and lower-case extension methods (default false; see method()). */
  mixedCaseMethods?: boolean;
  /**
   * Put optional whitespace (SP, HTAB) around some generated field values on the wire (default false): RFC 9112
   * section 5 excludes it from the field value, so the value the application sees stays the same.
   */
  paddedValues?: boolean;
}

/** RFC 9112 section 5: field-line = field-name ":" OWS field-value OWS. */
const ows = fc.constantFrom('', '', ' ', '  ', '\t', ' \t');

/** Extra fields for a request, given its body and how the body is framed. */
export type BodyFields = (body: string, framing: 'none' | 'length' | 'chunked') => Array<[string, string]>;

const noFields: BodyFields = () => [];

const mediaType = fc
  .tuple(fc.constantFrom('text/plain', 'application/json', 'application/xml', 'text/csv', 'Application/Octet-Stream'), fc.option(fc.constantFrom('; charset=utf-8', ';charset=ISO-8859-1', '; version=1'), { nil: undefined }))
  .map(([type, params]) => type + (params ?? ''));

/**
 * A well-formed HTTP/1.1 or HTTP/1.0 request (RFC 9112 section 2.1, 3), with the fields `bodyFields` adds for its body.
 * https://www.rfc-editor.org/rfc/rfc9112#section-2.1
 */
export function httpRequest(constraints: HttpRequestConstraints): fc.Arbitrary<HttpRequest> {
  const framings = constraints.chunked ? (['none', 'length', 'chunked'] as const) : (['none', 'length'] as const);
  return fc
    .record({
      method: method({ mixedCase: constraints.mixedCaseMethods }),
      target: requestTarget(),
      version: fc.constantFrom('HTTP/1.1' as const, 'HTTP/1.0' as const),
      host: fc.boolean(),
      fields: headerFields(),
      contentType: fc.option(mediaType, { nil: undefined }),
      framing: fc.constantFrom(...framings),
      body: body(),
      chunks: chunking(),
      bodyFields: constraints.bodyFields ?? fc.constant(noFields),
      pads: constraints.paddedValues ? fc.array(fc.tuple(ows, ows), { maxLength: 12 }) : fc.constant([] as Array<[string, string]>),
    })
    .map((g) => {
      const http11 = g.version === 'HTTP/1.1';
      const framing = g.framing === 'chunked' && !http11 ? 'length' : g.framing;
      const data = framing === 'none' ? '' : g.body;
      const headers: Array<[string, string]> = [];
      if (http11 || g.host) headers.push(['Host', `127.0.0.1:${constraints.port}`]);
      headers.push(...g.fields.map(([name, value], i): [string, string] => [name, (g.pads[i]?.[0] ?? '') + value + (g.pads[i]?.[1] ?? '')]));
      if (g.contentType !== undefined) headers.push(['Content-Type', g.contentType]);
      headers.push(...(constraints.extraHeaders ?? []));
      headers.push(...g.bodyFields(data, framing));
      if (framing === 'length') headers.push(['Content-Length', String(data.length)]);
      if (framing === 'chunked') headers.push(['Transfer-Encoding', 'chunked']);
      if (framing === 'chunked' && constraints.deadlineMs !== undefined) headers.push(['X-Gwi-Deadline', String(constraints.deadlineMs)]);
      if (http11) headers.push(['Connection', 'close']);
      const request: HttpRequest = { method: g.method, target: targetText(g.target), version: g.version, headers, body: data };
      if (framing === 'chunked') request.chunks = g.chunks(data.length);
      return request;
    });
}
