/* Generated from spec/rack/response-plan.schema.json by npm run gen:types. Do not edit. */

/**
 * How the Rack probe answers a request carrying this plan, as JSON, in X-Gwi-Rack: [status, headers, body] with a body object that yields the chunks from each. Octet strings are JSON strings of code points U+0000-U+00FF.
 */
export interface RackResponsePlan {
  status?: number;
  /**
   * The headers hash, in order; a value may hold several lines separated by \n.
   */
  headers?: [string, string][];
  /**
   * The Strings the body yields from each.
   */
  body?: string[];
  /**
   * Leave Content-Length out (by default the probe adds it).
   */
  noLength?: boolean;
  /**
   * The body also responds to close, which logs {"e": "close"} to <X-Gwi-Log>/<closeLog>.jsonl (spec/http/probe-body-events.schema.json).
   */
  closeLog?: string;
  /**
   * The body also responds to to_path, naming <X-Gwi-Log>/<toPath>.body, a file the probe writes with the chunks' octets; each logs {"e": "each"} to <X-Gwi-Log>/<toPath>.jsonl (spec/http/probe-body-events.schema.json).
   */
  toPath?: string;
  /**
   * Hijack the connection where the environment offers it (rack.hijack? true). full: call rack.hijack before answering, write a whole HTTP response (200, Content-Length, Connection: close, a JSON body per spec/rack/hijack-report.schema.json) to the IO and close it. partial: answer with a rack.hijack header whose callable writes 'hijacked missing=' and the hijack IO methods its argument lacks, then closes it, beside a body the server must ignore. Where rack.hijack? is not true the probe answers 200 with the JSON document as its body (hijacked: false).
   */
  hijack?: 'full' | 'partial';
}
