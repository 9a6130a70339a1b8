import WebSocket from 'ws';

/** One data message the client got, and when (Date.now()). */
export interface ReceivedMessage {
  kind: 'text' | 'binary';
  data: Buffer;
  t: number;
}

/** A message the client sends: its content as octets, split into fragments at `cuts` (offsets), a ping between fragments. */
export interface OutgoingMessage {
  kind: 'text' | 'binary';
  data: Buffer;
  cuts?: number[];
  pingBetween?: Buffer;
}

/**
 * A WebSocket conversation seen from the client (the `ws` package: exact frame bytes do not matter to the rules that use
 * it, fragmentation, pings and close codes are all it needs to control). Everything the server did is recorded here.
 */
export class WebSocketSession {
  /** The handshake's answer: 101, or the status of a refusal (0: no HTTP answer at all). */
  status = 0;
  /** The response's header fields in wire order. */
  headers: Array<[string, string]> = [];
  /** When the 101 (or the refusal) arrived, Date.now(). */
  answeredAt?: number;
  messages: ReceivedMessage[] = [];
  pongs: Buffer[] = [];
  /** The server's Close: code 1005 for a Close frame without a code, 1006 when the connection ended without one. */
  closed?: { code: number; reason: string; t: number };
  /** A protocol or transport error the client saw. */
  error?: string;
  private socket?: WebSocket;
  private waiters = new Set<() => void>();

  private notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Open a connection and resolve once the handshake is answered (or failed, or timed out). */
  static open(url: string, options: { protocols?: string[]; headers?: Record<string, string>; timeoutMs: number }): Promise<WebSocketSession> {
    const session = new WebSocketSession();
    const socket = new WebSocket(url, options.protocols ?? [], { headers: options.headers, perMessageDeflate: false, handshakeTimeout: options.timeoutMs, followRedirects: false });
    session.socket = socket;
    const answered = (response: { statusCode?: number; rawHeaders: string[] }) => {
      session.status = response.statusCode ?? 0;
      session.answeredAt = Date.now();
      for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) session.headers.push([response.rawHeaders[i], response.rawHeaders[i + 1]]);
    };
    socket.on('upgrade', answered);
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      session.messages.push({ kind: isBinary ? 'binary' : 'text', data: Buffer.from(data), t: Date.now() });
      session.notify();
    });
    socket.on('pong', (data: Buffer) => {
      session.pongs.push(Buffer.from(data));
      session.notify();
    });
    socket.on('close', (code: number, reason: Buffer) => {
      session.closed = { code, reason: reason.toString('utf8'), t: Date.now() };
      session.notify();
    });
    socket.on('error', (error: Error) => {
      session.error = error.message;
      session.notify();
    });
    return new Promise((resolve) => {
      const done = () => resolve(session);
      socket.on('open', done);
      socket.on('unexpected-response', (_request, response) => {
        answered(response);
        response.resume();
        socket.terminate();
        done();
      });
      socket.on('error', done);
      socket.on('close', done);
    });
  }

  get open(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Send one message, fragmented as it says; resolves once written. */
  async send(message: OutgoingMessage): Promise<void> {
    const socket = this.socket;
    if (!socket || !this.open) return;
    const binary = message.kind === 'binary';
    const edges = [0, ...(message.cuts ?? []).filter((c) => c > 0 && c < message.data.length).sort((a, b) => a - b), message.data.length];
    const pieces = edges.slice(1).map((end, i) => message.data.subarray(edges[i], end));
    if (pieces.length === 0) pieces.push(Buffer.alloc(0));
    for (const [i, piece] of pieces.entries()) {
      const fin = i === pieces.length - 1;
      await new Promise<void>((resolve) => socket.send(piece, { binary, fin, compress: false, mask: true }, () => resolve()));
      if (!fin && message.pingBetween) socket.ping(message.pingBetween);
    }
  }

  ping(payload: Buffer): void {
    if (this.open) this.socket!.ping(payload);
  }

  /** Start the closing handshake: with a code (and reason), or with a Close frame that carries no code. */
  close(code?: number, reason?: string): void {
    if (this.open) this.socket!.close(code, reason);
  }

  /** Wait until `holds()` or the time is up; whether it holds. */
  async until(holds: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!holds()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
    return true;
  }

  /** Drop the connection at once (the end of every conversation: nothing is left open). */
  terminate(): void {
    this.socket?.terminate();
  }
}

/** The handshake request as text, for reports and replays (ws writes the same fields, with its own key). */
export function handshakeText(host: string, target: string, headers: Array<[string, string]>): string {
  const fields: Array<[string, string]> = [['Host', host], ['Connection', 'Upgrade'], ['Upgrade', 'websocket'], ['Sec-WebSocket-Version', '13'], ['Sec-WebSocket-Key', '<random>'], ...headers];
  return `GET ${target} HTTP/1.1\r\n${fields.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
}
