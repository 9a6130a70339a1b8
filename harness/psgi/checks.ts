import { isRfc2616Status } from '../http/rfc2616Status.ts';
import { decodePath, hasEncodedSlash, splitTarget } from '../http/target.ts';
import { deviation, expectThat, pass, type Check, type Observation, type Outcome, type PerlValue } from './observation.ts';

const pointer = (key: string) => `/report/env/${key}`;
const field = (request: Observation['request'], name: string) => request.headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
const str = (value: PerlValue | undefined) => (value?.kind === 'scalar' ? value.value : undefined);
const shown = (value: PerlValue | undefined) => (value === undefined ? '(absent)' : value.kind === 'scalar' ? JSON.stringify(value.value) : value.kind);

/** What the PSGI spec asks of the environment, for one generated request the probe reported. */
export const environment: Check = ({ request, report }) => {
  if (!report) return [];
  const env = report.env;
  const out: Outcome[] = [];
  out.push(expectThat('psgi.env.request-method', pointer('REQUEST_METHOD'), str(env.REQUEST_METHOD) === request.method, 'REQUEST_METHOD is not the method as sent', request.method, shown(env.REQUEST_METHOD)));

  const { path, query } = splitTarget(request.target);
  const script = str(env.SCRIPT_NAME) ?? '';
  const info = str(env.PATH_INFO) ?? '';
  const shapeOk = (script === '' || script.startsWith('/')) && (info === '' || info.startsWith('/'));
  const joinedOk = decodePath(script + info) === decodePath(path) || (path === '/' && script === '' && info === '');
  out.push(expectThat('psgi.env.path', pointer('PATH_INFO'), shapeOk && joinedOk, shapeOk ? 'SCRIPT_NAME + PATH_INFO is not the path of the request' : 'SCRIPT_NAME or PATH_INFO does not start with "/"', { path }, { SCRIPT_NAME: shown(env.SCRIPT_NAME), PATH_INFO: shown(env.PATH_INFO) }));
  if (/%[0-9a-fA-F]{2}/.test(path) && !hasEncodedSlash(path) && joinedOk) {
    out.push(expectThat('psgi.env.path-decoded', pointer('PATH_INFO'), script + info === decodePath(path), 'PATH_INFO is not URI-decoded', decodePath(path), shown(env.PATH_INFO)));
  }
  out.push(expectThat('psgi.env.query-string', pointer('QUERY_STRING'), str(env.QUERY_STRING) === (query ?? ''), 'QUERY_STRING is not the query as sent ("" without one)', query ?? '', shown(env.QUERY_STRING)));
  const name = str(env.SERVER_NAME);
  const port = str(env.SERVER_PORT);
  out.push(expectThat('psgi.env.server-name-port', '/report/env', !!name && !!port, 'SERVER_NAME or SERVER_PORT is missing or empty', 'both non-empty', { SERVER_NAME: shown(env.SERVER_NAME), SERVER_PORT: shown(env.SERVER_PORT) }));
  out.push(expectThat('psgi.env.server-protocol', pointer('SERVER_PROTOCOL'), str(env.SERVER_PROTOCOL) === request.version, 'SERVER_PROTOCOL is not the version the client used', request.version, shown(env.SERVER_PROTOCOL)));

  // an undef value counts as an absent key, as Perl code reads it (Starman leaves CONTENT_LENGTH undef for an empty
  // chunked body): only references are judged
  const notStrings = Object.entries(env).filter(([key, value]) => !key.includes('.') && value.kind !== 'scalar' && value.kind !== 'undef').map(([key, value]) => `${key}: ${value.kind}`);
  out.push(notStrings.length === 0 ? pass('psgi.env.cgi-strings', '/report/env') : deviation('psgi.env.cgi-strings', '/report/env', 'a CGI key holds something else than a plain scalar string', 'plain scalars', notStrings));
  if (field(request, 'content-type').length > 0 || field(request, 'content-length').length > 0) {
    const duplicated = ['HTTP_CONTENT_TYPE', 'HTTP_CONTENT_LENGTH'].filter((key) => env[key] !== undefined);
    out.push(expectThat('psgi.env.http-content-keys', '/report/env', duplicated.length === 0, 'the environment has an HTTP_ key for Content-Type or Content-Length', 'CONTENT_TYPE / CONTENT_LENGTH only', duplicated));
  }
  if (env.CONTENT_LENGTH !== undefined && env.CONTENT_LENGTH.kind !== 'undef') {
    const length = str(env.CONTENT_LENGTH);
    const sent = field(request, 'content-length')[0];
    out.push(expectThat('psgi.env.content-length', pointer('CONTENT_LENGTH'), length !== undefined && /^\d+$/.test(length) && (sent === undefined || sent === length), 'CONTENT_LENGTH is not the digits of the body\'s length', sent ?? 'digits', shown(env.CONTENT_LENGTH)));
  }
  const version = env['psgi.version'];
  const problems: string[] = [];
  if (version?.kind !== 'ARRAY' || !(version.items ?? []).every((item) => item.kind === 'scalar' && /^\d+$/.test(item.value ?? ''))) problems.push(`psgi.version is ${shown(version)}`);
  if (str(env['psgi.url_scheme']) !== 'http') problems.push(`psgi.url_scheme is ${shown(env['psgi.url_scheme'])}`);
  for (const key of ['psgi.multithread', 'psgi.multiprocess']) if (env[key] === undefined) problems.push(`${key} is missing`);
  out.push(problems.length === 0 ? pass('psgi.env.psgi-keys', '/report/env') : deviation('psgi.env.psgi-keys', '/report/env', 'a psgi.* key is missing or of the wrong kind', 'psgi.version array of integers, psgi.url_scheme "http", the flags present', problems));
  out.push(expectThat('psgi.input.read', '/report/input', report.input.read && report.input.body === request.body, report.input.read ? 'reading psgi.input did not give the body sent' : 'psgi.input does not respond to read', request.body, report.input));
  out.push(expectThat('psgi.errors.print', '/report/errors', report.errors.print, 'psgi.errors cannot print', true, false));
  return out;
};

