import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../harness/asgi/websocket/conversation.ts';
import { checkConnectFirst, checkScope, gateBySpecVersion } from '../../harness/asgi/websocket/checks.ts';
import type { WebSocketSession } from '../../harness/http/webSocket.ts';
import { pass } from '../../harness/run/outcome.ts';

// The parts of the WebSocket checks a mutant server cannot reach alone: timing of the 101, iterable headers, versions.
const bytes = (text: string) => ({ bytes: text });
const scope = (extra: Record<string, unknown> = {}) => ({
  type: 'websocket', asgi: { version: '3.0', spec_version: '2.3' }, scheme: 'ws', path: '/ws', query_string: bytes('a=1'),
  headers: [[bytes('host'), bytes('x')], [bytes('x-one'), bytes('1')]], subprotocols: ['p'], ...extra,
});

function conversation(options: { answeredAt?: number; acceptT?: number; scope?: Record<string, unknown>; first?: string }): Conversation {
  const t = 1_000;
  return {
    session: { answeredAt: options.answeredAt, status: 101, headers: [] } as unknown as WebSocketSession,
    plan: { id: 'x', answer: 'accept', then: 'echo' },
    shown: '',
    events: [
      { e: 'scope', scope: (options.scope ?? scope()) as never, t },
      { e: 'receive', event: { type: options.first ?? 'websocket.connect' }, t },
      { e: 'send', event: { type: 'websocket.accept' }, t: options.acceptT ?? t + 0.3 },
    ],
  };
}

describe('asgi.ws.connect.first', () => {
  it('passes a 101 that follows websocket.accept', () => {
    expect(checkConnectFirst(conversation({ answeredAt: 1_000_400, acceptT: 1_000.3 })).ok).toBe(true);
  });
  it('flags a 101 sent before the application accepted', () => {
    const outcome = checkConnectFirst(conversation({ answeredAt: 1_000_000, acceptT: 1_000.3 }));
    expect(outcome).toMatchObject({ ruleId: 'asgi.ws.connect.first', ok: false });
  });
  it('flags another first event than websocket.connect', () => {
    expect(checkConnectFirst(conversation({ answeredAt: 1_000_400, first: 'websocket.receive' })).ok).toBe(false);
  });
});

describe('asgi.ws.scope', () => {
  const sent = { path: '/ws', query: 'a=1', fields: ['x-one'], protocols: ['p'] };
  it('takes headers as any sequence of pairs (h11 Headers, shown with its items)', () => {
    const listed = scope().headers;
    const outcomes = checkScope(conversation({ scope: scope({ headers: { pytype: 'h11._headers.Headers', repr: '<Headers>', value: listed } }) }), sent);
    expect(outcomes.map((o) => [o.ruleId, o.ok])).toEqual([['asgi.ws.scope', true], ['asgi.ws.scope.subprotocols', true]]);
  });
  it('flags a str query_string and missing subprotocols', () => {
    const outcomes = checkScope(conversation({ scope: scope({ query_string: 'a=1', subprotocols: [] }) }), sent);
    expect(outcomes.map((o) => [o.ruleId, o.ok])).toEqual([['asgi.ws.scope', false], ['asgi.ws.scope.subprotocols', false]]);
  });
});

describe('spec_version gating', () => {
  it('makes a rule added after the declared version inconclusive, and keeps the others', () => {
    const events = conversation({ scope: scope({ asgi: { version: '3.0' } }) }).events;
    const gated = gateBySpecVersion([pass('asgi.ws.accept.headers', '/'), pass('asgi.ws.close.reason', '/'), pass('asgi.ws.accept.subprotocol', '/')], events);
    expect(gated.map((o) => [o.ruleId, o.inconclusive !== undefined])).toEqual([['asgi.ws.accept.headers', true], ['asgi.ws.close.reason', true], ['asgi.ws.accept.subprotocol', false]]);
    const declared = conversation({}).events;
    expect(gateBySpecVersion([pass('asgi.ws.close.reason', '/')], declared)[0].inconclusive).toBeUndefined();
  });
});
