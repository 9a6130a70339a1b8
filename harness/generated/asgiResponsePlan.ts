/* Generated from spec/asgi/response-plan.schema.json by npm run gen:types. Do not edit. */

/**
 * How the ASGI probe answers a request that carries this plan in X-Gwi-Respond (fixtures/asgi/probe/gwi_asgi_respond.py). Order: read the body, receive before the response, raise before-start, early hint, start, second start, raise after-start, body (or pathsend), trailers, raise after-body, send after complete, receive after the body, wait for the disconnect. Octet strings are JSON strings of code points U+0000-U+00FF, one per octet (encoded latin-1).
 */
export interface AsgiResponsePlan {
  /**
   * Names the event log <id>.jsonl and the signal files <id>.go<i>.
   */
  id: string;
  /**
   * http.response.start's status; default 200.
   */
  status?: number | string;
  /**
   * Convert status to this Python type before sending it (to see a server's type check); default: as given.
   */
  statusAs?: 'int' | 'str';
  /**
   * (name, value) pairs of http.response.start.
   */
  headers?: [string, string][];
  /**
   * The Python shape of headers (and trailers): list of lists (default), list of tuples, tuple of tuples, generator of tuples.
   */
  headersAs?: 'list' | 'tuples' | 'tuple' | 'generator';
  /**
   * Lower-case header names before sending (default) or send them unchanged.
   */
  names?: 'lower' | 'as-given';
  /**
   * One http.response.body per chunk, more_body true on all but the last; none or []: one empty body event.
   */
  body?: string[];
  /**
   * Wait for the signal <id>.go<i> before body chunk i; i = len(body) sends every chunk with more_body true and, after the pause, an empty last one.
   */
  pauseBefore?: number[];
  /**
   * Longest wait for a pause signal, and for reading the request body; default 5000.
   */
  timeoutMs?: number;
  /**
   * Receive the whole request body before answering, logging each event; default true.
   */
  readBody?: boolean;
  /**
   * Raise RuntimeError('gwi-probe planned error') at that point; after-first-chunk: right after the first body event, when more_body was True.
   */
  raise?: 'before-start' | 'after-start' | 'after-first-chunk' | 'after-body';
  /**
   * Before http.response.start, send {'type': 'gwi.unknown-event'} and log whether send() raised (the plan goes on either way).
   */
  unknownEvent?: boolean;
  /**
   * Add the key gwi_extra_key to http.response.start and every http.response.body.
   */
  extraKeys?: boolean;
  /**
   * After the last body event (and trailers), wait for the signal <id>.go999 before going on.
   */
  pauseAfterBody?: boolean;
  /**
   * After the response completed, send one more http.response.body (b'gwi-after-complete') and log what send did; the probe goes on either way.
   */
  sendAfterComplete?: boolean;
  /**
   * Call receive() once, waiting at most this many ms, after the response (or before it with receiveBeforeResponse).
   */
  receiveAfterBody?: number;
  /**
   * Make the receiveAfterBody call before the response starts instead.
   */
  receiveBeforeResponse?: boolean;
  /**
   * After the response, receive() until http.disconnect or this many ms passed.
   */
  waitDisconnect?: number;
  /**
   * Send start with trailers: true and, after the body, one http.response.trailers (more_trailers false). Only if scope['extensions'] has http.response.trailers, unless forceExtension.
   */
  trailers?: [string, string][];
  /**
   * Write the body to a file (in the log folder) and send http.response.pathsend instead of body events. Only if advertised, unless forceExtension.
   */
  pathsend?: boolean;
  /**
   * Link field values of one http.response.early_hint ({'links': [bytes]}) sent before start. Only if advertised, unless forceExtension.
   */
  earlyHint?: string[];
  /**
   * Send the extension events even where scope['extensions'] does not advertise them.
   */
  forceExtension?: boolean;
  /**
   * Return right after http.response.start, without any body event.
   */
  returnWithoutBody?: boolean;
  /**
   * Send http.response.start twice; the probe goes on whatever the second send did.
   */
  doubleStart?: boolean;
}
