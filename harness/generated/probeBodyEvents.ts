/* Generated from spec/http/probe-body-events.schema.json by npm run gen:types. Do not edit. */

/**
 * What the Rack and PSGI probes log, one JSON object per line in <X-Gwi-Log>/<closeLog>.jsonl, about a response body the server handles: close, when the server calls the body's close method.
 */
export interface BodyEvent {
  e: 'close';
}
