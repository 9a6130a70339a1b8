/* Generated from spec/regression.schema.json by npm run gen:types. Do not edit. */

/**
 * A shrunk counterexample saved by `gwi-test replay --save` into an adapter's regressions/ folder; it runs on every later run as a fixed case. Octet strings are JSON strings of code points U+0000-U+00FF.
 */
export interface RegressionCase {
  $schema?: string;
  format: 1;
  /**
   * The suite entry whose check judges it, e.g. environ.request-line.
   */
  entry: string;
  rule: string;
  /**
   * The replay line it was saved from.
   */
  from?: string;
  request: {
    method: string;
    target: string;
    version: 'HTTP/1.1' | 'HTTP/1.0';
    headers: [string, string][];
    body: string;
    chunks?: number[];
  };
}
