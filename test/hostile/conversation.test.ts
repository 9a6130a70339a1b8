import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { converse, splitResponses } from '../../harness/http/conversation.ts';

const ok = (body: string) => `HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${body}`;

describe('splitting a reply into responses', () => {
  it('follows Content-Length and chunked framing, skipping 1xx', () => {
    const text = 'HTTP/1.1 100 Continue\r\n\r\n' + ok('ab') + 'HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n' + 'HTTP/1.1 400 Bad';
    const { responses, rest } = splitResponses(text, false);
    expect(responses.map((r) => r.status)).toEqual([200, 201]);
    expect(rest).toBe('HTTP/1.1 400 Bad');
  });

  it('ends a close-delimited body with the connection', () => {
    expect(splitResponses('HTTP/1.0 200 OK\r\n\r\nbody', false).responses).toEqual([]);
    expect(splitResponses('HTTP/1.0 200 OK\r\n\r\nbody', true).responses.map((r) => r.status)).toEqual([200]);
  });
});

describe('a conversation on one connection', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());
  const listen = (onData: (socket: import('node:net').Socket) => void) =>
    new Promise<number>((resolve) => {
      server = createServer((socket) => socket.once('data', () => onData(socket)));
      server.listen(0, '127.0.0.1', () => resolve((server!.address() as { port: number }).port));
    });
  const bounds = { firstAnswerMs: 500, quietMs: 150, totalMs: 3000 };

  it('collects every response and sees the close', async () => {
    const port = await listen((socket) => socket.end(ok('a') + ok('b')));
    const result = await converse(port, Buffer.from('GET / HTTP/1.1\r\n\r\n'), bounds);
    expect(result.responses.map((r) => r.status)).toEqual([200, 200]);
    expect(result.closed).toBe(true);
  });

  it('stops waiting on a quiet open connection and says it stayed open', async () => {
    const port = await listen((socket) => socket.write(ok('a')));
    const result = await converse(port, Buffer.from('GET / HTTP/1.1\r\n\r\n'), bounds);
    expect(result.responses).toHaveLength(1);
    expect(result.closed).toBe(false);
  });

  it('reports silence as no response on an open connection', async () => {
    const port = await listen(() => undefined);
    const result = await converse(port, Buffer.from('POST / HTTP/1.1\r\nContent-Length: 99\r\n\r\n'), bounds);
    expect(result).toMatchObject({ responses: [], closed: false });
  });
});
