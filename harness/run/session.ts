import { GwiError } from '../core/errors.ts';
import { serializeRequest, type HttpRequest } from '../http/request.ts';
import { Stream } from '../http/stream.ts';
import { decodeBody, readHead, type Framing, type ResponseHead } from '../http/response.ts';
import type { PlayContext } from './entries.ts';
import type { EventSchema } from './eventLog.ts';
import { planOf } from './plannedRequest.ts';

export interface Finished {
  head?: ResponseHead;
  body: string;
  complete: boolean;
  ended: boolean;
  framing?: Framing;
  /** Octets of head.rest the message takes: what follows is the next message. */
  used?: number;
  malformed?: string;
}

/** One request whose answer is scripted, played out over a raw connection with the harness taking turns. */
export class Session<P extends { id: string }, E> {
  private constructor(
    readonly stream: Stream,
    readonly plan: P,
    private readonly context: PlayContext,
    private readonly schema: EventSchema<E>,
  ) {}

  /** Connect and send the request's header section, and its body unless `holdBody`. */
  static async start<P extends { id: string }, E>(request: HttpRequest, context: PlayContext, schema: EventSchema<E>, options: { holdBody?: boolean } = {}): Promise<Session<P, E>> {
    const plan = planOf<P>(request);
    if (!plan) throw new GwiError('GWI_USAGE', 'a scenario request must carry a response plan', 'this is a gwi-test bug');
    const stream = await openStream(context);
    const octets = serializeRequest(options.holdBody ? { ...request, body: '' } : request);
    stream.send(octets);
    return new Session(stream, plan, context, schema);
  }

  events(): E[] {
    return this.context.suite.log.read(this.plan.id, this.schema);
  }

  /** Wait until the probe logs an event that matches, at most timeoutMs. */
  async event(holds: (event: E) => boolean, timeoutMs = 5000): Promise<E | undefined> {
    const events = await this.context.suite.log.until(this.plan.id, this.schema, (list) => list.some(holds), timeoutMs);
    return events.find(holds);
  }

  signal(index: number): void {
    this.context.suite.log.signal(this.plan.id, index);
  }

  /** Wait for the server to end the response (it was asked to close the connection), then read it. */
  async finish(timeoutMs = 5000): Promise<Finished> {
    const ended = await this.stream.closed(timeoutMs);
    this.stream.close();
    return readFinished(this.stream.text, ended);
  }
}

/** A raw connection to the server for a scenario, counted as one request; a refused connection means the server is gone. */
export async function openStream(context: PlayContext): Promise<Stream> {
  context.execution.onRequest?.();
  try {
    return await Stream.open(context.suite.port);
  } catch (error) {
    throw new GwiError('GWI_SERVER_CRASHED', `could not connect to the server: ${(error as Error).message}`, 'the server stopped accepting connections');
  }
}

/** What a raw connection's octets hold: a head and its body as far as the framing says. */
export function readFinished(text: string, ended: boolean): Finished {
  const result = readHead(text);
  if (result.kind !== 'head') return { body: '', complete: false, ended };
  return { head: result.head, ended, ...decodeBody(result.head, ended) };
}
