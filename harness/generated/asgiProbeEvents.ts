/* Generated from spec/asgi/probe-events.schema.json by npm run gen:types. Do not edit. */

/**
 * One line of the ASGI probe's event log <id>.jsonl, discriminated by e: what happened inside the application while it followed a response plan (spec/asgi/response-plan.schema.json). $defs/lifespanLine is one line of the GWI_LIFESPAN_LOG file. PyProjection is the same as in spec/asgi/probe-report.schema.json.
 */
export type AsgiProbeEvent =
  | AsgiProbeEventCalled
  | AsgiProbeEventReceive
  | AsgiProbeEventReceiveTimeout
  | AsgiProbeEventSend
  | AsgiProbeEventSent
  | AsgiProbeEventSendRaised
  | AsgiProbeEventPause
  | AsgiProbeEventResume
  | AsgiProbeEventPauseTimeout
  | AsgiProbeEventRaise
  | AsgiProbeEventSkipped
  | AsgiProbeEventReturned
  | AsgiProbeEventRaised;
/**
 * A Python value as JSON: str as a string, int as an integer, bool, None as null, list and tuple as arrays, dict (exactly dict) as an object; bytes, float, non-str dict keys and every other type as tagged objects.
 */
export type PyProjection = (string | number | boolean | null) | PyProjection[] | PyBytes | PyFloat | PyOther | PyDict;

/**
 * The application was called; a few scope facts.
 */
export interface AsgiProbeEventCalled {
  e: 'called';
  scope: {
    type: PyProjection;
    asgi: PyProjection;
    httpVersion: PyProjection;
    /**
     * Sorted keys of scope['extensions']; null when the scope has no extensions key.
     */
    extensions: string[] | null;
  };
  /**
   * Milliseconds since the application was called.
   */
  ms: number;
  /**
   * time.time() when it happened.
   */
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
export interface AsgiProbeEventReceive {
  e: 'receive';
  /**
   * Which plan step made the call.
   */
  step: 'body' | 'before-response' | 'after-body' | 'wait-disconnect';
  event: PyProjection;
  /**
   * Milliseconds since the application was called.
   */
  ms: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
/**
 * receive() had not returned when the step's time was up (the call was cancelled).
 */
export interface AsgiProbeEventReceiveTimeout {
  e: 'receive-timeout';
  /**
   * Which plan step made the call.
   */
  step: 'body' | 'before-response' | 'after-body' | 'wait-disconnect';
  /**
   * Milliseconds since the application was called.
   */
  ms: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
/**
 * send() is about to be called.
 */
export interface AsgiProbeEventSend {
  e: 'send';
  /**
   * The event's type.
   */
  type: string;
  step: 'unknown' | 'early-hint' | 'start' | 'second-start' | 'body' | 'pathsend' | 'trailers' | 'after-complete';
  /**
   * body: chunk index.
   */
  i?: number;
  /**
   * body: octets.
   */
  n?: number;
  /**
   * body: more_body.
   */
  more?: boolean;
  /**
   * Milliseconds since the application was called.
   */
  ms: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
/**
 * The last send() returned.
 */
export interface AsgiProbeEventSent {
  e: 'sent';
  /**
   * Milliseconds since the application was called.
   */
  ms: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
/**
 * The last send() raised (a propagating exception is then logged again as raised).
 */
export interface AsgiProbeEventSendRaised {
  e: 'send-raised';
  exception: AsgiProbeException;
  /**
   * Milliseconds since the application was called.
   */
  ms: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
export interface AsgiProbeException {
  /**
   * type(exc).__name__
   */
  type: string;
  /**
   * str(exc), cut at 200 characters.
   */
  message: string;
}
/**
 * Waiting for <id>.go<i>.
 */
export interface AsgiProbeEventPause {
  e: 'pause';
  i: number;
  /**
   * Milliseconds since the application was called.
   */
  ms: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
/**
 * The signal file appeared.
 */
export interface AsgiProbeEventResume {
  e: 'resume';
  i: number;
  /**
   * Milliseconds since the application was called.
   */
  ms: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
/**
 * No signal within timeoutMs; the probe went on.
 */
export interface AsgiProbeEventPauseTimeout {
  e: 'pause-timeout';
  i: number;
  /**
   * Milliseconds since the application was called.
   */
  ms: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
/**
 * The plan's exception is about to be raised.
 */
export interface AsgiProbeEventRaise {
  e: 'raise';
  at: 'before-start' | 'after-start' | 'after-first-chunk' | 'after-body';
  /**
   * Milliseconds since the application was called.
   */
  ms: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
/**
 * An extension event the plan asked for was not sent: the scope does not advertise it.
 */
export interface AsgiProbeEventSkipped {
  e: 'skipped';
  what: 'trailers' | 'pathsend' | 'earlyHint';
  reason: 'not-advertised';
  /**
   * Milliseconds since the application was called.
   */
  ms: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
/**
 * The application returned.
 */
export interface AsgiProbeEventReturned {
  e: 'returned';
  /**
   * Milliseconds since the application was called.
   */
  ms: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
/**
 * The application is ending with this exception (it propagates to the server).
 */
export interface AsgiProbeEventRaised {
  e: 'raised';
  exception: AsgiProbeException;
  /**
   * Milliseconds since the application was called.
   */
  ms: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
