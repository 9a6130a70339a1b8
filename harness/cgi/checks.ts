import { decodePath, hasEncodedSlash, splitTarget } from '../http/target.ts';
import { deviation, expectThat, inconclusive, pass, type CgiResponsePlan, type Check, type Observation, type Outcome } from './observation.ts';

const field = (request: Observation['request'], name: string) => request.headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
const pointer = (name: string) => `/report/env/${name}`;
const unset = (value: string | undefined) => value === undefined || value === '';

/**
 * A URL-encoded string in RFC 3986's normal form (section 6.2.2): escapes in upper case, escapes of unreserved
 * characters decoded. A server that normalises the query (lighttpd upper-cases escapes) keeps its meaning.
 */
const normalized = (encoded: string) => encoded.replace(/%([0-9a-fA-F]{2})/g, (_escape, hex: string) => {
  const c = String.fromCharCode(parseInt(hex, 16));
  return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${hex.toUpperCase()}`;
});

/** What RFC 3875 section 4.1 asks of the meta-variables, for one generated request the probe reported. */
export const metaVariables: Check = (observation) => {
  const { request, report, scriptName, port } = observation;
  if (!report) return [];
  const env = report.env;
  const out: Outcome[] = [];

  const gateway = env.GATEWAY_INTERFACE;
  out.push(expectThat('cgi.gateway-interface', pointer('GATEWAY_INTERFACE'), gateway !== undefined && /^CGI\/(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(gateway), 'GATEWAY_INTERFACE is not "CGI/" major "." minor', 'CGI/1.1', gateway ?? '(unset)'));
  out.push(expectThat('cgi.request-method', pointer('REQUEST_METHOD'), env.REQUEST_METHOD === request.method, 'REQUEST_METHOD is not the method as sent', request.method, env.REQUEST_METHOD ?? '(unset)'));

  const { path, query } = splitTarget(request.target);
  const sameQuery = env.QUERY_STRING !== undefined && normalized(env.QUERY_STRING) === normalized(query ?? '');
  out.push(expectThat('cgi.query-string', pointer('QUERY_STRING'), sameQuery, 'QUERY_STRING is not the query as sent ("" without one)', query ?? '', env.QUERY_STRING ?? '(unset)'));

  if (hasEncodedSlash(path)) {
    out.push(inconclusive('cgi.path', pointer('PATH_INFO'), 'the path holds %2F, which a server may decode, keep or refuse (RFC 3875 section 4.1.5)'));
  } else if (/[^\x00-\x7f]/.test(decodePath(path))) {
    out.push(inconclusive('cgi.path', pointer('PATH_INFO'), 'the path holds octets outside US-ASCII, whose treatment RFC 3875 leaves to the system (section 4.1.5)'));
  } else {
    const below = path.slice(scriptName.length);
    const expected = { SCRIPT_NAME: scriptName, PATH_INFO: decodePath(below) };
    // a server may leave PATH_INFO unset when nothing follows the script's path
    const pathInfo = env.PATH_INFO ?? '';
    const ok = (env.SCRIPT_NAME ?? '') === scriptName && pathInfo === expected.PATH_INFO;
    out.push(expectThat('cgi.path', pointer('PATH_INFO'), ok, 'SCRIPT_NAME and PATH_INFO are not the script\'s path and the decoded rest of the request path', expected, { SCRIPT_NAME: env.SCRIPT_NAME ?? '(unset)', PATH_INFO: env.PATH_INFO ?? '(unset)' }));
  }

  const protocol = env.SERVER_PROTOCOL;
  out.push(expectThat('cgi.server-protocol', pointer('SERVER_PROTOCOL'), protocol !== undefined && /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)(\/\d+\.\d+)?$/.test(protocol), 'SERVER_PROTOCOL is not a protocol name and version', request.version, protocol ?? '(unset)'));
  out.push(expectThat('cgi.server-software', pointer('SERVER_SOFTWARE'), !unset(env.SERVER_SOFTWARE), 'SERVER_SOFTWARE is not set', 'a product name', env.SERVER_SOFTWARE ?? '(unset)'));

  const length = request.body.length;
  if (length > 0) {
    out.push(expectThat('cgi.content-length.value', pointer('CONTENT_LENGTH'), env.CONTENT_LENGTH === String(length), 'CONTENT_LENGTH is not the length of the body sent', String(length), env.CONTENT_LENGTH ?? '(unset)'));
    if (env.CONTENT_LENGTH === String(length)) {
      out.push(expectThat('cgi.request-body', '/report/body', report.body === request.body, 'the script did not read the body sent from its standard input', request.body, report.bodyError ? `${report.body} (${report.bodyError})` : report.body));
    }
  } else if (field(request, 'content-length').length === 0 && field(request, 'transfer-encoding').length === 0) {
    // no framing field at all: no body (an empty chunked body is a body, of length 0)
    out.push(expectThat('cgi.content-length.no-body', pointer('CONTENT_LENGTH'), unset(env.CONTENT_LENGTH), 'CONTENT_LENGTH is set for a request without a body', '(unset)', env.CONTENT_LENGTH));
  }
  if (length === 0 && field(request, 'content-type').length === 0) {
    out.push(expectThat('cgi.content-type.no-default', pointer('CONTENT_TYPE'), unset(env.CONTENT_TYPE), 'CONTENT_TYPE is set though the request has no Content-Type and no body', '(unset)', env.CONTENT_TYPE));
  }
  out.push(expectThat('cgi.server-port.value', pointer('SERVER_PORT'), env.SERVER_PORT === String(port), 'SERVER_PORT is not the port the request came in on', String(port), env.SERVER_PORT ?? '(unset)'));
  const remote = env.REMOTE_ADDR;
  out.push(expectThat('cgi.remote-addr.value', pointer('REMOTE_ADDR'), remote === undefined || remote === '127.0.0.1' || remote === '::ffff:127.0.0.1', 'REMOTE_ADDR is not the address the harness connected from', '127.0.0.1', remote));

  const badNames = Object.keys(env).filter((name) => name.startsWith('HTTP_') && /[^A-Z0-9_]/.test(name));
  out.push(badNames.length === 0 ? pass('cgi.http-vars.name', '/report/env') : deviation('cgi.http-vars.name', '/report/env', 'an HTTP_ variable keeps a "-" or lower-case letters of its field name', 'HTTP_ + upper case, "-" as "_"', badNames));
  const duplicated = [['content-type', 'HTTP_CONTENT_TYPE'], ['content-length', 'HTTP_CONTENT_LENGTH']].filter(([name, variable]) => field(request, name).length > 0 && env[variable] !== undefined).map(([, variable]) => variable);
  if (field(request, 'content-type').length > 0 || field(request, 'content-length').length > 0) {
    out.push(expectThat('cgi.http-vars.no-duplicates', '/report/env', duplicated.length === 0, 'Content-Type or Content-Length also has an HTTP_ variable', 'CONTENT_TYPE / CONTENT_LENGTH only', duplicated));
  }
  return out;
};

/** A field every document response the probe writes for a plan carries: without it, the server answered on its own. */
export const scriptMarker: [string, string] = ['X-Gwi-Script', 'answered'];

/** Why a planned document response cannot be judged: the server answered without the script (it refused the request). */
function notFromScript(rule: string, response: Observation['response']): Outcome | undefined {
  const marked = response.headers.some(([name, value]) => name.toLowerCase() === scriptMarker[0].toLowerCase() && value === scriptMarker[1]);
  return marked ? undefined : inconclusive(rule, '/response', `the server answered ${response.status} without running the script`);
}

/** The status line follows the script's Status field (200 without one), and no Status field reaches the client. */
export const responseStatus: Check = ({ plan, response }) => {
  if (!plan) return [];
  const refused = notFromScript('cgi.response.status', response);
  if (refused) return [refused];
  const code = plan.status ? Number(plan.status.slice(0, 3)) : 200;
  const passedOn = response.headers.some(([name]) => name.toLowerCase() === 'status');
  return [expectThat('cgi.response.status', '/response/status', response.status === code && !passedOn, passedOn ? 'the script\'s Status field went to the client as a header field' : 'the status code is not the one of the script\'s Status field', { status: code }, { status: response.status, statusField: passedOn })];
};

/** LF-ended CGI header lines became CRLF field lines, and the script's own fields arrived with their values. */
export function responseFields(plan: CgiResponsePlan, raw: string): Outcome[] {
  const end = raw.indexOf('\r\n\r\n');
  const cut = raw.indexOf('\n\n');
  const head = end >= 0 && (cut < 0 || end < cut) ? raw.slice(0, end + 2) : raw.slice(0, cut < 0 ? 400 : cut + 1);
  const bareLf = /(^|[^\r])\n/.test(head);
  const lines = head.split(/\r?\n/);
  const missing = (plan.headers ?? []).filter(([name, value]) => !['content-type', scriptMarker[0].toLowerCase()].includes(name.toLowerCase()) && !lines.some((line) => line.toLowerCase() === `${name.toLowerCase()}: ${value.toLowerCase()}`)).map(([name]) => name);
  return [expectThat('cgi.response.fields', '/response/head', !bareLf && missing.length === 0, bareLf ? 'the response head has lines ended by LF alone: the script\'s CGI header went out untranslated' : 'header fields the script wrote did not reach the client', plan.headers, { missing, head })];
}

/** The body the script wrote, unmodified. */
export const responseBody: Check = ({ plan, response }) => {
  if (!plan) return [];
  const refused = notFromScript('cgi.response.body', response);
  if (refused) return [refused];
  return [expectThat('cgi.response.body', '/response/body', response.body === (plan.body ?? ''), 'the body the client got is not the one the script wrote', plan.body ?? '', response.body)];
};

/** A Location with an absolute URI and nothing else: 302 with that Location. */
export const clientRedirect: Check = ({ plan, response }) => {
  if (!plan?.location) return [];
  const location = response.headers.filter(([name]) => name.toLowerCase() === 'location').map(([, v]) => v);
  return [expectThat('cgi.response.client-redirect', '/response', response.status === 302 && location.length === 1 && location[0] === plan.location, 'a client redirect did not become a 302 carrying the script\'s Location', { status: 302, location: plan.location }, { status: response.status, location })];
};

/** A Location with a local path: the client gets what a request for that path gets, the probe's report for it. */
export const localRedirect: Check = ({ plan, response, report }) => {
  if (plan?.localLocation === undefined) return [];
  const { path, query } = splitTarget(plan.localLocation);
  const expected = { status: 200, PATH_INFO: path, QUERY_STRING: query ?? '' };
  const actual = report ? { status: response.status, PATH_INFO: report.env.PATH_INFO, QUERY_STRING: report.env.QUERY_STRING } : { status: response.status, location: response.headers.filter(([n]) => n.toLowerCase() === 'location').map(([, v]) => v), body: response.body.slice(0, 200) };
  const ok = report !== undefined && report.env.PATH_INFO === expected.PATH_INFO && report.env.QUERY_STRING === expected.QUERY_STRING;
  return [expectThat('cgi.response.local-redirect', '/response', ok, 'a local redirect did not give the response for the path the script named', expected, actual)];
};
