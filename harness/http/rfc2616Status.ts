/**
 * The status codes RFC 2616 (section 6.1.1) defines. PSGI asks an application's status to be "an HTTP status code as
 * documented in RFC 2616" (a SHOULD): a server may treat any other code as it likes (Apache without a status line
 * turns a code it does not know into 500).
 * https://www.rfc-editor.org/rfc/rfc2616#section-6.1.1
 */
const defined = new Set([
  100, 101,
  200, 201, 202, 203, 204, 205, 206,
  300, 301, 302, 303, 304, 305, 307,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417,
  500, 501, 502, 503, 504, 505,
]);

/** Whether RFC 2616 defines this status code. */
export const isRfc2616Status = (status: number): boolean => defined.has(status);
