import fc from 'fast-check';
import type { HttpRequest } from '../../http/request.ts';
import type { OutgoingMessage } from '../../http/webSocket.ts';
import type { HostilePropertyDef, PlayContext, ScenarioDef, SuiteContext, SuiteEntry } from '../../run/entries.ts';
import { inconclusive, type Outcome } from '../observation.ts';
import { gateBySpecVersion, checkAccept, checkAppExit, checkConnectFirst, checkDenied, checkDisconnect, checkPong, checkReassembled, checkReceived, checkRelayed, checkScope, checkServerClose } from './checks.ts';
import { connect, finish, showHandshake, type Handshake } from './conversation.ts';

/** A handshake as an HttpRequest, so a finding shows the octets of the request that opened the conversation. */
function asRequest(handshake: Handshake, context: SuiteContext): HttpRequest {
  const [head] = showHandshake(handshake, context).split('\r\n\r\n');
  const [, ...lines] = head.split('\r\n');
  const headers = lines.map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 2)] as [string, string];
  });
  return { method: 'GET', target: handshake.target, version: 'HTTP/1.1', headers, body: '' };
}

/** Servers that do not declare the capability get no conversation: the rules' verdicts say skipped, and why. */
const speaksWebSocket = (context: PlayContext) => context.suite.capabilities.includes('websocket');

/** The rules of a conversation whose handshake was refused, not judged on it. */
const refused = (rules: string[], status: number): Outcome[] => rules.map((rule) => inconclusive(rule, '/response/status', `the handshake was answered ${status || 'with no HTTP response'}`));

/** A scenario of WebSocket conversations: `handshakes` names the ones it opens, the first for the report's request. */
function scenario(id: string, does: string, rules: string[], handshakes: Handshake[], play: (context: PlayContext) => Promise<Outcome[]>): ScenarioDef {
  return { kind: 'scenario', id, does, rules, request: (context) => asRequest(handshakes[0], context), play: (_request, context) => (speaksWebSocket(context) ? play(context) : Promise.resolve([])) };
}

const offered = ['gwi.one', 'gwi.two'];
const handshake: Handshake = {
  target: '/ws/caf%C3%A9?q=%C3%A9&x=1',
  protocols: offered,
  headers: [['X-Gwi-Extra', 'one']],
  plan: { answer: 'accept', acceptDelayMs: 300, subprotocol: 'gwi.two', headers: [['x-gwi-one', '1'], ['x-gwi-two', '2'], ['x-gwi-one', '3']], then: 'close', closeCode: 1000 },
};

const denied: Handshake = { target: '/ws/denied', plan: { answer: 'deny', then: 'return' } };
const closing: Handshake = { target: '/ws/close', plan: { answer: 'accept', then: 'close', closeCode: 4001, closeReason: 'gwi-bye' } };
const closingNoCode: Handshake = { target: '/ws/close', plan: { answer: 'accept', then: 'close' } };
const echo: Handshake = { target: '/ws/echo', plan: { answer: 'accept', then: 'echo' } };
const returning: Handshake = { target: '/ws/return', plan: { answer: 'accept', then: 'return' } };

/** How long the client waits for the server's side of one step (the echo of every message, a Close, a Pong). */
const STEP_MS = 3000;
/** The Ping follows the messages: once their echoes are in, a server that answers pings has had its time, and gets this much more. */
const PONG_MS = 500;

/** Messages as generated: text (any Unicode, empty too) or binary, a few long enough for 16- and 64-bit lengths. */
const message = (fragmented: boolean): fc.Arbitrary<OutgoingMessage> => {
  const size = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(125, 126, 65535, 70000) });
  const content = fc.oneof(
    size.chain((n) => fc.string({ unit: 'grapheme', minLength: n, maxLength: n }).map((text) => ({ kind: 'text' as const, data: Buffer.from(text, 'utf8') }))),
    size.chain((n) => fc.uint8Array({ minLength: n, maxLength: n }).map((octets) => ({ kind: 'binary' as const, data: Buffer.from(octets) }))),
  );
  if (!fragmented) return content;
  return content.chain((m) => fc.record({
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, m.data.length - 1) }), { minLength: 1, maxLength: 3 }),
    pingBetween: fc.option(fc.uint8Array({ maxLength: 10 }).map((p) => Buffer.from(p)), { nil: undefined }),
  }).map((extra) => ({ ...m, ...extra, cuts: m.data.length < 2 ? [] : extra.cuts })));
};

interface Messages {
  messages: OutgoingMessage[];
  ping: Buffer;
}

const showMessage = (m: OutgoingMessage) => {
  const octets = m.data.toString('latin1');
  const shown = JSON.stringify(octets.length > 80 ? octets.slice(0, 80) + '…' : octets);
  const fragments = m.cuts?.length ? `, fragments cut at ${m.cuts.join('/')}${m.pingBetween ? `, ping ${JSON.stringify(m.pingBetween.toString('latin1'))} between` : ''}` : '';
  return `${m.kind} message ${shown} (${m.data.length} octets${fragments})`;
};

const showMessages = (handshakeUsed: Handshake) => (input: Messages, context: SuiteContext) =>
  `${showHandshake(handshakeUsed, context)}then, masked frames:\n${input.messages.map((m) => `  ${showMessage(m)}`).join('\n')}\n  ping ${JSON.stringify(input.ping.toString('latin1'))}\n  close 1000`;

