/* Generated from spec/cgi/probe-report.schema.json by npm run gen:types. Do not edit. */

/**
 * What the CGI probe (fixtures/cgi/probe/gwi_cgi_probe.py) reports of one request: its environment and the body it read from standard input. Octet strings are JSON strings of code points U+0000-U+00FF, one per octet.
 */
export interface CgiProbeReport {
  format: 1;
  interface: 'cgi';
  /**
   * Every environment variable of the script, meta-variables and the server's own.
   */
  env: {
    [k: string]: string;
  };
  /**
   * The CONTENT_LENGTH octets read from standard input (fewer when it ended early).
   */
  body: string;
  /**
   * Why the body is not CONTENT_LENGTH octets long.
   */
  bodyError?: string;
  /**
   * GWI_SERVER_TOKEN from the script's environment: the server start this answer comes from. Absent when the server does not pass it on.
   */
  token?: string;
}
