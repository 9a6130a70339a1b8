import { describe, expect, it } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import { exchange, parseResponse } from '../../harness/http/wire.ts';
import { responseLimits } from '../../harness/http/response.ts';

describe('parseResponse()', () => {
  const parse = (text: string, ended = false) => parseResponse(Buffer.from(text, 'latin1'), ended);

  it('reads a Content-Length body', () => {
    const parsed = parse('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef');
    expect(parsed.kind === 'response' && parsed.response.body).toBe('abc');
  });

  it('waits for the rest of a short body, and calls it garbage once the peer closed', () => {
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc').kind).toBe('incomplete');
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc', true).kind).toBe('garbage');
  });

  it('removes chunked coding', () => {
    const parsed = parse('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n');
    expect(parsed.kind === 'response' && parsed.response.body).toBe('abcde');
  });

  it('reads a close-delimited body once the peer closed', () => {
    expect(parse('HTTP/1.0 200 OK\r\n\r\nhello').kind).toBe('incomplete');
    const parsed = parse('HTTP/1.0 200 OK\r\n\r\nhello', true);
    expect(parsed.kind === 'response' && parsed.response.body).toBe('hello');
  });

  it('calls anything that is not HTTP/1.x garbage', () => {
    expect(parse('hello there\r\n').kind).toBe('garbage');
    expect(parse('HTTP/2 200\r\n\r\n').kind).toBe('garbage');
    expect(parse('HTTP/1.1 200 OK\r\nno colon here\r\n\r\n').kind).toBe('garbage');
  });
});

describe('readHead()', () => {
  it('skips interim 100 Continue responses', async () => {
    const { readHead } = await import('../../harness/http/response.ts');
    const result = readHead('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nA: b\r\n\r\nrest');
    expect(result.kind === 'head' && [result.head.status, result.head.rest]).toEqual([200, 'rest']);
  });
});

describe('bounded reads of what a server sends', () => {
  /** A server that answers every connection with `head`, then `filler` again and again until the client leaves. */
  async function endless(head: string, filler: string): Promise<{ port: number; close: () => void }> {
    const server = createServer((socket) => {
      socket.on('error', () => {});
      socket.write(head);
      const more = () => {
        while (!socket.destroyed && socket.write(filler));
        if (!socket.destroyed) socket.once('drain', more);
      };
      more();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, close: () => server.close() };
  }

  it('an endless header section is garbage at the head bound, not held in memory', async () => {
    const server = await endless('HTTP/1.1 200 OK\r\n', 'X-Filler: ' + 'a'.repeat(1000) + '\r\n');
    try {
      const result = await exchange(server.port, Buffer.from('GET / HTTP/1.1\r\n\r\n'), 10_000);
      expect(result.kind).toBe('garbage');
      expect(result.kind === 'garbage' && result.reason).toBe(`the response head passed ${responseLimits.headOctets} octets without ending`);
    } finally {
      server.close();
    }
  });

  it('an endless body is garbage at the total bound', async () => {
    const server = await endless('HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n', 'b'.repeat(65536));
    try {
      const result = await exchange(server.port, Buffer.from('GET / HTTP/1.1\r\n\r\n'), 20_000);
      expect(result.kind === 'garbage' && result.reason).toBe(`the response passed ${responseLimits.totalOctets} octets without ending`);
    } finally {
      server.close();
    }
  });

  it('an endless chunk size line is malformed framing', () => {
    const raw = Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' + '1'.repeat(responseLimits.chunkLineOctets + 10));
    const parsed = parseResponse(raw, false);
    expect(parsed.kind === 'garbage' && parsed.reason).toBe(`a chunk size line passed ${responseLimits.chunkLineOctets} octets without ending`);
  });
});
