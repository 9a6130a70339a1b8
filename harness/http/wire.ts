import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  /** Octet string of the body, with chunked coding removed. */
  body: string;
  raw: Buffer;
}

export type ExchangeResult =
  | { kind: 'response'; response: RawResponse }
  | { kind: 'garbage'; raw: Buffer; reason: string }
  | { kind: 'network'; error: string; raw: Buffer }
  | { kind: 'timeout'; raw: Buffer };

/** Send exact octets on a fresh connection and read one response, bounded by timeoutMs. */
export function exchange(port: number, octets: Buffer, timeoutMs: number): Promise<ExchangeResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (result: ExchangeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout', raw: Buffer.concat(chunks) }), timeoutMs);
    socket.setNoDelay(true);
    socket.on('connect', () => socket.write(octets));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const parsed = parseResponse(Buffer.concat(chunks), false);
      if (parsed.kind !== 'incomplete') finish(parsed);
    });
    socket.on('error', (error) => {
      const raw = Buffer.concat(chunks);
      const parsed = raw.length > 0 ? parseResponse(raw, true) : undefined;
      finish(parsed && parsed.kind !== 'incomplete' ? parsed : { kind: 'network', error: error.message, raw });
    });
    socket.on('end', () => {
      const parsed = parseResponse(Buffer.concat(chunks), true);
      finish(parsed.kind === 'incomplete' ? { kind: 'garbage', raw: parsed.raw, reason: 'the connection closed before a whole response arrived' } : parsed);
    });
  });
}

type Parsed = ExchangeResult | { kind: 'incomplete'; raw: Buffer };

/** Parse one HTTP/1.x response; `ended` says the peer closed, which completes a close-delimited body. */
export function parseResponse(raw: Buffer, ended: boolean): Parsed {
  const text = raw.toString('latin1');
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd < 0) {
    if (raw.length > 0 && !/^H(T(T(P(\/)?)?)?)?/.test(text.slice(0, 5))) return { kind: 'garbage', raw, reason: 'the reply does not start with HTTP/' };
    return { kind: 'incomplete', raw };
  }
  const [statusLine, ...lines] = text.slice(0, headEnd).split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!match) return { kind: 'garbage', raw, reason: `malformed status line ${JSON.stringify(statusLine)}` };
  const headers: Array<[string, string]> = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return { kind: 'garbage', raw, reason: `malformed header line ${JSON.stringify(line)}` };
    headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  const get = (name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];
  const rest = text.slice(headEnd + 4);
  const base = { status: Number(match[1]), reason: match[2] ?? '', headers, raw };
  if (get('transfer-encoding')?.toLowerCase().includes('chunked')) {
    const body = dechunk(rest);
    if (body === undefined) return ended ? { kind: 'garbage', raw, reason: 'bad or truncated chunked body' } : { kind: 'incomplete', raw };
    return { kind: 'response', response: { ...base, body } };
  }
  const length = get('content-length');
  if (length !== undefined) {
    const n = Number(length);
    if (!/^\d+$/.test(length)) return { kind: 'garbage', raw, reason: `bad Content-Length ${JSON.stringify(length)}` };
    if (rest.length >= n) return { kind: 'response', response: { ...base, body: rest.slice(0, n) } };
    return ended ? { kind: 'garbage', raw, reason: `body shorter than Content-Length ${n}` } : { kind: 'incomplete', raw };
  }
  return ended ? { kind: 'response', response: { ...base, body: rest } } : { kind: 'incomplete', raw };
}

function dechunk(text: string): string | undefined {
  let body = '';
  let offset = 0;
  for (;;) {
    const lineEnd = text.indexOf('\r\n', offset);
    if (lineEnd < 0) return undefined;
    const size = parseInt(text.slice(offset, lineEnd).split(';')[0], 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return text.indexOf('\r\n', lineEnd + 2) >= 0 ? body : undefined;
    if (text.length < lineEnd + 2 + size + 2) return undefined;
    body += text.slice(lineEnd + 2, lineEnd + 2 + size);
    offset = lineEnd + 2 + size + 2;
  }
}
