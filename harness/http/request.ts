/**
 * A request as exact octets: every string here is an octet string (one char per octet, U+0000-U+00FF),
 * so what is generated is exactly what goes on the wire.
 */
export interface HttpRequest {
  method: string;
  target: string;
  version: 'HTTP/1.1' | 'HTTP/1.0';
  /** Field lines in wire order, framing fields (Content-Length, Transfer-Encoding) included. */
  headers: Array<[name: string, value: string]>;
  body: string;
  /** Chunk sizes when the body is sent with chunked coding; they add up to body.length. */
  chunks?: number[];
  /** Exact octets to send instead (hostile cases: malformed on purpose); the fields above then only describe it. */
  raw?: string;
}

export function serializeRequest(request: HttpRequest): Buffer {
  if (request.raw !== undefined) return Buffer.from(request.raw, 'latin1');
  const head = `${request.method} ${request.target} ${request.version}\r\n${request.headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  let body = request.body;
  if (request.chunks) {
    let offset = 0;
    body = '';
    for (const size of request.chunks) {
      body += `${size.toString(16)}\r\n${request.body.slice(offset, offset + size)}\r\n`;
      offset += size;
    }
    body += '0\r\n\r\n';
  }
  return Buffer.from(head + body, 'latin1');
}

/** Octets as readable text: printable ASCII as is, CR/LF/TAB and the rest as C-style escapes. */
export function escapeOctets(octets: string | Buffer): string {
  const text = typeof octets === 'string' ? octets : octets.toString('latin1');
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\r') out += '\\r';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\\') out += '\\\\';
    else if (code < 0x20 || code > 0x7e) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

/** The field values sent under a name, compared case-insensitively, in order. */
export function fieldValues(request: HttpRequest, name: string): string[] {
  const lower = name.toLowerCase();
  return request.headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

/** The inverse of escapeOctets. */
export function unescapeOctets(text: string): string {
  return text.replace(/\\(x[0-9a-f]{2}|r|n|t|\\)/g, (_, code: string) =>
    code === 'r' ? '\r' : code === 'n' ? '\n' : code === 't' ? '\t' : code === '\\' ? '\\' : String.fromCharCode(parseInt(code.slice(1), 16)),
  );
}

/** Octets of a request as sent (as serializeRequest writes them) back into an HttpRequest; undefined if they are not one. */
export function parseRequest(octets: string): HttpRequest | undefined {
  const headEnd = octets.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [line, ...fieldLines] = octets.slice(0, headEnd).split('\r\n');
  const match = /^(\S+) (\S+) (HTTP\/1\.[01])$/.exec(line);
  if (!match) return undefined;
  const headers = fieldLines.map((field): [string, string] => {
    const colon = field.indexOf(':');
    return [field.slice(0, colon), field.slice(colon + 2)];
  });
  const request: HttpRequest = { method: match[1], target: match[2], version: match[3] as HttpRequest['version'], headers, body: octets.slice(headEnd + 4) };
  if (fieldValues(request, 'transfer-encoding').includes('chunked')) {
    const chunks: number[] = [];
    let body = '';
    let rest = request.body;
    for (;;) {
      const end = rest.indexOf('\r\n');
      const size = parseInt(rest.slice(0, end), 16);
      if (end < 0 || Number.isNaN(size)) return undefined;
      if (size === 0) break;
      chunks.push(size);
      body += rest.slice(end + 2, end + 2 + size);
      rest = rest.slice(end + 2 + size + 2);
    }
    request.body = body;
    request.chunks = chunks;
  }
  return request;
}
