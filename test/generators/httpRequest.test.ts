import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { httpRequest } from '../../harness/generators/httpRequest.ts';
import { fieldValues, serializeRequest } from '../../harness/http/request.ts';
import { expectedHttpVariables } from '../../harness/wsgi/oracle.ts';

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

  it('sends mixed- and lower-case extension methods only when asked, and never a case variant of a standard method', () => {
    const asked = fc.sample(httpRequest({ port: 1, mixedCaseMethods: true }), { seed: 1, numRuns: 400 }).map((r) => r.method);
    const mixed = asked.filter((m) => m !== m.toUpperCase());
    expect(mixed.length).toBeGreaterThan(10);
    for (const m of mixed) expect(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'CONNECT', 'TRACE', 'PRI']).not.toContain(m.toUpperCase());
    const plain = fc.sample(httpRequest({ port: 1 }), { seed: 1, numRuns: 400 }).map((r) => r.method);
    expect(plain.every((m) => m === m.toUpperCase())).toBe(true);
  });

  it('pads some field values with SP and HTAB on the wire when asked, and the oracle expects them trimmed', () => {
    const requests = fc.sample(httpRequest({ port: 1, paddedValues: true }), { seed: 2, numRuns: 300 });
    const padded = requests.flatMap((r) => r.headers).filter(([, value]) => /^[ \t]|[ \t]$/.test(value));
    expect(padded.length).toBeGreaterThan(20);
    for (const request of requests) {
      for (const entry of expectedHttpVariables(request).values()) {
        for (const value of entry.values) expect(value).not.toMatch(/^[ \t]|[ \t]$/);
      }
    }
    const unpadded = fc.sample(httpRequest({ port: 1 }), { seed: 2, numRuns: 300 }).flatMap((r) => r.headers);
    expect(unpadded.filter(([, value]) => /^[ \t]|[ \t]$/.test(value))).toEqual([]);
  });
});
