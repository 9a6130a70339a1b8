import { describe, expect, it } from 'vitest';
import { parseResponse } from '../../harness/http/wire.ts';

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
