import type { OutgoingMessage } from '../../http/webSocket.ts';
import { loadCatalogue } from '../../spec/catalogue.ts';
import { deviation, expectThat, inconclusive, pass, type Outcome } from '../observation.ts';
import { bytesOf, isDict, show, type PyProjection } from '../py.ts';
import { received, type AsgiWebSocketEvent, type Conversation } from './conversation.ts';

/** The scope the probe logged; undefined when the application was never called. */
export function loggedScope(events: AsgiWebSocketEvent[]): Record<string, PyProjection> | undefined {
  const logged = events.find((e) => e.e === 'scope');
  return logged?.e === 'scope' && isDict(logged.scope) ? logged.scope : undefined;
}

/** The ASGI HTTP spec version the websocket scope declares; "2.0" when it declares none (the spec's default). */
export function declaredVersion(events: AsgiWebSocketEvent[]): string {
  const asgi = loggedScope(events)?.asgi;
  return isDict(asgi) && typeof asgi.spec_version === 'string' ? asgi.spec_version : '2.0';
}

const older = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return x[0] < y[0] || (x[0] === y[0] && (x[1] ?? 0) < (y[1] ?? 0));
};

/** Rules added in a later spec version than the server declares do not bind it: their outcomes become inconclusive. */
export function gateBySpecVersion(outcomes: Outcome[], events: AsgiWebSocketEvent[]): Outcome[] {
  const declared = declaredVersion(events);
  return outcomes.map((outcome) => {
    const since = loadCatalogue().get(outcome.ruleId)?.specVersion?.since;
    return since && older(declared, since) ? inconclusive(outcome.ruleId, outcome.pointer, `the server declares spec_version ${declared}; the rule applies from ${since}`) : outcome;
  });
}

const notCalled = (rule: string): Outcome => inconclusive(rule, '/events', 'the probe was never called with a websocket scope');

/**
 * The websocket scope against the handshake: type, scheme, decoded path, raw query, headers as bytes pairs in order
 * (the fields the client sent, found in that order), and subprotocols.
 */
export function checkScope(conversation: Conversation, sent: { path: string; query: string; fields: string[]; protocols: string[] }): Outcome[] {
  const scope = loggedScope(conversation.events);
  if (!scope) return [notCalled('asgi.ws.scope'), notCalled('asgi.ws.scope.subprotocols')];
  const problems: string[] = [];
  if (scope.type !== 'websocket') problems.push(`type is ${show(scope.type)}`);
  if (scope.scheme !== undefined && (typeof scope.scheme !== 'string' || scope.scheme === '')) problems.push(`scheme is ${show(scope.scheme)}`);
  if (scope.path !== sent.path) problems.push(`path is ${show(scope.path)}, not ${JSON.stringify(sent.path)}`);
  const query = scope.query_string === undefined || scope.query_string === null ? '' : bytesOf(scope.query_string);
  if (query !== sent.query) problems.push(`query_string is ${show(scope.query_string)}, not b${JSON.stringify(sent.query)}`);
  // an iterable of pairs: a list, or another sequence the projection shows with its items (h11's Headers)
  const listed = isDict(scope.headers) || !scope.headers || typeof scope.headers !== 'object' || Array.isArray(scope.headers) ? scope.headers : (scope.headers as { value?: PyProjection }).value;
  const headers = Array.isArray(listed) ? listed : undefined;
  const pairs = headers?.map((pair) => (Array.isArray(pair) && pair.length === 2 ? [bytesOf(pair[0]), bytesOf(pair[1])] : [undefined, undefined]));
  if (!pairs || pairs.some(([n, v]) => n === undefined || v === undefined)) problems.push(`headers are not [bytes, bytes] pairs: ${show(scope.headers)}`);
  else {
    const names = pairs.map(([n]) => n!.toLowerCase()).filter((n) => sent.fields.includes(n));
    if (names.join(',') !== sent.fields.join(',')) problems.push(`the handshake's fields ${sent.fields.join(', ')} appear as ${names.join(', ') || 'none'}`);
  }
  const protocols = scope.subprotocols === undefined ? [] : scope.subprotocols;
  return [
    problems.length === 0 ? pass('asgi.ws.scope', '/events/scope') : deviation('asgi.ws.scope', '/events/scope', `the websocket scope does not describe the handshake: ${problems.join('; ')}`, sent, scope),
    expectThat('asgi.ws.scope.subprotocols', '/events/scope/subprotocols', Array.isArray(protocols) && protocols.length === sent.protocols.length && protocols.every((p, i) => p === sent.protocols[i]),
      "scope['subprotocols'] is not the list the client offered", sent.protocols, show(scope.subprotocols)),
  ];
}

