import { connect, type Socket } from 'node:net';
import { responseLimits } from './response.ts';

/** When each piece of the response arrived, for checks about timing (streaming, delayed headers). */
export interface Arrival {
  at: number;
  length: number;
}

/**
 * A raw connection kept open while the harness and the probe take turns: send octets, watch what arrives and when,
 * close early. Every wait is bounded; nothing here throws on a slow or silent server.
 */
export class Stream {
  private readonly chunks: Buffer[] = [];
  readonly arrivals: Arrival[] = [];
  ended = false;
  error: string | undefined;
  private waiters = new Set<() => void>();

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > responseLimits.totalOctets) {
        // a server that never stops sending is cut off, not held in memory
        this.error = `the server sent more than ${responseLimits.totalOctets} octets`;
        this.ended = true;
        socket.destroy();
        this.wake();
        return;
      }
      this.chunks.push(chunk);
      this.arrivals.push({ at: Date.now(), length: chunk.length });
      this.wake();
    });
    socket.on('end', () => {
      this.ended = true;
      this.wake();
    });
    socket.on('close', () => {
      this.ended = true;
      this.wake();
    });
    socket.on('error', (error) => {
      this.error = error.message;
      this.ended = true;
      this.wake();
    });
  }

  static open(port: number, timeoutMs = 5000): Promise<Stream> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`could not connect to 127.0.0.1:${port} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(new Stream(socket));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  send(octets: Buffer | string): void {
    if (!this.socket.destroyed) this.socket.write(typeof octets === 'string' ? Buffer.from(octets, 'latin1') : octets);
  }

  /** Everything received so far, as an octet string. */
  get text(): string {
    return Buffer.concat(this.chunks).toString('latin1');
  }

  get raw(): Buffer {
    return Buffer.concat(this.chunks);
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves true as soon as `holds(text)` does, false when timeoutMs pass or the connection ends first. */
  until(holds: (text: string) => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const check = () => {
        if (holds(this.text)) finish(true);
        else if (this.ended) finish(false);
      };
      const finish = (value: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(value);
      };
      const timer = setTimeout(() => finish(holds(this.text)), timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Resolves true once the peer has closed, false after timeoutMs. */
  closed(timeoutMs: number): Promise<boolean> {
    return this.until(() => this.ended, timeoutMs).then(() => this.ended);
  }

  close(): void {
    this.socket.destroy();
  }
}
