import { decodePath, splitTarget } from '../http/target.ts';
import { hijackKeys } from './hijack.ts';
import { deviation, expectThat, inconclusive, pass, type Check, type Observation, type Outcome, type RubyValue } from './observation.ts';

const pointer = (key: string) => `/report/env/${key}`;
const field = (request: Observation['request'], name: string) => request.headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
const str = (value: RubyValue | undefined) => (value?.class === 'String' && typeof value.value === 'string' ? value.value : undefined);
const shown = (value: RubyValue | undefined) => (value === undefined ? '(absent)' : `${value.class}${value.value !== undefined ? ` ${JSON.stringify(value.value)}` : ''}`);

/** What the Rack SPEC asks of the environment, for one generated request the probe reported. */
export const environment: Check = ({ request, report, port }) => {
  if (!report) return [];
  const env = report.env;
  const out: Outcome[] = [];
  out.push(expectThat('rack.env.request-method', pointer('REQUEST_METHOD'), str(env.REQUEST_METHOD) === request.method, 'REQUEST_METHOD is not the method as sent', request.method, shown(env.REQUEST_METHOD)));

  const { path, query } = splitTarget(request.target);
  const script = str(env.SCRIPT_NAME) ?? '';
  const info = str(env.PATH_INFO) ?? '';
  const shapeOk = (script === '' || (script.startsWith('/') && script !== '/')) && (info === '' || info.startsWith('/'));
  // PATH_INFO "may be percent-encoded": compare the decoded octets on both sides
  // (an empty PATH_INFO for "/" is the root without its slash: rack.env.path-info-root's matter)
  const joinedOk = decodePath(script + info) === decodePath(path) || (path === '/' && script === '' && info === '');
  out.push(expectThat('rack.env.path', pointer('PATH_INFO'), shapeOk && joinedOk, shapeOk ? 'SCRIPT_NAME + PATH_INFO is not the path of the request' : 'SCRIPT_NAME or PATH_INFO does not start with "/" (or SCRIPT_NAME is "/")', { path }, { SCRIPT_NAME: shown(env.SCRIPT_NAME), PATH_INFO: shown(env.PATH_INFO) }));
  if (path === '/') {
    out.push(script === '' ? expectThat('rack.env.path-info-root', pointer('PATH_INFO'), info === '/', 'PATH_INFO is not "/" for a request for "/" with an empty SCRIPT_NAME', '/', shown(env.PATH_INFO)) : inconclusive('rack.env.path-info-root', pointer('SCRIPT_NAME'), 'SCRIPT_NAME is not empty'));
  }
  out.push(expectThat('rack.env.query-string', pointer('QUERY_STRING'), str(env.QUERY_STRING) === (query ?? ''), 'QUERY_STRING is not the query as sent ("" without one)', query ?? '', shown(env.QUERY_STRING)));
  const name = str(env.SERVER_NAME);
  out.push(expectThat('rack.env.server-name', pointer('SERVER_NAME'), name !== undefined && name !== '', 'SERVER_NAME is not a non-empty String', 'a host name', shown(env.SERVER_NAME)));
  const serverPort = env.SERVER_PORT;
  const portValue = serverPort === undefined ? undefined : serverPort.class === 'Integer' ? serverPort.value : str(serverPort);
  out.push(expectThat('rack.env.server-port', pointer('SERVER_PORT'), serverPort === undefined || String(portValue) === String(port), 'SERVER_PORT is not the port the request came in on', port, shown(serverPort)));

  const notStrings = Object.entries(env).filter(([key, value]) => !key.includes('.') && value.class !== 'String').map(([key, value]) => `${key}: ${value.class}`);
  out.push(notStrings.length === 0 ? pass('rack.env.cgi-strings', '/report/env') : deviation('rack.env.cgi-strings', '/report/env', 'a CGI key of the environment has a value that is not a String', 'String values', notStrings));

  if (field(request, 'content-type').length > 0 || field(request, 'content-length').length > 0) {
    const duplicated = ['HTTP_CONTENT_TYPE', 'HTTP_CONTENT_LENGTH'].filter((key) => env[key] !== undefined);
    out.push(expectThat('rack.env.http-content-keys', '/report/env', duplicated.length === 0, 'the environment has an HTTP_ key for Content-Type or Content-Length', 'CONTENT_TYPE / CONTENT_LENGTH only', duplicated));
  }
  const length = str(env.CONTENT_LENGTH);
  const sentLength = field(request, 'content-length')[0];
  if (env.CONTENT_LENGTH !== undefined) {
    const ok = length !== undefined && /^\d+$/.test(length) && (sentLength === undefined || length === sentLength);
    out.push(expectThat('rack.env.content-length', pointer('CONTENT_LENGTH'), ok, 'CONTENT_LENGTH is not the digits of the body\'s length', sentLength ?? 'digits', shown(env.CONTENT_LENGTH)));
  }

  const version = env['rack.version'];
  const problems: string[] = [];
  if (version?.class !== 'Array' || !(version.items ?? []).every((item) => item.class === 'Integer')) problems.push(`rack.version is ${shown(version)}`);
  if (str(env['rack.url_scheme']) !== 'http') problems.push(`rack.url_scheme is ${shown(env['rack.url_scheme'])}`);
  for (const key of ['rack.multithread', 'rack.multiprocess', 'rack.run_once']) {
    if (env[key]?.class !== 'TrueClass' && env[key]?.class !== 'FalseClass') problems.push(`${key} is ${shown(env[key])}`);
  }
  out.push(hijackKeys(env));
  out.push(problems.length === 0 ? pass('rack.env.rack-keys', '/report/env') : deviation('rack.env.rack-keys', '/report/env', 'a rack.* key of the environment is missing or of the wrong kind', 'rack.version Array of Integers, rack.url_scheme "http", flags true/false', problems));

  const input = report.input;
  const missing = ['gets', 'each', 'read', 'rewind'].filter((m) => !input.responds.includes(m as never));
  // the encoding of an empty read says nothing about the stream's mode: it is judged for bodies only
  const binary = request.body === '' || input.readEncoding === 'ASCII-8BIT';
  const inputOk = missing.length === 0 && input.read === request.body && input.afterRewind === request.body && binary;
  out.push(expectThat('rack.input.stream', '/report/input', inputOk, missing.length ? `rack.input does not respond to ${missing.join(', ')}` : 'rack.input did not give the body (in binary), or not again after rewind', { body: request.body, encoding: 'ASCII-8BIT' }, input));
  const errorsMissing = ['puts', 'write', 'flush'].filter((m) => !report.errors.responds.includes(m as never));
  out.push(expectThat('rack.errors.stream', '/report/errors', errorsMissing.length === 0, `rack.errors does not respond to ${errorsMissing.join(', ')}`, ['puts', 'write', 'flush'], report.errors.responds));
  return out;
};

