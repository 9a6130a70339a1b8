/* Generated from spec/asgi/websocket-plan.schema.json by npm run gen:types. Do not edit. */

/**
 * How the ASGI probe answers a WebSocket handshake that carries this plan, as JSON, in X-Gwi-Ws (fixtures/asgi/probe/gwi_asgi_websocket.py); the event log folder comes in X-Gwi-Log as for response plans. Order: log the scope, receive websocket.connect, wait acceptDelayMs, accept (or deny), then follow `then`. Octet strings are JSON strings of code points U+0000-U+00FF, one per octet.
 */
export interface AsgiWebSocketPlan {
  /**
   * Names the event log <id>.jsonl.
   */
  id: string;
  /**
   * accept: send websocket.accept; deny: send websocket.close before accepting.
   */
  answer: 'accept' | 'deny';
  /**
   * Wait this long after websocket.connect before answering it; default 0.
   */
  acceptDelayMs?: number;
  /**
   * websocket.accept's subprotocol.
   */
  subprotocol?: string;
  /**
   * websocket.accept's headers, as (name, value) octet strings.
   */
  headers?: [string, string][];
  /**
   * After accepting: echo every websocket.receive back with websocket.send of the same kind until websocket.disconnect; close: send websocket.close (closeCode, closeReason) and wait for websocket.disconnect; return: return at once without closing.
   */
  then: 'echo' | 'close' | 'return';
  /**
   * The code of the close step's websocket.close; absent: no code key.
   */
  closeCode?: number;
  /**
   * The reason of the close step's websocket.close; absent: no reason key.
   */
  closeReason?: string;
  /**
   * Longest wait for any receive(); default 10000.
   */
  timeoutMs?: number;
}
