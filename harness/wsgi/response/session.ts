import { GwiError } from '../../core/errors.ts';
import { serializeRequest, type HttpRequest } from '../../http/request.ts';
import { Stream } from '../../http/stream.ts';
import type { PlayContext } from '../entries.ts';
import { probeEvents, type ProbeEvent } from './events.ts';
import { planOf, type ResponsePlan } from './plans.ts';
import { decodeBody, readHead, type Framing, type ResponseHead } from '../../http/response.ts';

/** One request whose answer is scripted, played out over a raw connection with the harness taking turns. */
export class Session {
  private constructor(
    readonly stream: Stream,
    readonly plan: ResponsePlan,
    private readonly context: PlayContext,
  ) {}

  /** Connect and send the request's header section, and its body unless `holdBody`. */
  static async start(request: HttpRequest, context: PlayContext, options: { holdBody?: boolean } = {}): Promise<Session> {
    const plan = planOf(request);
    if (!plan) throw new GwiError('GWI_USAGE', 'a scenario request must carry a response plan', 'this is a gwi-test bug');
    context.execution.onRequest?.();
    let stream: Stream;
    try {
      stream = await Stream.open(context.suite.port);
    } catch (error) {
      throw new GwiError('GWI_SERVER_CRASHED', `could not connect to the server: ${(error as Error).message}`, 'the server stopped accepting connections');
    }
    const octets = serializeRequest(options.holdBody ? { ...request, body: '' } : request);
    stream.send(octets);
    return new Session(stream, plan, context);
  }

  events(): ProbeEvent[] {
    return this.context.suite.log.read(this.plan.id, probeEvents);
  }

  /** Wait until the probe logs an event that matches, at most timeoutMs. */
  async event(holds: (event: ProbeEvent) => boolean, timeoutMs = 5000): Promise<ProbeEvent | undefined> {
    const events = await this.context.suite.log.until(this.plan.id, probeEvents, (list) => list.some(holds), timeoutMs);
    return events.find(holds);
  }

  signal(index: number): void {
    this.context.suite.log.signal(this.plan.id, index);
  }

  /** Wait for the server to end the response (it was asked to close the connection), then read it. */
  async finish(timeoutMs = 5000): Promise<{ head?: ResponseHead; body: string; complete: boolean; ended: boolean; framing?: Framing; malformed?: string }> {
    const ended = await this.stream.closed(timeoutMs);
    this.stream.close();
    const result = readHead(this.stream.text);
    if (result.kind !== 'head') return { body: '', complete: false, ended };
    return { head: result.head, ended, ...decodeBody(result.head, ended) };
  }
}