/** A planned response: its status, its multi-line header, no rack.* header, its body. */
export const response: Check = ({ plan, response: got }) => {
  if (!plan) return [];
  const out: Outcome[] = [expectThat('rack.response.status', '/response/status', got.status === (plan.status ?? 200), 'the status code is not the one the application returned', plan.status ?? 200, got.status)];
  const lines = (plan.headers ?? []).find(([name]) => name === 'X-Gwi-Lines');
  if (lines) {
    const sent = got.headers.filter(([name]) => name.toLowerCase() === 'x-gwi-lines').map(([, value]) => value);
    const values = lines[1].split('\n');
    // one field line per value, or one line joining them with commas: the same field to a recipient (RFC 9110 section 5.3)
    const joined = sent.length === 1 && sent[0].split(/\s*,\s*/).join('\n') === values.join('\n');
    out.push(expectThat('rack.response.header-lines', '/response/headers', JSON.stringify(sent) === JSON.stringify(values) || joined, 'a header value of several lines did not go out with every one of its values', values, sent));
  }
  if ((plan.headers ?? []).some(([name]) => name.startsWith('rack.'))) {
    const leaked = got.headers.filter(([name]) => name.toLowerCase().startsWith('rack.')).map(([name]) => name);
    out.push(expectThat('rack.response.rack-headers', '/response/headers', leaked.length === 0, 'a rack.* header reached the client', 'none', leaked));
  }
  if (plan.body) out.push(expectThat('rack.response.body', '/response/body', got.body === plan.body.join(''), 'the body is not the Strings the application yielded', plan.body.join(''), got.body));
  return out;
};
