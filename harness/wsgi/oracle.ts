import type { HttpRequest } from '../http/request.ts';
import { cgiName } from '../generators/fieldName.ts';

export { decodePath, hasEncodedSlash, hopByHop, splitTarget } from '../http/target.ts';
import { hopByHop } from '../http/target.ts';

/** Fields carried by CONTENT_TYPE and CONTENT_LENGTH instead of HTTP_ variables. */
export const contentFields = new Set(['content-type', 'content-length']);

export interface ExpectedVariable {
  /** The field name as first sent. */
  name: string;
  /** Every value sent under it, in order (the field values: without the whitespace around them on the line). */
  values: string[];
  /** The same as they were on the line, whitespace around them included. */
  lines: string[];
  underscore: boolean;
  hopByHop: boolean;
}

/** The HTTP_ variables the request's fields stand for, keyed by variable name. */
export function expectedHttpVariables(request: HttpRequest): Map<string, ExpectedVariable> {
  const out = new Map<string, ExpectedVariable>();
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (contentFields.has(lower)) continue;
    const key = cgiName(name);
    const entry = out.get(key) ?? { name, values: [], lines: [], underscore: name.includes('_'), hopByHop: hopByHop.has(lower) };
    // the field value excludes the optional whitespace around it on the field line (RFC 9112 section 5)
    entry.values.push(value.replace(/^[ \t]+|[ \t]+$/g, ''));
    entry.lines.push(value);
    out.set(key, entry);
  }
  return out;
}

export const hasObsText = (octets: string) => /[\x80-\xff]/.test(octets);

/** The CGI variables of RFC 3875 section 4.1 (HTTP_ variables aside). */
export const cgiVariables = [
  'AUTH_TYPE', 'CONTENT_LENGTH', 'CONTENT_TYPE', 'GATEWAY_INTERFACE', 'PATH_INFO', 'PATH_TRANSLATED', 'QUERY_STRING',
  'REMOTE_ADDR', 'REMOTE_HOST', 'REMOTE_IDENT', 'REMOTE_USER', 'REQUEST_METHOD', 'SCRIPT_NAME', 'SERVER_NAME',
  'SERVER_PORT', 'SERVER_PROTOCOL', 'SERVER_SOFTWARE',
];

/** The ones PEP 3333 lists as required or may-be-empty; the rest are "other CGI variables". */
export const pepVariables = new Set(['REQUEST_METHOD', 'SCRIPT_NAME', 'PATH_INFO', 'QUERY_STRING', 'CONTENT_TYPE', 'CONTENT_LENGTH', 'SERVER_NAME', 'SERVER_PORT', 'SERVER_PROTOCOL']);

export const wsgiVariables = ['wsgi.version', 'wsgi.url_scheme', 'wsgi.input', 'wsgi.errors', 'wsgi.multithread', 'wsgi.multiprocess', 'wsgi.run_once'];

export const isCgiKey = (key: string) => cgiVariables.includes(key) || key.startsWith('HTTP_');
/** A CGI-style name (upper case, digits, underscores): a CGI variable, defined by RFC 3875 or added by the server. */
export const isCgiStyleKey = (key: string) => /^[A-Z][A-Z0-9_]*$/.test(key);
