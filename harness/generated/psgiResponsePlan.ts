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
   * An array reference (default), or an object with getline and close.
   */
  bodyAs?: 'array' | 'handle';
  noLength?: boolean;
}
