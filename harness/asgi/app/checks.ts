import type { AsgiDriverEvent, ReceiveEvent, SendEvent } from '../../generated/asgiDriverProtocol.ts';
import { deviation, expectThat, pass, type Outcome } from '../../run/outcome.ts';
import type { AsgiCall } from './calls.ts';
import { sendingExtensions } from './calls.ts';
import { entriesOf, eventType, field, flag, shown, walk, type PyValue } from './values.ts';

/** One call of the application: what was asked, and what the driver saw (with, for a comparison, a baseline call's). */
export interface AsgiAppObservation {
  call: AsgiCall;
  events: AsgiDriverEvent[];
  baseline?: AsgiDriverEvent[];
}

export type AsgiAppCheck = (observation: AsgiAppObservation) => Outcome[];

type At<E> = { event: E; at: string; pos: number };
function eventsOf<K extends AsgiDriverEvent['e']>(events: AsgiDriverEvent[], kind: K): Array<At<Extract<AsgiDriverEvent, { e: K }>>> {
  return events.flatMap((event, i) => (event.e === kind ? [{ event: event as Extract<AsgiDriverEvent, { e: K }>, at: `/events/${i}`, pos: i }] : []));
}

const int64 = (v: PyValue) => (typeof v.v === 'number' ? Number.isSafeInteger(v.v) : BigInt(String(v.v)) >= -(2n ** 63n) && BigInt(String(v.v)) < 2n ** 63n);
/** Why a value may not travel in an event, or undefined when it may (tuples are the SHOULD rule's). */
function notAllowed(v: PyValue): string | undefined {
  switch (v.t) {
    case 'bytes': case 'str': case 'bool': case 'NoneType': case 'list': case 'tuple': case 'dict':
      return undefined;
    case 'int':
      return int64(v) ? undefined : `int ${v.v} is outside the signed 64-bit range`;
    case 'float':
      return typeof v.v === 'number' ? undefined : `float ${v.v} is not finite`;
    default:
      return `${v.t} is not one of the allowed types`;
  }
}

/** The rules about every event sent, whatever the protocol: a dict with a str type, allowed values, lists. */
function sentValues(sends: Array<At<SendEvent>>): Outcome[] {
  const out: Outcome[] = [];
  for (const { event, at } of sends) {
    const here = `${at}/event`;
    out.push(expectThat('asgi.app.send.event-dict', here, event.event.t === 'dict' && eventType(event.event) !== undefined, 'send() was given something that is not a dict with a str type', "a dict with a str 'type'", shown(field(event.event, 'type') ?? event.event)));
    const values = walk(event.event, here);
    const bad = values.find(([v]) => notAllowed(v) !== undefined);
    const badKey = values.find(([v]) => v.t === 'dict' && entriesOf(v).some(([k]) => k.t !== 'str'));
    out.push(bad
      ? deviation('asgi.app.send.value-types', bad[1], `a sent event holds a value of a type events may not carry: ${notAllowed(bad[0])}`, 'bytes, str, int64, finite float, list, dict, bool, None', shown(bad[0]))
      : badKey
        ? deviation('asgi.app.send.value-types', badKey[1], 'a dict in a sent event has a key that is not a str', 'str keys', entriesOf(badKey[0]).map(([k]) => k.t).join(', '))
        : pass('asgi.app.send.value-types', here));
    const tuple = values.find(([v]) => v.t === 'tuple');
    out.push(tuple ? deviation('asgi.app.send.lists-not-tuples', tuple[1], 'a sent event holds a tuple', 'list', shown(tuple[0])) : pass('asgi.app.send.lists-not-tuples', here));
  }
  return out;
}

const isList = (v: PyValue | undefined) => v?.t === 'list' || v?.t === 'tuple';

/** http.response.start: types, lower-case names, no pseudo-headers. */
function startEvent({ event, at }: At<SendEvent>): Outcome[] {
  const out: Outcome[] = [];
  const here = `${at}/event`;
  const status = field(event.event, 'status');
  const headers = field(event.event, 'headers');
  const trailers = field(event.event, 'trailers');
  const items = headers?.items ?? [];
  const badItem = items.find((item) => !isList(item) || item.items?.length !== 2 || item.items.some((part) => part.t !== 'bytes'));
  const problem = status?.t !== 'int' ? `status is ${shown(status)}`
    : headers !== undefined && !isList(headers) && headers.repr === undefined ? `headers is ${shown(headers)}`
      : badItem ? `a header item is ${badItem.t} of ${(badItem.items ?? []).map((p) => p.t).join(', ') || shown(badItem)}`
        : trailers !== undefined && trailers.t !== 'bool' ? `trailers is ${shown(trailers)}` : undefined;
  out.push(problem ? deviation('asgi.app.response.start-types', here, `http.response.start has the wrong types: ${problem}`, 'status int; headers [[bytes, bytes], ...]; trailers bool', problem) : pass('asgi.app.response.start-types', here));
  const names = items.flatMap((item) => (item.items?.[0]?.t === 'bytes' ? [String(item.items[0].v)] : []));
  const upper = names.find((name) => /[A-Z]/.test(name));
  out.push(upper !== undefined ? deviation('asgi.app.response.headers-lowercase', here, 'a response header name has upper-case letters', 'lower-case names', upper) : pass('asgi.app.response.headers-lowercase', here));
  const pseudo = names.find((name) => name.startsWith(':'));
  out.push(pseudo !== undefined ? deviation('asgi.app.response.no-pseudo-headers', here, 'the response headers hold a pseudo-header field', 'no name starting with ":"', pseudo) : pass('asgi.app.response.no-pseudo-headers', here));
  return out;
}

