/* Generated from spec/wsgi/response-plan.schema.json by npm run gen:types. Do not edit. */

/**
 * (name, value) pairs for start_response.
 */
export type Headers = [string, string][];

/**
 * How the probe answers a request that carries it in X-Gwi-Respond (fixtures/wsgi/probe/gwi_respond.py). Octet strings are JSON strings of code points U+0000-U+00FF, one per octet.
 */
export interface ResponsePlan {
  /**
   * Names the event log <id>.jsonl and the signal files <id>.go<i>.
   */
  id: string;
  /**
   * Passed to start_response; default "200 OK".
   */
  status?: string;
  headers?: Headers;
  /**
   * Passed to write() before the iterable is returned.
   */
  writes?: string[];
  /**
   * The bytestrings the iterable yields.
   */
  body?: string[];
  /**
   * What the application returns; default list. deferred: a generator that calls start_response in its first iteration (writes, errorStart and secondStart do not apply); watched: an iterable with close() that logs every other attribute looked up on it.
   */
  shape?:
    'list' | 'generator' | 'closing' | 'sized' | 'file-wrapper' | 'file-wrapper-readonly' | 'deferred' | 'watched';
  /**
   * After body, yield count chunks of size octets 'z' (enough to fill the socket buffers).
   */
  tail?: {
    size: number;
    count: number;
  };
  blockSize?: number;
  /**
   * Wait for the signal <id>.go<i> before yielding chunk i (i = number of chunks: before ending).
   */
  pauseBefore?: number[];
  /**
   * Wait for the signal <id>.go<i> before write i.
   */
  pauseBeforeWrite?: number[];
  /**
   * Longest wait for a signal; default 8000.
   */
  pauseMs?: number;
  /**
   * The iterable raises instead of yielding chunk i.
   */
  raiseAt?: number;
  raiseBeforeStart?: boolean;
  /**
   * Call start_response a second time, without exc_info.
   */
  secondStart?: boolean;
  /**
   * Read CONTENT_LENGTH octets of wsgi.input and log them.
   */
  readBody?: boolean;
  /**
   * After start_response, wrap a temporary file holding these octets in wsgi.file_wrapper and drop the wrapper without returning it.
   */
  droppedWrapper?: string;
  /**
   * Call start_response again with exc_info: before any body (and return this body), or in the iterable after chunk afterChunk was yielded.
   */
  errorStart?: {
    status: string;
    headers?: Headers;
    body?: string[];
    at: 'before-body' | 'in-body';
    afterChunk?: number;
  };
}
