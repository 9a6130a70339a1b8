import { connect } from 'node:net';
import { decodeBody, readHead, responseLimits } from './response.ts';

/** One response of a conversation: its status and headers (bodies are the probe's and not needed here). */
export interface ConversationResponse {
  /** The protocol version of the status line, e.g. HTTP/1.1. */
  version: string;
  status: number;
  headers: Array<[string, string]>;
}

/** Everything that came back on one connection after sending some octets. */
export interface Conversation {
  responses: ConversationResponse[];
  /** The server closed (or reset) the connection. */
  closed: boolean;
  /** Octets after the last whole response that do not form one (garbage, or a response cut off by the close). */
  leftover: string;
  raw: Buffer;
}

export interface ConversationBounds {
  /** How long to wait for the first octet of an answer (a server may still be reading a body it was promised). */
  firstAnswerMs: number;
  /** After a whole response: how long the connection may stay quiet before it counts as left open. */
  quietMs: number;
  /** Bound on the whole conversation. */
  totalMs: number;
  /**
   * While fewer responses than `expected` have come: how long a pause may last before the connection counts as
   * left open (longer than quietMs, so a server that closes at its keep-alive timeout is seen closing).
   */
  pendingMs?: number;
  expected?: number;
}

/** Split octets into whole responses (RFC 9112 section 6.3 framing); returns what is left after them. */
export function splitResponses(text: string, ended: boolean): { responses: ConversationResponse[]; rest: string } {
  const responses: ConversationResponse[] = [];
  let rest = text;
  for (;;) {
    const result = readHead(rest, true);
    if (result.kind !== 'head') return { responses, rest };
    const { head } = result;
    const body = head.status === 204 || head.status === 304 ? { complete: true, used: 0 } : decodeBody(head, ended);
    if (!body.complete) return { responses, rest };
    responses.push({ version: head.statusLine.slice(0, 8), status: head.status, headers: head.headers });
    rest = head.rest.slice(body.used);
  }
}

/**
 * Send octets on a fresh connection (keeping our side open) and collect every response until the server closes, or
 * stays quiet for `quietMs` after a whole response (or `firstAnswerMs` before any), or `totalMs` runs out.
 */
export function converse(port: number, octets: Buffer, bounds: ConversationBounds, beforeClose?: () => void): Promise<Conversation> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    let quiet: NodeJS.Timeout | undefined;
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(quiet);
      clearTimeout(total);
      // what the server did on its own, before our close can wake it (a close makes a waiting socket readable)
      beforeClose?.();
      socket.destroy();
      const raw = Buffer.concat(chunks);
      const { responses, rest } = splitResponses(raw.toString('latin1'), closed);
      resolve({ responses, closed, leftover: rest, raw });
    };
    const total = setTimeout(() => finish(false), bounds.totalMs);
    const rearm = (ms: number) => {
      clearTimeout(quiet);
      quiet = setTimeout(() => finish(false), ms);
    };
    socket.setNoDelay(true);
    socket.on('connect', () => {
      socket.write(octets);
      rearm(bounds.firstAnswerMs);
    });
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      // a server that never stops sending is cut off, not held in memory
      if (received > responseLimits.totalOctets) return finish(false);
      const { responses, rest } = splitResponses(Buffer.concat(chunks).toString('latin1'), false);
      // a response still arriving gets the longer bound; a quiet pause after whole responses the shorter one,
      // unless responses are still owed
      const owed = bounds.expected !== undefined && responses.length < bounds.expected;
      rearm(rest.length > 0 ? bounds.firstAnswerMs : owed ? (bounds.pendingMs ?? bounds.quietMs) : bounds.quietMs);
    });
    socket.on('end', () => finish(true));
    socket.on('error', () => finish(true));
  });
}
