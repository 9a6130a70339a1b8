/* Generated from spec/asgi/driver-protocol.schema.json by npm run gen:types. Do not edit. */

/**
 * Version 1 of the protocol between gwi-test and the ASGI application driver (fixtures/asgi/driver/gwi_asgi_driver.py), in the shape of the WSGI driver's (spec/wsgi/driver-protocol.schema.json): one JSON command per line in, exactly one JSON reply per line out, in order. Replies of kind `error` are the driver's or the loader's own failures; whatever the application does wrong while called is data inside a `called` reply. Strings standing for octets are JSON strings of code points U+0000-U+00FF, one per octet.
 */
export type AsgiDriverProtocol = AsgiDriverCommand | AsgiDriverReply;
export type AsgiDriverCommand = AsgiStartCommand | AsgiCallCommand | AsgiStopCommand;
export type Octets = string;
export type AsgiDriverReply = AsgiStartedReply | AsgiCalledReply | AsgiDriverErrorReply;
export type AsgiDriverEvent =
  InvokedEvent | ReceiveEvent | SendEvent | AsgiRaisedEvent | ReturnedEvent | StillRunningEvent | LoopEvent;
/**
 * Where the HTTP response stood: none sent, started, body under way, complete.
 */
export type ResponseState = 'none' | 'started' | 'body' | 'complete';

/**
 * First command: load the application and, unless lifespan is false, run its lifespan startup as a server would (the shutdown follows `stop`). Answered by `started` or `error`.
 */
export interface AsgiStartCommand {
  cmd: 'start';
  protocol: 1;
  /**
   * module:callable; the callable may be an attribute path (module:object.attr).
   */
  application: string;
  /**
   * Folders put first on sys.path before importing.
   */
  path?: string[];
  lifespan?: boolean;
  /**
   * How long the application may take to answer lifespan.startup.
   */
  startupMs?: number;
}
/**
 * Call the application once with this scope, play the receive() script, and report every event and outcome.
 */
export interface AsgiCallCommand {
  cmd: 'call';
  seq: number;
  scope: AsgiCallScope;
  receive?: AsgiReceiveScript;
  /**
   * The driver cancels a call still running after this long and reports it as still-running.
   */
  timeoutMs?: number;
}
/**
 * The scope to build. For type http the driver builds a full HTTP connection scope (bytes where the spec wants bytes, lists for header pairs, asgi version 3.0 and spec_version 2.3); for lifespan it builds the lifespan scope and plays lifespan.startup, then lifespan.shutdown once the application answered; any other type is passed as is (an application should reject it).
 */
export interface AsgiCallScope {
  type: string;
  http_version?: '1.0' | '1.1' | '2';
  method?: string;
  scheme?: 'http' | 'https';
  path?: string;
  raw_path?: Octets | null;
  query_string?: Octets;
  root_path?: string;
  headers?: [unknown, unknown][];
  client?: [unknown, unknown] | null;
  server?: [unknown, unknown] | null;
  /**
   * Names of the extensions to announce, each with an empty dict.
   */
  extensions?: string[];
  state?: {
    [k: string]: string;
  };
}
/**
 * What receive() hands out for an HTTP call: one http.request per body chunk (more_body True on all but the last), then, once the response is complete, http.disconnect.
 */
export interface AsgiReceiveScript {
  /**
   * @minItems 1
   */
  body?: [Octets, ...Octets[]];
  /**
   * Each http.request is handed out this long after receive() was called (a slow client).
   */
  delayMs?: number;
  /**
   * Every http.request carries a key no spec defines (gwi_extra_key).
   */
  extraKeys?: boolean;
  /**
   * After this many http.request events the client is gone: receive() returns http.disconnect at once.
   */
  disconnectAfter?: number;
}
export interface AsgiStopCommand {
  cmd: 'stop';
}
export interface AsgiStartedReply {
  reply: 'started';
  protocol: 1;
  /**
   * sys.version, first line.
   */
  python: string;
  /**
   * How the startup went: off, raised (the application declines lifespan), or the type of its answer.
   */
  lifespan: string;
}
export interface AsgiCalledReply {
  reply: 'called';
  seq: number;
  /**
   * Everything that happened in the call, in order.
   */
  events: AsgiDriverEvent[];
}
/**
 * application(scope, receive, send) returned: whether the result can be awaited.
 */
export interface InvokedEvent {
  e: 'invoked';
  atMs: number;
  awaitable: boolean;
  type: string;
}
/**
 * receive() returned this event to the application.
 */
export interface ReceiveEvent {
  e: 'receive';
  atMs: number;
  index: number;
  event: PyValue;
}
/**
 * A Python value with its type kept: t is type(x).__name__ (module-qualified outside builtins); scalars carry v (bytes as one code point per octet; an int beyond 2^53 or a non-finite float as a string), lists and tuples items, dicts entries, anything else its repr.
 */
export interface PyValue {
  t: string;
  v?: string | number | boolean;
  items?: PyValue[];
  entries?: [unknown, unknown][];
  repr?: string;
}
/**
 * The application called send() with this event; response is the state of the response before it.
 */
export interface SendEvent {
  e: 'send';
  atMs: number;
  index: number;
  event: PyValue;
  response: ResponseState;
}
/**
 * The call (where: call) or the awaited coroutine (where: await) raised.
 */
export interface AsgiRaisedEvent {
  e: 'raised';
  atMs: number;
  where: 'call' | 'await';
  exception: AsgiPyException;
  response: ResponseState;
}
export interface AsgiPyException {
  type: string;
  message: string;
  traceback?: string;
}
export interface ReturnedEvent {
  e: 'returned';
  atMs: number;
  type: string;
  response: ResponseState;
}
/**
 * The application had not returned by the call's timeout, or one second after its part was done; the driver cancelled it. finished: whether nothing more was expected of it.
 */
export interface StillRunningEvent {
  e: 'still-running';
  atMs: number;
  response: ResponseState;
  finished: boolean;
}
/**
 * The longest time a 10 ms heartbeat task of the driver's loop was kept waiting beyond its tick during the call.
 */
export interface LoopEvent {
  e: 'loop';
  atMs: number;
  maxStallMs: number;
}
export interface AsgiDriverErrorReply {
  reply: 'error';
  seq?: number | null;
  code: 'bad-command' | 'load-failed' | 'not-callable' | 'startup-failed' | 'internal';
  message: string;
  traceback?: string;
}