/** A field sent twice reaches the application joined with ", ". */
export const combined: Check = ({ report }) => {
  if (!report) return [];
  return [expectThat('psgi.env.http-combined', pointer('HTTP_X_GWI_TWICE'), str(report.env.HTTP_X_GWI_TWICE) === 'one, two', 'the two lines of X-Gwi-Twice did not become one variable joined with ", "', 'one, two', shown(report.env.HTTP_X_GWI_TWICE))];
};

/** The status went out as returned; a code RFC 2616 does not define (the spec's SHOULD) may be replaced: a profile. */
const status = (planned: number, sent: number): Outcome =>
  planned !== sent && !isRfc2616Status(planned)
    ? pass('psgi.response.status', '/response/status', { profile: `status outside RFC 2616 sent as ${sent}` })
    : expectThat('psgi.response.status', '/response/status', planned === sent, 'the status code is not the one the application returned', planned, sent);

/** A planned response: its status, its repeated header, its body (array or handle). */
export const response: Check = ({ plan, response: got }) => {
  if (!plan) return [];
  const out: Outcome[] = [status(plan.status ?? 200, got.status)];
  const twice = got.headers.filter(([name]) => name.toLowerCase() === 'x-gwi-twice').map(([, value]) => value);
  out.push(expectThat('psgi.response.repeated-headers', '/response/headers', JSON.stringify(twice) === JSON.stringify(['one', 'two']), 'a repeated header key did not go out as separate lines', ['one', 'two'], twice));
  const rule = plan.bodyAs === 'handle' ? 'psgi.response.body-handle' : 'psgi.response.body-array';
  const expected = (plan.body ?? []).join('');
  out.push(expectThat(rule, '/response/body', got.body === expected, 'the body is not what the application returned', expected, got.body));
  return out;
};


/** A callback response (delayed, or streamed through the writer): the planned status and body, where the server offers it. */
export const callbackResponse: Check = ({ plan, response: got }) => {
  if (!plan) return [];
  const refused = got.headers.some(([name]) => name.toLowerCase() === 'x-gwi-no-streaming');
  if (refused) {
    return [
      deviation('psgi.response.streaming-offered', '/response/headers', 'the server does not set psgi.streaming: applications cannot stream or delay their response', 'psgi.streaming true', 'false or absent'),
      { ruleId: 'psgi.response.delayed', ok: true, pointer: '/response/headers', inconclusive: 'the server does not offer psgi.streaming' },
    ];
  }
  const expected = (plan.body ?? []).join('');
  const status = plan.status ?? 200;
  return [
    pass('psgi.response.streaming-offered', '/response/headers'),
    expectThat('psgi.response.delayed', '/response', got.status === status && got.body === expected, `the ${plan.bodyAs} response is not what the application gave the responder${plan.bodyAs === 'streaming' ? ' and the writer' : ''}`, { status, body: expected }, { status: got.status, body: got.body }),
  ];
};