/** Send the messages and a ping, wait for every echo and the pong, close, read the probe's log. */
async function talk(input: Messages, context: PlayContext) {
  const conversation = await connect(echo, context);
  const { session } = conversation;
  if (session.status === 101) {
    for (const m of input.messages) await session.send(m);
    session.ping(input.ping);
    await session.until(() => session.messages.length >= input.messages.length, STEP_MS);
    await session.until(() => session.pongs.length > 0, PONG_MS);
    session.close(1000);
    await session.until(() => session.closed !== undefined, STEP_MS);
  }
  return finish(conversation, context);
}

const messages: HostilePropertyDef<Messages> = {
  kind: 'hostile', // a slow conversation per input, searched and shrunk as the hostile properties are
  id: 'asgi.ws.messages',
  does: 'opens a WebSocket, sends generated text and binary messages and a ping; the probe echoes each message with websocket.send',
  numRuns: 25,
  rules: ['asgi.ws.receive.message', 'asgi.ws.send.relayed', 'asgi.ws.ping-answered'],
  arbitrary: () => fc.record({ messages: fc.array(message(false), { minLength: 1, maxLength: 5 }), ping: fc.uint8Array({ maxLength: 125 }).map((p) => Buffer.from(p)) }),
  async run(input, context) {
    if (!speaksWebSocket(context)) return [];
    const conversation = await talk(input, context);
    if (conversation.session.status !== 101) return refused(messages.rules, conversation.session.status);
    return [checkReceived(conversation, input.messages), checkRelayed(conversation), checkPong(conversation, input.ping)];
  },
  show: showMessages(echo),
};

const fragments: HostilePropertyDef<Messages> = {
  kind: 'hostile',
  id: 'asgi.ws.fragments',
  does: 'opens a WebSocket and sends generated messages in up to four fragments each, some with a ping between fragments',
  numRuns: 20,
  rules: ['asgi.ws.receive.reassembled'],
  arbitrary: () => fc.record({ messages: fc.array(message(true), { minLength: 1, maxLength: 4 }), ping: fc.constant(Buffer.from('gwi')) }),
  async run(input, context) {
    if (!speaksWebSocket(context)) return [];
    const conversation = await talk(input, context);
    if (conversation.session.status !== 101) return refused(fragments.rules, conversation.session.status);
    return [checkReassembled(conversation, input.messages)];
  },
  show: showMessages(echo),
};

/** WebSocket entries of the ASGI profile, for servers that declare the websocket capability. */
export const webSocketSuite: SuiteEntry[] = [
  scenario('asgi.ws.handshake', 'opens a WebSocket to /ws/caf%C3%A9?q=%C3%A9&x=1 offering two subprotocols; the probe waits 300 ms, then accepts the second with three headers of its own',
    ['asgi.ws.scope', 'asgi.ws.scope.subprotocols', 'asgi.ws.connect.first', 'asgi.ws.accept.subprotocol', 'asgi.ws.accept.headers'], [handshake],
    async (context) => {
      const conversation = await finish(await connect(handshake, context), context);
      return gateBySpecVersion([
        ...checkScope(conversation, { path: '/ws/café', query: 'q=%C3%A9&x=1', fields: ['x-gwi-extra', 'x-gwi-ws', 'x-gwi-log'], protocols: offered }),
        checkConnectFirst(conversation),
        ...checkAccept(conversation),
      ], conversation.events);
    }),
  scenario('asgi.ws.denied', 'opens a WebSocket whose application answers websocket.connect with websocket.close', ['asgi.ws.close.denied-403'], [denied],
    async (context) => [checkDenied(await finish(await connect(denied, context), context))]),
  scenario('asgi.ws.server-close', 'the probe accepts, then sends websocket.close with code 4001 and a reason; a second time with no code',
    ['asgi.ws.close.code', 'asgi.ws.close.reason'], [closing, closingNoCode],
    async (context) => {
      const out: Outcome[] = [];
      for (const [used, expected] of [[closing, { code: 4001, reason: 'gwi-bye' }], [closingNoCode, { code: 1000 }]] as const) {
        const conversation = await connect(used, context);
        await conversation.session.until(() => conversation.session.closed !== undefined, STEP_MS);
        await finish(conversation, context);
        out.push(...gateBySpecVersion(checkServerClose(conversation, expected), conversation.events));
      }
      return out;
    }),
  scenario('asgi.ws.client-close', 'the client closes an accepted WebSocket with code 4002, and another with a Close frame that has no code',
    ['asgi.ws.disconnect.code'], [echo],
    async (context) => {
      const out: Outcome[] = [];
      for (const code of [4002, undefined]) {
        const conversation = await connect(echo, context);
        conversation.session.close(code, code ? 'gwi-done' : undefined);
        await conversation.session.until(() => conversation.session.closed !== undefined, STEP_MS);
        out.push(checkDisconnect(await finish(conversation, context), code ?? 1005));
      }
      return out;
    }),
  scenario('asgi.ws.app-exit', 'the probe accepts and returns at once, without closing', ['asgi.ws.app-exit-closes'], [returning],
    async (context) => {
      const conversation = await connect(returning, context);
      const closedInTime = await conversation.session.until(() => conversation.session.closed !== undefined, 2000);
      return [checkAppExit(await finish(conversation, context), closedInTime)];
    }),
  messages as HostilePropertyDef,
  fragments as HostilePropertyDef,
];