function bodyEvent({ event, at }: At<SendEvent>): Outcome {
  const body = field(event.event, 'body');
  const more = field(event.event, 'more_body');
  const problem = body !== undefined && body.t !== 'bytes' ? `body is ${shown(body)}` : more !== undefined && more.t !== 'bool' ? `more_body is ${shown(more)}` : undefined;
  return problem ? deviation('asgi.app.response.body-types', `${at}/event`, `http.response.body has the wrong types: ${problem}`, 'body bytes; more_body bool', problem) : pass('asgi.app.response.body-types', `${at}/event`);
}

/** The client went away before the response was done (the script's early disconnect): nothing more can be asked of it. */
const clientGone = (call: AsgiCall, receives: Array<At<ReceiveEvent>>) => call.receive?.disconnectAfter !== undefined && receives.some(({ event }) => eventType(event.event) === 'http.disconnect');

/** The rules of one HTTP call. */
function httpCall(call: AsgiCall, events: AsgiDriverEvent[]): Outcome[] {
  const out: Outcome[] = [];
  const sends = eventsOf(events, 'send');
  const receives = eventsOf(events, 'receive');
  const typed = sends.map((s) => ({ ...s, type: eventType(s.event.event) }));
  const starts = typed.filter((s) => s.type === 'http.response.start');
  const bodies = typed.filter((s) => s.type === 'http.response.body');
  for (const start of starts) out.push(...startEvent(start));
  for (const body of bodies) out.push(bodyEvent(body));

  const early = bodies.find(({ event }) => event.response === 'none');
  if (early) out.push(deviation('asgi.app.response.start-before-body', early.at, 'http.response.body was sent before http.response.start', 'http.response.start first', `body event ${early.event.index} with no start before it`));
  else if (starts.length > 0) out.push(pass('asgi.app.response.start-before-body', starts[0].at));
  if (starts.length > 1) out.push(deviation('asgi.app.response.start-once', starts[1].at, 'http.response.start was sent more than once', 'one http.response.start', `${starts.length}`));
  else if (starts.length === 1) out.push(pass('asgi.app.response.start-once', starts[0].at));

  const announced = new Set(call.scope.extensions ?? []);
  for (const send of typed) {
    if (send.type && sendingExtensions.includes(send.type)) {
      out.push(expectThat('asgi.app.ext.only-announced', `${send.at}/event`, announced.has(send.type), `the application sent ${send.type}, an extension the scope did not announce`, `only ${[...announced].join(', ') || 'no extension events'}`, send.type));
    }
  }
  if (sends.length > 0 && !typed.some((s) => s.type && sendingExtensions.includes(s.type))) out.push(pass('asgi.app.ext.only-announced', '/events'));

  // trailers: judged where the scope announced them (elsewhere the event is only-announced's); trailers promised
  // and never sent leave the response unfinished, which asgi.app.response.completes judges
  if (announced.has('http.response.trailers') && starts.length === 1) {
    const promised = flag(starts[0].event.event, 'trailers') === true;
    const trailers = typed.filter((s) => s.type === 'http.response.trailers');
    const early = trailers.find((t) => t.event.response !== 'body' || !bodies.some((b) => b.event.index < t.event.index && flag(b.event.event, 'more_body') !== true));
    if (trailers.length > 0 && !promised) out.push(deviation('asgi.app.response.trailers-follow', trailers[0].at, 'http.response.trailers was sent though http.response.start did not set trailers', 'no trailers unless promised', 'trailers sent'));
    else if (early) out.push(deviation('asgi.app.response.trailers-follow', early.at, 'http.response.trailers was sent before the last http.response.body', 'trailers after the body event with more_body False', `trailers while the response was ${early.event.response}`));
    else out.push(pass('asgi.app.response.trailers-follow', starts[0].at));
  }

  const returned = eventsOf(events, 'returned')[0];
  if (returned && !clientGone(call, receives)) {
    const state = returned.event.response;
    out.push(state === 'started'
      ? deviation('asgi.app.response.body-follows-start', returned.at, 'the application returned after http.response.start without any http.response.body', 'at least one http.response.body', 'none')
      : pass('asgi.app.response.body-follows-start', returned.at));
    out.push(state === 'none' || state === 'body'
      ? deviation('asgi.app.response.completes', returned.at, state === 'none' ? 'the application returned without sending a response' : 'the application returned with more body promised (more_body True, or trailers owed)', 'a complete response before returning', `response ${state}`)
      : pass('asgi.app.response.completes', returned.at));
  }

  const firstStart = starts[0];
  if (firstStart) {
    const before = receives.filter(({ event, pos }) => pos < firstStart.pos && eventType(event.event) === 'http.request');
    out.push(pass('asgi.app.wait-request', firstStart.at, { profile: before.length > 0 ? 'waits for http.request' : 'answers before receiving http.request' }));
    const last = before.at(-1);
    if (last && !clientGone(call, receives)) {
      out.push(flag(last.event.event, 'more_body') === true
        ? deviation('asgi.app.receive.whole-body', last.at, 'the application answered after an http.request with more_body True, before the rest of the body', 'receive() until more_body is False', `answered after http.request ${last.event.index + 1} of ${call.receive?.body?.length ?? 1}`)
        : pass('asgi.app.receive.whole-body', last.at));
    }
  }
  return out;
}

