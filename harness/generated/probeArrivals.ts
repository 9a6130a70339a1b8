/* Generated from spec/http/probe-arrivals.schema.json by npm run gen:types. Do not edit. */

/**
 * One line of arrivals.jsonl, written by the probe for a request carrying X-Gwi-Arrivals: first when the request reaches the application (method, path, query, headers), then once its body has been read (body, or the error the read raised). Lines of one request share `id`. Octet strings are JSON strings of code points U+0000-U+00FF.
 */
export type ArrivalRecord = ArrivedRecord | BodyRecord;

export interface ArrivedRecord {
  id: string;
  method: string;
  /**
   * SCRIPT_NAME + PATH_INFO.
   */
  path: string;
  query: string;
  /**
   * HTTP_ variables, CONTENT_LENGTH and CONTENT_TYPE.
   */
  headers: {
    [k: string]: string;
  };
}
export interface BodyRecord {
  id: string;
  /**
   * What the application read from wsgi.input.
   */
  body: string;
  /**
   * The exception a read raised (it then propagated to the server).
   */
  error?: string;
}
