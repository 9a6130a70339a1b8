/** The header section of a raw response, and what follows it, from an octet string. */
export interface ResponseHead {
  status: number;
  statusLine: string;
  headers: Array<[string, string]>;
  /** Octets after the blank line that ends the header section (1xx interim responses skipped). */
  rest: string;
}

export function splitHead(text: string): ResponseHead | undefined {
  let remaining = text;
  for (;;) {
    const end = remaining.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [statusLine, ...lines] = remaining.slice(0, end).split('\r\n');
    const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
    if (!match) return undefined;
    const status = Number(match[1]);
    const rest = remaining.slice(end + 4);
    if (status >= 100 && status < 200) {
      remaining = rest;
      continue;
    }
    const headers = lines.map((line): [string, string] => {
      const colon = line.indexOf(':');
      return colon < 0 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 1).trim()];
    });
    return { status, statusLine, headers, rest };
  }
}

export const headerValues = (head: Pick<ResponseHead, 'headers'>, name: string) =>
  head.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

/** The body of a response, decoded from its framing; `complete` says whether the framing says it ended. */
export function decodeBody(head: ResponseHead, ended: boolean): { body: string; complete: boolean; framing: 'chunked' | 'length' | 'close' } {
  if (headerValues(head, 'transfer-encoding').join(',').toLowerCase().includes('chunked')) {
    let body = '';
    let offset = 0;
    for (;;) {
      const lineEnd = head.rest.indexOf('\r\n', offset);
      if (lineEnd < 0) return { body, complete: false, framing: 'chunked' };
      const size = parseInt(head.rest.slice(offset, lineEnd).split(';')[0], 16);
      if (Number.isNaN(size)) return { body, complete: false, framing: 'chunked' };
      if (size === 0) return { body, complete: head.rest.indexOf('\r\n', lineEnd + 2) >= 0, framing: 'chunked' };
      const data = head.rest.slice(lineEnd + 2, lineEnd + 2 + size);
      body += data;
      if (data.length < size) return { body, complete: false, framing: 'chunked' };
      offset = lineEnd + 2 + size + 2;
    }
  }
  const length = headerValues(head, 'content-length')[0];
  if (length !== undefined && /^\d+$/.test(length)) {
    const n = Number(length);
    return { body: head.rest.slice(0, n), complete: head.rest.length >= n, framing: 'length' };
  }
  return { body: head.rest, complete: ended, framing: 'close' };
}
