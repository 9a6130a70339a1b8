/* Generated from spec/asgi/websocket-events.schema.json by npm run gen:types. Do not edit. */

/**
 * One line of the ASGI probe's event log <id>.jsonl while it follows a WebSocket plan (spec/asgi/websocket-plan.schema.json), discriminated by e. Values are in the Python projection of spec/asgi/probe-report.schema.json; t is time.time() when it happened.
 */
export type AsgiWebSocketEvent =
  AsgiWebSocketEventScope | AsgiWebSocketEventReceive | AsgiWebSocketEventSend | AsgiWebSocketEventEnd;
/**
 * A Python value as JSON: str as a string, int as an integer, bool, None as null, list and tuple as arrays, dict (exactly dict) as an object; bytes, float, non-str dict keys and every other type as tagged objects.
 */
export type PyProjection = (string | number | boolean | null) | PyProjection[] | PyBytes | PyFloat | PyOther | PyDict;

/**
 * The application was called with this scope (its state key left out).
 */
export interface AsgiWebSocketEventScope {
  e: 'scope';
  scope: PyProjection;
  t: number;
}
export interface PyBytes {
  /**
   * The octets as code points U+0000-U+00FF, one per octet.
   */
  bytes: string;
}
export interface PyFloat {
  /**
   * The value; the strings nan, inf, -inf for those.
   */
  float: number | ('nan' | 'inf' | '-inf');
}
/**
 * Any other type (bytearray, memoryview, a str or int subclass, ...), or any value below the depth limit (truncated). value: for bytearray, memoryview and subclasses of bytes, str, int, float, list, tuple, dict, the value converted to bytes or the base type, projected.
 */
export interface PyOther {
  /**
   * type(value).__name__, qualified with the module when it is not builtins.
   */
  pytype: string;
  /**
   * repr(value), cut at 200 characters.
   */
  repr: string;
  value?: PyProjection;
  /**
   * The value sat deeper than the depth limit (12).
   */
  truncated?: true;
}
/**
 * A dict: each str key with its value projected; a key of another type appears under repr(key) as a PyNonStrKey entry.
 */
export interface PyDict {
  [k: string]: PyNonStrKey | PyProjection;
}
export interface PyNonStrKey {
  /**
   * The key's type name.
   */
  pytype: string;
  key: PyProjection;
  value: PyProjection;
}
/**
 * receive() returned this event.
 */
export interface AsgiWebSocketEventReceive {
  e: 'receive';
  event: PyProjection;
  t: number;
}
/**
 * send() is about to be called with this event (sent: it returned).
 */
export interface AsgiWebSocketEventSend {
  e: 'send' | 'sent';
  event: PyProjection;
  t: number;
}
/**
 * How the application ended: it returned, a receive() timed out (then it returned), or it raised.
 */
export interface AsgiWebSocketEventEnd {
  e: 'returned' | 'receive-timeout' | 'raised';
  /**
   * For raised and a send() that raised: type and message.
   */
  exception?: string;
  t: number;
}
