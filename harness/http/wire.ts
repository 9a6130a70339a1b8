import { decodeBody, readHead, responseLimits } from './response.ts';
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
    let received = 0;
    // once a head with Content-Length is read, nothing is parsed again until that many octets are in
    let awaiting = 0;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received > responseLimits.totalOctets) return finish({ kind: 'garbage', raw: Buffer.concat(chunks).subarray(0, 1024), reason: `the response passed ${responseLimits.totalOctets} octets without ending` });
      if (received < awaiting) return;
      const raw = Buffer.concat(chunks);
      const parsed = parseResponse(raw, false);
      if (parsed.kind !== 'incomplete') return finish(parsed);
      awaiting = lengthFramedTotal(raw) ?? 0;
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

/** The octets a response with a whole head and a Content-Length takes in all, or undefined. */
function lengthFramedTotal(raw: Buffer): number | undefined {
  const result = readHead(raw.toString('latin1'));
  if (result.kind !== 'head') return undefined;
  const framing = decodeBody(result.head, false);
  const length = result.head.headers.find(([name]) => name.toLowerCase() === 'content-length')?.[1];
  if (framing.framing !== 'length' || length === undefined || !/^\d+$/.test(length)) return undefined;
  return raw.length - result.head.rest.length + Number(length);
}

type Parsed = ExchangeResult | { kind: 'incomplete'; raw: Buffer };

/** Parse one HTTP/1.x response; `ended` says the peer closed, which completes a close-delimited body. */
export function parseResponse(raw: Buffer, ended: boolean): Parsed {
  const result = readHead(raw.toString('latin1'));
  if (result.kind === 'garbage') return { kind: 'garbage', raw, reason: result.reason };
  if (result.kind === 'incomplete') return { kind: 'incomplete', raw };
  const { head } = result;
  const { body, complete, malformed } = decodeBody(head, ended);
  if (malformed) return { kind: 'garbage', raw, reason: malformed };
  if (!complete) return ended ? { kind: 'garbage', raw, reason: 'the body is shorter than its framing says' } : { kind: 'incomplete', raw };
  return { kind: 'response', response: { status: head.status, reason: head.reason, headers: head.headers, body, raw } };
}
