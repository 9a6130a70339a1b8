import type { AsgiWebSocketEvent } from '../../generated/asgiWebSocketEvents.ts';
import type { AsgiWebSocketPlan } from '../../generated/asgiWebSocketPlan.ts';
import { handshakeText, WebSocketSession } from '../../http/webSocket.ts';
import type { EventSchema } from '../../run/eventLog.ts';
import type { PlayContext, SuiteContext } from '../../run/entries.ts';
import { asciiJson, newPlanId } from '../../run/plannedRequest.ts';
import { logHeader } from '../../run/eventLog.ts';
import { validators } from '../schemas.ts';

export type { AsgiWebSocketEvent } from '../../generated/asgiWebSocketEvents.ts';
export type { AsgiWebSocketPlan } from '../../generated/asgiWebSocketPlan.ts';

/** The field carrying a WebSocket plan (fixtures/asgi/probe/gwi_asgi_websocket.py). */
export const planHeader = 'X-Gwi-Ws';

/** The probe's WebSocket events, as read from the run's event log. */
export const webSocketEvents: EventSchema<AsgiWebSocketEvent> = { validate: validators.webSocketEvent, file: 'spec/asgi/websocket-events.schema.json' };

/** What the harness asks of one handshake: where, with which subprotocols and fields, and the probe's plan (without its id). */
export interface Handshake {
  target: string;
  protocols?: string[];
  headers?: Array<[string, string]>;
  plan: Omit<AsgiWebSocketPlan, 'id'>;
}

/** One conversation: the client's record, the probe's plan, and (once read) the probe's log. */
export interface Conversation {
  session: WebSocketSession;
  plan: AsgiWebSocketPlan;
  /** The handshake request as sent, for reports. */
  shown: string;
  events: AsgiWebSocketEvent[];
}

function fields(handshake: Handshake, context: SuiteContext, plan: AsgiWebSocketPlan): Array<[string, string]> {
  const out: Array<[string, string]> = [...(handshake.headers ?? []), [planHeader, asciiJson(plan)], [logHeader, context.log.dir]];
  if (handshake.protocols?.length) out.push(['Sec-WebSocket-Protocol', handshake.protocols.join(', ')]);
  return out;
}

/** The handshake as text, with the plan the probe gets (its id left as <id>), for reports and replays. */
export function showHandshake(handshake: Handshake, context: SuiteContext): string {
  return handshakeText(`127.0.0.1:${context.port}`, handshake.target, fields(handshake, context, { id: '<id>', ...handshake.plan }));
}

/** Open a WebSocket with a plan for the probe; the caller talks, then `finish` reads the log and drops the connection. */
export async function connect(handshake: Handshake, context: PlayContext): Promise<Conversation> {
  const plan: AsgiWebSocketPlan = { id: newPlanId(), ...handshake.plan };
  const headers = fields(handshake, context.suite, plan).filter(([name]) => name !== 'Sec-WebSocket-Protocol');
  const session = await WebSocketSession.open(`ws://127.0.0.1:${context.suite.port}${handshake.target}`, {
    protocols: handshake.protocols,
    headers: Object.fromEntries(headers),
    timeoutMs: context.execution.timeoutMs,
  });
  return { session, plan, shown: showHandshake(handshake, context.suite), events: [] };
}

const ended = (events: AsgiWebSocketEvent[]) => events.some((e) => e.e === 'returned' || e.e === 'raised' || e.e === 'receive-timeout');

/** Wait (at most waitMs) until the probe's log says the application ended, read the log, drop the connection. */
export async function finish(conversation: Conversation, context: PlayContext, waitMs = 2000): Promise<Conversation> {
  conversation.events = await context.suite.log.until(conversation.plan.id, webSocketEvents, ended, waitMs);
  conversation.session.terminate();
  return conversation;
}

/** The events the probe received, of one type, in order. */
export const received = (events: AsgiWebSocketEvent[], type: string) =>
  events.flatMap((e) => (e.e === 'receive' && typeof e.event === 'object' && e.event !== null && !Array.isArray(e.event) && (e.event as Record<string, unknown>).type === type ? [e.event as Record<string, unknown>] : []));
