/* Generated from spec/http/probe-body-events.schema.json by npm run gen:types. Do not edit. */

/**
 * What the Rack and PSGI probes log, one JSON object per line in <X-Gwi-Log>/<id>.jsonl, about what the server does after the application returned: close, when the server calls the body's close method; cleanup, when a PSGI server calls a handler the application pushed onto psgix.cleanup.handlers (env: its first argument was the environment); each, when a Rack server iterates a body that also responds to to_path.
 */
export interface BodyEvent {
  e: 'close' | 'cleanup' | 'each';
  env?: boolean;
}
