/* Generated from spec/wsgi/probe-events.schema.json by npm run gen:types. Do not edit. */

/**
 * One line of the probe's event log <id>.jsonl: what happened inside the application while it answered a response plan.
 */
export interface ProbeEvent {
  e:
    | 'called'
    | 'read'
    | 'start_response'
    | 'write'
    | 'next'
    | 'pause'
    | 'resume'
    | 'raise'
    | 'returned'
    | 'close'
    | 'filelike-close'
    | 'attribute'
    | 'exc-info'
    | 'wrapper-dropped';
  /**
   * time.time() when it happened.
   */
  t: number;
  /**
   * Chunk or write index (-1: before start_response).
   */
  i?: number;
  /**
   * start_response: which call (1, 2); next/write: octets.
   */
  n?: number;
  method?: string | null;
  data?: string;
  excInfo?: boolean;
  callable?: boolean;
  raised?: string;
  reraised?: boolean;
  by?: 'signal' | 'deadline';
  shape?: string;
  /**
   * exc-info: whether the exception passed as exc_info was still alive after start_response returned and the application dropped it.
   */
  held?: boolean;
  /**
   * attribute: the name the server looked up on the returned iterable.
   */
  attr?: string;
}
