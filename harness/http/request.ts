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
}

export function serializeRequest(request: HttpRequest): Buffer {
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