/** websocket.connect came first, and the 101 only after the probe sent websocket.accept. */
export function checkConnectFirst(conversation: Conversation): Outcome {
  const rule = 'asgi.ws.connect.first';
  const { events, session } = conversation;
  const first = events.find((e) => e.e === 'receive');
  if (!first) return notCalled(rule);
  if (first.e !== 'receive' || !isDict(first.event) || first.event.type !== 'websocket.connect') {
    return deviation(rule, '/events/0', 'the first event receive() gave is not websocket.connect', 'websocket.connect', first.e === 'receive' ? show(first.event) : first.e);
  }
  const accept = events.find((e) => e.e === 'send' && isDict(e.event) && e.event.type === 'websocket.accept');
  if (!accept || session.answeredAt === undefined) return inconclusive(rule, '/events', 'no websocket.accept was sent or no answer came');
  const early = accept.t * 1000 - session.answeredAt;
  // both clocks are this machine's wall clock; a few milliseconds of slack for the log line's own write
  return expectThat(rule, '/response', early <= 5, `the handshake was answered ${Math.round(early)} ms before the application accepted`, '101 after websocket.accept', `101 ${Math.round(early)} ms earlier`);
}

const headerValues = (conversation: Conversation, name: string) => conversation.session.headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);

/** The accepted subprotocol in Sec-WebSocket-Protocol, and websocket.accept's headers in order. */
export function checkAccept(conversation: Conversation): Outcome[] {
  const { plan, session } = conversation;
  if (session.status !== 101) return [inconclusive('asgi.ws.accept.subprotocol', '/response', `the handshake was answered ${session.status}`), inconclusive('asgi.ws.accept.headers', '/response', `the handshake was answered ${session.status}`)];
  const protocol = headerValues(conversation, 'sec-websocket-protocol');
  const wanted = plan.headers ?? [];
  const names = [...new Set(wanted.map(([n]) => n))];
  const got = session.headers.filter(([n]) => names.includes(n.toLowerCase())).map(([n, v]) => [n.toLowerCase(), v]);
  return [
    expectThat('asgi.ws.accept.subprotocol', '/response/headers', protocol.length === 1 && protocol[0] === plan.subprotocol, "the 101 does not name websocket.accept's subprotocol", plan.subprotocol, protocol.length ? protocol : 'absent'),
    expectThat('asgi.ws.accept.headers', '/response/headers', JSON.stringify(got) === JSON.stringify(wanted), "websocket.accept's headers are not in the 101, in order", wanted, got),
  ];
}

/** A close before accept: HTTP 403, no 101. */
export function checkDenied(conversation: Conversation): Outcome {
  const { status } = conversation.session;
  return expectThat('asgi.ws.close.denied-403', '/response/status', status === 403, 'a websocket.close before accept did not give HTTP 403', 403, status === 0 ? `no HTTP answer (${conversation.session.error ?? 'connection closed'})` : status);
}

/** The server's Close frame after the application's websocket.close. */
export function checkServerClose(conversation: Conversation, expected: { code: number; reason?: string }): Outcome[] {
  const { closed } = conversation.session;
  const out = [expectThat('asgi.ws.close.code', '/close/code', closed?.code === expected.code, "the Close frame does not carry websocket.close's code", expected.code, closed ? closed.code : 'no close')];
  if (expected.reason !== undefined) {
    out.push(closed?.code === expected.code || closed?.code === 1000
      ? expectThat('asgi.ws.close.reason', '/close/reason', closed.reason === expected.reason, "the Close frame does not carry websocket.close's reason", expected.reason, closed.reason)
      : inconclusive('asgi.ws.close.reason', '/close', `no Close frame with a code came (${closed?.code ?? 'none'})`));
  }
  return out;
}

/** The code of the websocket.disconnect the application got after the client closed. */
export function checkDisconnect(conversation: Conversation, expected: number): Outcome {
  const rule = 'asgi.ws.disconnect.code';
  if (!loggedScope(conversation.events)) return notCalled(rule);
  const [event] = received(conversation.events, 'websocket.disconnect');
  if (!event) return inconclusive(rule, '/events', 'the application got no websocket.disconnect in time');
  // an int subclass (wsproto's CloseReason IntEnum) carries the code as well: its type is not this rule's matter
  const code = typeof event.code === 'object' && event.code !== null && 'value' in event.code ? (event.code as { value: unknown }).value : event.code;
  return expectThat(rule, '/events/disconnect/code', code === expected, 'websocket.disconnect does not carry the code of the client\'s Close frame', expected, show(event.code as PyProjection));
}

