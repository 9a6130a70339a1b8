/** A parsed HTTP/1.x response head, and what follows the blank line that ends it. */
export interface ResponseHead {
  status: number;
  reason: string;
  statusLine: string;
  headers: Array<[string, string]>;
  /** Octets after the header section (interim 1xx responses skipped). */
  rest: string;
}

/**
 * What the harness reads of a server's answer at most: a server controls these sizes, and an answer past them is
 * reported as broken, not held in memory. Far above what any response of the suite needs.
 */
export const responseLimits = { headOctets: 256 * 1024, chunkLineOctets: 4096, totalOctets: 16 * 1024 * 1024 };

export type HeadResult = { kind: 'head'; head: ResponseHead } | { kind: 'incomplete' } | { kind: 'garbage'; reason: string };

/**
 * Read the head of a response from an octet string; 1xx interim responses are skipped. `anyMinor` accepts
 * HTTP/1.x status lines of any minor version (what a recipient must be able to read, RFC 9110 section 6.2).
 */
export function readHead(text: string, anyMinor = false): HeadResult {
  let remaining = text;
  for (;;) {
    const end = remaining.indexOf('\r\n\r\n');
    if (end < 0) {
      if (remaining.length > 0 && !/^H(T(T(P(\/)?)?)?)?/.test(remaining.slice(0, 5))) return { kind: 'garbage', reason: 'the reply does not start with HTTP/' };
      if (remaining.length > responseLimits.headOctets) return { kind: 'garbage', reason: `the response head passed ${responseLimits.headOctets} octets without ending` };
      return { kind: 'incomplete' };
    }
    const [statusLine, ...lines] = remaining.slice(0, end).split('\r\n');
    const match = (anyMinor ? /^HTTP\/1\.\d (\d{3})(?: (.*))?$/ : /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/).exec(statusLine);
    if (!match) return { kind: 'garbage', reason: `malformed status line ${JSON.stringify(statusLine)}` };
    const headers: Array<[string, string]> = [];
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon <= 0) return { kind: 'garbage', reason: `malformed header line ${JSON.stringify(line)}` };
      headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
    }
    const status = Number(match[1]);
    const rest = remaining.slice(end + 4);
    if (status >= 100 && status < 200) {
      remaining = rest;
      continue;
    }
    return { kind: 'head', head: { status, reason: match[2] ?? '', statusLine, headers, rest } };
  }
}

export const headerValues = (head: Pick<ResponseHead, 'headers'>, name: string) =>
  head.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

export type Framing = 'chunked' | 'length' | 'close';

/**
 * The body after a head, decoded from its framing (RFC 9112 section 6.3). `complete` says the framing shows its end;
 * `ended` says the peer has closed, which is what ends a close-delimited body. `used` counts the octets of
 * `head.rest` the message takes (trailer section included), so what follows is the next message. `malformed` flags
 * broken framing.
 */
export function decodeBody(head: ResponseHead, ended: boolean): { body: string; complete: boolean; used: number; framing: Framing; malformed?: string } {
  if (headerValues(head, 'transfer-encoding').join(',').toLowerCase().includes('chunked')) {
    let body = '';
    let offset = 0;
    for (;;) {
      const lineEnd = head.rest.indexOf('\r\n', offset);
      if (lineEnd < 0 && head.rest.length - offset > responseLimits.chunkLineOctets) {
        return { body, complete: false, used: 0, framing: 'chunked', malformed: `a chunk size line passed ${responseLimits.chunkLineOctets} octets without ending` };
      }
      if (lineEnd < 0) return { body, complete: false, used: 0, framing: 'chunked' };
      const size = parseInt(head.rest.slice(offset, lineEnd).split(';')[0], 16);
      if (Number.isNaN(size)) return { body, complete: false, used: 0, framing: 'chunked', malformed: 'bad chunk size line' };
      if (size === 0) {
        // the trailer section ends at the first empty line after the last chunk
        const end = head.rest.startsWith('\r\n', lineEnd + 2) ? lineEnd + 4 : head.rest.indexOf('\r\n\r\n', lineEnd) + 4;
        return end >= 4 ? { body, complete: true, used: end, framing: 'chunked' } : { body, complete: false, used: 0, framing: 'chunked' };
      }
      const data = head.rest.slice(lineEnd + 2, lineEnd + 2 + size);
      body += data;
      if (data.length < size || head.rest.length < lineEnd + 2 + size + 2) return { body, complete: false, used: 0, framing: 'chunked' };
      if (head.rest.slice(lineEnd + 2 + size, lineEnd + 4 + size) !== '\r\n') return { body, complete: false, used: 0, framing: 'chunked', malformed: 'chunk data is not followed by CRLF' };
      offset = lineEnd + 2 + size + 2;
    }
  }
  const length = headerValues(head, 'content-length')[0];
  if (length !== undefined) {
    if (!/^\d+$/.test(length)) return { body: head.rest, complete: false, used: 0, framing: 'length', malformed: `bad Content-Length ${JSON.stringify(length)}` };
    const n = Number(length);
    return { body: head.rest.slice(0, n), complete: head.rest.length >= n, used: Math.min(n, head.rest.length), framing: 'length' };
  }
  return { body: head.rest, complete: ended, used: head.rest.length, framing: 'close' };
}