/** The rules of a lifespan call: one answer to startup, one to shutdown, str messages. */
function lifespanCall(events: AsgiDriverEvent[]): Outcome[] {
  const out: Outcome[] = [];
  const sends = eventsOf(events, 'send').map((s) => ({ ...s, type: eventType(s.event.event) }));
  const receives = eventsOf(events, 'receive');
  const shutdownAt = receives.find(({ event }) => eventType(event.event) === 'lifespan.shutdown');
  const raised = eventsOf(events, 'raised')[0];
  const beforeShutdown = sends.filter((s) => !shutdownAt || s.pos < shutdownAt.pos);
  const startupAnswers = beforeShutdown.filter((s) => s.type === 'lifespan.startup.complete' || s.type === 'lifespan.startup.failed');
  if (raised && startupAnswers.length === 0) {
    out.push(pass('asgi.app.lifespan.startup-answered', raised.at, { message: 'the application raised: it declines lifespan' }));
  } else {
    out.push(expectThat('asgi.app.lifespan.startup-answered', '/events', startupAnswers.length === 1, 'the application did not answer lifespan.startup with exactly one startup.complete or startup.failed', 'one answer', startupAnswers.map((s) => s.type).join(', ') || 'none'));
  }
  if (shutdownAt) {
    const answers = sends.filter((s) => s.pos > shutdownAt.pos && (s.type === 'lifespan.shutdown.complete' || s.type === 'lifespan.shutdown.failed'));
    out.push(expectThat('asgi.app.lifespan.shutdown-answered', shutdownAt.at, answers.length === 1, 'the application did not answer lifespan.shutdown with exactly one shutdown.complete or shutdown.failed', 'one answer', answers.map((s) => s.type).join(', ') || 'none'));
  }
  for (const send of sends.filter((s) => s.type?.endsWith('.failed'))) {
    const message = field(send.event.event, 'message');
    out.push(expectThat('asgi.app.lifespan.message-str', `${send.at}/event`, message === undefined || message.t === 'str', `${send.type} carries a message that is not a str`, 'str', shown(message)));
  }
  return out;
}

/** Every application-side rule that one call's events can judge. */
export const applicationCall: AsgiAppCheck = ({ call, events, baseline }) => {
  const out: Outcome[] = [];
  const invoked = eventsOf(events, 'invoked')[0];
  const raisedAtCall = eventsOf(events, 'raised').find(({ event }) => event.where === 'call');
  if (invoked) {
    out.push(expectThat('asgi.app.single-callable', invoked.at, invoked.event.awaitable, 'application(scope, receive, send) did not give an awaitable', 'an awaitable (a coroutine)', invoked.event.type));
  } else if (raisedAtCall && raisedAtCall.event.exception.type === 'TypeError' && /positional argument/.test(raisedAtCall.event.exception.message)) {
    out.push(deviation('asgi.app.single-callable', raisedAtCall.at, 'the application cannot be called with (scope, receive, send)', 'one async callable of three arguments', raisedAtCall.event.exception.message));
  }
  out.push(...sentValues(eventsOf(events, 'send')));
  const kind = call.scope.type;
  if (kind === 'http') out.push(...httpCall(call, events));
  else if (kind === 'lifespan') out.push(...lifespanCall(events));
  else {
    const raised = eventsOf(events, 'raised')[0];
    out.push(raised ? pass('asgi.app.unknown-protocol-raises', raised.at) : deviation('asgi.app.unknown-protocol-raises', '/events', `the application accepted a scope of type ${kind} without raising`, 'an exception', eventsOf(events, 'returned').length > 0 ? 'returned' : 'kept running'));
  }
  if (baseline) {
    const raisedHere = eventsOf(events, 'raised')[0];
    const raisedBefore = eventsOf(baseline, 'raised')[0];
    out.push(raisedHere && !raisedBefore
      ? deviation('asgi.app.receive.extra-keys', raisedHere.at, 'the application raised on http.request events with an extra key, and not without it', 'the extra key ignored', `${raisedHere.event.exception.type}: ${raisedHere.event.exception.message}`)
      : pass('asgi.app.receive.extra-keys', '/events'));
  }
  const loop = eventsOf(events, 'loop')[0];
  if (loop) out.push(pass('asgi.app.loop-stall', loop.at, { profile: loop.event.maxStallMs >= 250 ? 'blocks the event loop for 250 ms or more' : 'never blocks the event loop for 250 ms' }));
  return out;
};
