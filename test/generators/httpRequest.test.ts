import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { httpRequest } from '../../harness/generators/httpRequest.ts';
import { fieldValues, serializeRequest } from '../../harness/http/request.ts';

/** Splits serialized octets back into head and framed body, the way a server reads them. */
function parseRequest(octets: Buffer) {
  const text = octets.toString('latin1');
  const headEnd = text.indexOf('\r\n\r\n');
  const [line, ...fields] = text.slice(0, headEnd).split('\r\n');
  return { line, fields, rest: text.slice(headEnd + 4) };
}

describe('httpRequest()', () => {
  it('serializes to a request line, field lines and a body framed as announced', () => {
    fc.assert(
      fc.property(httpRequest({ port: 8080, chunked: true }), (request) => {
        const { line, fields, rest } = parseRequest(serializeRequest(request));
        expect(line).toMatch(/^[A-Z]+ \/\S* HTTP\/1\.[01]$/);
        for (const field of fields) expect(field).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+: [^\r\n]*$/);
        const length = fieldValues(request, 'content-length');
        if (request.chunks) {
          expect(request.version).toBe('HTTP/1.1');
          expect(fieldValues(request, 'transfer-encoding')).toEqual(['chunked']);
          expect(length).toEqual([]);
          expect(rest.endsWith('0\r\n\r\n')).toBe(true);
        } else {
          expect(rest).toBe(request.body);
          expect(length).toEqual(request.body === '' && length.length === 0 ? [] : [String(request.body.length)]);
        }
        if (request.version === 'HTTP/1.1') expect(fieldValues(request, 'host')).toEqual(['127.0.0.1:8080']);
      }),
      { numRuns: 300 },
    );
  });

  it('sends chunked framing only when the adapter declares it', () => {
    fc.assert(fc.property(httpRequest({ port: 1 }), (request) => request.chunks === undefined));
  });
});
