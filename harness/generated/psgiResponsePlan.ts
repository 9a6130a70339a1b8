/* Generated from spec/psgi/response-plan.schema.json by npm run gen:types. Do not edit. */

/**
 * How the PSGI probe answers a request carrying this plan, as JSON, in X-Gwi-Psgi: [status, headers, body]. Octet strings are JSON strings of code points U+0000-U+00FF.
 */
export interface PsgiResponsePlan {
  status?: number;
  /**
   * The headers array, as pairs in order (a key may repeat).
   */
  headers?: [string, string][];
  body?: string[];
  /**
   * An array reference (default); an object with getline and close; a callback that gives the responder the whole response (delayed); or a callback that gives it status and headers and writes the body through the writer it returns (streaming). Without psgi.streaming true, the last two answer an array body with X-Gwi-No-Streaming.
   */
  bodyAs?: 'array' | 'handle' | 'delayed' | 'streaming';
  /**
   * With bodyAs handle: the body's close logs {"e": "close"} to <X-Gwi-Log>/<closeLog>.jsonl (spec/http/probe-body-events.schema.json).
   */
  closeLog?: string;
  /**
   * Where psgix.cleanup is true, push a handler onto psgix.cleanup.handlers that logs {"e": "cleanup", "env": <its first argument is the environment>} to <X-Gwi-Log>/<cleanupLog>.jsonl; elsewhere the answer carries X-Gwi-No-Cleanup.
   */
  cleanupLog?: string;
  noLength?: boolean;
}