/** After the application returned without closing, the connection must close. */
export function checkAppExit(conversation: Conversation, closedInTime: boolean): Outcome {
  if (conversation.session.status !== 101) return inconclusive('asgi.ws.app-exit-closes', '/response', `the handshake was answered ${conversation.session.status}`);
  return expectThat('asgi.ws.app-exit-closes', '/close', closedInTime, 'the application returned, but the connection stayed open', 'a Close frame or the connection closed within 2 s', 'still open');
}

/** One websocket.receive's content as [kind, octets], or why it is malformed. */
function content(event: Record<string, unknown>): { kind: 'text' | 'binary'; octets: string } | { malformed: string } {
  const text = event.text ?? null;
  const bytes = event.bytes ?? null;
  if ((text === null) === (bytes === null)) return { malformed: `text ${show(text as PyProjection)} and bytes ${show(bytes as PyProjection)}: exactly one must be non-None` };
  if (text !== null) return typeof text === 'string' ? { kind: 'text', octets: Buffer.from(text, 'utf8').toString('latin1') } : { malformed: `text is ${show(text as PyProjection)}, not a str` };
  const octets = bytesOf(bytes as PyProjection);
  return octets === undefined ? { malformed: `bytes is ${show(bytes as PyProjection)}, not a bytes` } : { kind: 'binary', octets };
}

const describe = (kind: string, octets: string) => `${kind} ${JSON.stringify(octets.length > 60 ? octets.slice(0, 60) + '…' : octets)} (${octets.length} octets)`;

/** Each message sent reached the application as one websocket.receive of its kind and content. */
export function checkReceived(conversation: Conversation, sent: OutgoingMessage[]): Outcome {
  const rule = 'asgi.ws.receive.message';
  if (!loggedScope(conversation.events)) return notCalled(rule);
  const events = received(conversation.events, 'websocket.receive');
  const expected = sent.map((m) => describe(m.kind, m.data.toString('latin1')));
  const actual = events.map((e) => {
    const c = content(e);
    return 'malformed' in c ? c.malformed : describe(c.kind, c.octets);
  });
  return expectThat(rule, '/events/receive', JSON.stringify(actual) === JSON.stringify(expected), 'the websocket.receive events are not the messages sent, one each, of their kind', expected, actual);
}

/** Each fragmented message reached the application whole (its kind is the other rule's matter). */
export function checkReassembled(conversation: Conversation, sent: OutgoingMessage[]): Outcome {
  const rule = 'asgi.ws.receive.reassembled';
  if (!loggedScope(conversation.events)) return notCalled(rule);
  const actual = received(conversation.events, 'websocket.receive').map((e) => {
    const c = content(e);
    return 'malformed' in c ? c.malformed : describe('message', c.octets);
  });
  const expected = sent.map((m) => describe('message', m.data.toString('latin1')));
  return expectThat(rule, '/events/receive', JSON.stringify(actual) === JSON.stringify(expected), 'fragmented messages did not reach the application whole, one websocket.receive each', expected, actual);
}

/** What the application sent with websocket.send reached the client, message for message. */
export function checkRelayed(conversation: Conversation): Outcome {
  const rule = 'asgi.ws.send.relayed';
  const sent = conversation.events.flatMap((e) => (e.e === 'sent' && isDict(e.event) && e.event.type === 'websocket.send' ? [content(e.event)] : []));
  const expected = sent.map((c) => ('malformed' in c ? c.malformed : describe(c.kind, c.octets)));
  const actual = conversation.session.messages.map((m) => describe(m.kind, m.data.toString('latin1')));
  return expectThat(rule, '/messages', JSON.stringify(actual) === JSON.stringify(expected), "the messages the client got are not the application's websocket.send events", expected, actual);
}

/** A Pong with the Ping's payload came back. */
export function checkPong(conversation: Conversation, payload: Buffer): Outcome {
  const pong = conversation.session.pongs.find((p) => p.equals(payload));
  return expectThat('asgi.ws.ping-answered', '/pongs', pong !== undefined, 'no Pong with the payload of the Ping came back', payload.toString('latin1'), conversation.session.pongs.map((p) => p.toString('latin1')));
}
