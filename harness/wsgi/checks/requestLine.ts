import { decodePath, hasEncodedSlash, splitTarget } from '../oracle.ts';
import { environString, environValue, expectThat, pass, pointerTo, show, deviation, type Check, type Outcome } from '../observation.ts';

/** RFC 3986 section 3.2.2: host = IP-literal / IPv4address / reg-name (a non-empty reg-name: a URL's host is never empty). */
const uriHost = /^(?:\[[0-9A-Fa-f:.]+\]|(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+)$/;

const mergeLeading = (value: string) => value.replace(/^\/{2,}/, '/');
const mergeAll = (value: string) => value.replace(/\/{2,}/g, '/');

/**
 * SCRIPT_NAME + PATH_INFO against the decoded path. Two choices the spec leaves open are recorded as profiles:
 * %2F decoded or kept, and runs of slashes kept or merged.
 */
function pathOutcomes(path: string, seen: string): Outcome[] {
  const pointer = pointerTo('PATH_INFO');
  const readings = [{ value: decodePath(path), slash: 'decoded to /' }];
  if (hasEncodedSlash(path) && decodePath(path, true) !== decodePath(path)) {
    readings.push({ value: decodePath(path, true), slash: 'kept as %2F' });
    // hex digits are case-insensitive (RFC 3986 section 2.1): %2f kept as %2F is still kept
    readings.push({ value: decodePath(path, true).replace(/%2f/g, '%2F'), slash: 'kept as %2F' });
  }
  for (const { value, slash } of readings) {
    const runs = /\/\//.test(value);
    const merged = seen === value ? 'kept' : runs && seen === mergeLeading(value) ? 'leading run merged' : runs && seen === mergeAll(value) ? 'every run merged' : undefined;
    if (!merged) continue;
    const out = [pass('wsgi.environ.path.decoded', pointer)];
    if (hasEncodedSlash(path)) out.push(pass('wsgi.environ.path.encoded-slash', pointer, { profile: slash }));
    if (runs) out.push(pass('wsgi.environ.path.merged-slashes', pointer, { profile: `${merged} (sent as ${/\/\//.test(path) ? '//' : '%2F'})` }));
    return out;
  }
  return [deviation('wsgi.environ.path.decoded', pointer, 'SCRIPT_NAME + PATH_INFO is not the percent-decoded path', decodePath(path), seen)];
}

/** Checks of the variables that come from the request line and the connection. */
export const requestLine: Check = ({ request, report, port, scriptName }) => {
  if (!report) return [];
  const out: Outcome[] = [];
  const method = environValue(report, 'REQUEST_METHOD');
  out.push(expectThat('wsgi.environ.request-method', pointerTo('REQUEST_METHOD'), method?.type === 'str' && method.value === request.method, 'REQUEST_METHOD is not the method sent', request.method, show(method)));

  const { path, query } = splitTarget(request.target);
  const scriptNameSeen = environString(report, 'SCRIPT_NAME') ?? '';
  const pathInfo = environString(report, 'PATH_INFO') ?? '';
  // A PATH_INFO without its leading '/' is the form rule's finding; the decoding is judged as if it were there.
  const seen = scriptNameSeen + (pathInfo === '' || pathInfo.startsWith('/') ? pathInfo : '/' + pathInfo);
  out.push(...pathOutcomes(path, seen));
  const form = (value: string) => value === '' || value.startsWith('/');
  out.push(expectThat('wsgi.environ.path.form', pointerTo('PATH_INFO'), form(scriptNameSeen) && form(pathInfo), 'SCRIPT_NAME or PATH_INFO is neither empty nor starts with /', 'empty or /…', { SCRIPT_NAME: scriptNameSeen, PATH_INFO: pathInfo }));
  out.push(expectThat('wsgi.environ.script-name.mount', pointerTo('SCRIPT_NAME'), scriptNameSeen === scriptName, 'SCRIPT_NAME is not the mount point', scriptName, scriptNameSeen));

  const queryString = environValue(report, 'QUERY_STRING');
  const queryOk = queryString === undefined ? !query : queryString.type === 'str' && queryString.value === (query ?? '');
  out.push(expectThat('wsgi.environ.query-string', pointerTo('QUERY_STRING'), queryOk, 'QUERY_STRING is not the query as sent', query ?? '', show(queryString)));

  for (const [key, ruleId] of [['SERVER_NAME', 'wsgi.environ.server-name'], ['SERVER_PORT', 'wsgi.environ.server-port']] as const) {
    const value = environValue(report, key);
    out.push(expectThat(ruleId, pointerTo(key), value?.type === 'str' && value.value !== '', `${key} is absent or empty`, 'a non-empty str', show(value)));
  }
  const serverName = environString(report, 'SERVER_NAME');
  if (serverName !== undefined && serverName !== '' && !request.headers.some(([name]) => name.toLowerCase() === 'host')) {
    out.push(expectThat('wsgi.environ.server-name.host', pointerTo('SERVER_NAME'), uriHost.test(serverName), 'without a Host field, SERVER_NAME is not a host the URL can be rebuilt with', 'a host name or IP address', serverName));
  }
  const serverPort = environString(report, 'SERVER_PORT');
  if (serverPort) out.push(expectThat('cgi.server-port.value', pointerTo('SERVER_PORT'), serverPort === String(port), 'SERVER_PORT is not the port the request was received on', String(port), serverPort));

  const protocol = environValue(report, 'SERVER_PROTOCOL');
  out.push(expectThat('wsgi.environ.server-protocol', pointerTo('SERVER_PROTOCOL'), protocol?.type === 'str' && protocol.value === request.version, 'SERVER_PROTOCOL is not the version of the request line', request.version, show(protocol)));

  const remote = environValue(report, 'REMOTE_ADDR');
  if (remote !== undefined) out.push(expectThat('cgi.remote-addr.value', pointerTo('REMOTE_ADDR'), remote.value === '127.0.0.1', 'REMOTE_ADDR is not the client address', '127.0.0.1', show(remote)));
  return out;
};
