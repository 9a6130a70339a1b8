import fc from 'fast-check';
import { expect, it } from 'vitest';
import { httpRequest } from '../../harness/generators/httpRequest.ts';
import { escapeOctets, parseRequest, serializeRequest, unescapeOctets } from '../../harness/http/request.ts';

it('a request printed in a report (escaped octets) reads back as the same request, chunking included', () => {
  fc.assert(
    fc.property(httpRequest({ port: 8080, chunked: true }), (request) => {
      const printed = escapeOctets(serializeRequest(request));
      expect(printed).toMatch(/^[\x20-\x7e]*$/);
      expect(parseRequest(unescapeOctets(printed))).toEqual(request);
    }),
    { numRuns: 300 },
  );
});
