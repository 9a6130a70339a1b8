/* Generated from spec/cgi/response-plan.schema.json by npm run gen:types. Do not edit. */

/**
 * How the CGI probe answers a request carrying this plan, as percent-encoded JSON in the query (?gwi-cgi=...): the CGI header fields it writes (Status, Location, then headers, each line ended by CRLF, or by LF alone with lf) and the body. Octet strings are JSON strings of code points U+0000-U+00FF, one per octet.
 */
export interface CgiResponsePlan {
  /**
   * The Status field's value: a 3-digit code, SP, a reason phrase.
   */
  status?: string;
  /**
   * The Location field's value: an absolute URI (client redirect) or a local path (local redirect).
   */
  location?: string;
  /**
   * Other header fields, (name, value) pairs, Content-Type among them when wanted.
   */
  headers?: [string, string][];
  /**
   * The body written after the blank line.
   */
  body?: string;
  /**
   * Write Location: SCRIPT_NAME followed by this (a local redirect to a path below the script).
   */
  localLocation?: string;
  /**
   * End the header lines with LF alone, as CGI allows (default: CRLF, which every server reads).
   */
  lf?: boolean;
}
