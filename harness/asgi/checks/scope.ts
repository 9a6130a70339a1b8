import { decodePath, splitTarget } from '../../http/target.ts';
import { validators } from '../schemas.ts';
import { describeErrors } from '../../spec/schemas.ts';
import { deviation, expectThat, pass, scopePointer, scopeValue, type AsgiProbeReport, type Check, type Outcome } from '../observation.ts';
import { bytesOf, isDict, isInt, isNonStrKey, show, type PyProjection } from '../py.ts';

const version = /^\d+\.\d+$/;
const ipAddress = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)$/;

/** The spec_version the scope declares, if it is a str. */
export function specVersion(report: AsgiProbeReport): string | undefined {
  const asgi = scopeValue(report, 'asgi');
  const declared = isDict(asgi) ? asgi.spec_version : undefined;
  return typeof declared === 'string' ? declared : undefined;
}

const pairOf = (value: PyProjection | undefined): [PyProjection, PyProjection] | undefined => (Array.isArray(value) && value.length === 2 ? [value[0], value[1]] : undefined);

/** scope['client'] and scope['server']: absent, None, or [host str, port int] ([path, None] for a server on a unix socket). */
function addresses(report: AsgiProbeReport, port: number): Outcome[] {
  const out: Outcome[] = [];
  const client = scopeValue(report, 'client');
  if (client !== undefined && client !== null) {
    const pair = pairOf(client);
    const ok = pair !== undefined && typeof pair[0] === 'string' && isInt(pair[1]) && pair[1] >= 0 && pair[1] <= 65535;
    out.push(expectThat('asgi.scope.client', scopePointer('client'), ok, "scope['client'] is not [host str, port int]", '[str, int] or None', show(client)));
  } else {
    out.push(pass('asgi.scope.client', scopePointer('client')));
  }
  const server = scopeValue(report, 'server');
  if (server !== undefined && server !== null) {
    const pair = pairOf(server);
    const host = pair?.[0];
    const onSocket = typeof host === 'string' && !ipAddress.test(host);
    // on an address the port is the one the harness connected to; a server behind a proxy listens on a unix socket
    const ok = pair !== undefined && typeof host === 'string' && (onSocket ? pair[1] === null || isInt(pair[1]) : pair[1] === port);
    out.push(expectThat('asgi.scope.server', scopePointer('server'), ok, "scope['server'] is not the [host, port] the request was received on", `["127.0.0.1", ${port}] (or [path, None] on a unix socket)`, show(server)));
  } else {
    out.push(pass('asgi.scope.server', scopePointer('server')));
  }
  return out;
}

/** scope['extensions']: a dict of dicts; no debug extension; no tls over plain text. */
function extensions(report: AsgiProbeReport): Outcome[] {
  const value = scopeValue(report, 'extensions');
  const pointer = scopePointer('extensions');
  if (value === undefined || value === null) return [pass('asgi.scope.extensions', pointer), pass('asgi.ext.debug-absent', pointer), pass('asgi.ext.tls-only-over-tls', pointer)];
  const valid = isDict(value) && validators.extensions(value);
  const out = [expectThat('asgi.scope.extensions', pointer, valid, "scope['extensions'] is not a dict of extension names to dicts", 'a dict of dicts (spec/asgi/extensions.schema.json)', valid ? undefined : `${show(value)}: ${describeErrors(validators.extensions.errors).join('; ')}`)];
  if (isDict(value)) {
    out.push(expectThat('asgi.ext.debug-absent', pointer, !('http.response.debug' in value), 'the server offers the testing-only http.response.debug extension', 'no http.response.debug', Object.keys(value)));
    out.push(expectThat('asgi.ext.tls-only-over-tls', pointer, !('tls' in value), "scope['extensions'] has a tls entry on a plain-text connection", 'no tls', Object.keys(value)));
  }
  return out;
}

/** The key every probe request adds to its own scope['state'] (gwi_asgi_probe.py): no later request may see it. */
const requestKey = 'gwi-request';

/** scope['state']: a copy of what lifespan startup left, without what earlier requests added to theirs. */
function stateCopy(report: AsgiProbeReport): Outcome[] {
  if (!report.state.present) return [];
  const pointer = '/report/state';
  const state = report.state.value;
  if (!isDict(state)) return [deviation('asgi.lifespan.state-copied', pointer, "scope['state'] is not a dict", 'a dict', show(state))];
  if (requestKey in state) return [deviation('asgi.lifespan.state-copied', pointer, "scope['state'] holds a key an earlier request added to its own state: the dict is shared, not copied", `no ${requestKey}`, Object.keys(state))];
  if (report.lifespan.stateSet) return [expectThat('asgi.lifespan.state-copied', pointer, state.gwi === report.lifespan.token, "scope['state'] lacks what the application stored at lifespan startup", { gwi: report.lifespan.token }, show(state))];
  return [pass('asgi.lifespan.state-copied', pointer)];
}

/** The shape of an HTTP scope: a dict with str keys, type, asgi, scheme, root_path, addresses, extensions; and lifespan. */
export const scopeShape: Check = ({ report, port, rootPath }) => {
  if (!report) return [];
  const out: Outcome[] = [];
  const nonStrKeys = Object.entries(report.scope).filter(([, value]) => isNonStrKey(value)).map(([key]) => key);
  const type = scopeValue(report, 'type');
  out.push(
    nonStrKeys.length > 0
      ? deviation('asgi.scope.type', '/report/scope', 'the scope has keys that are not str', 'str keys only', nonStrKeys)
      : expectThat('asgi.scope.type', scopePointer('type'), type === 'http', "scope['type'] of an HTTP request is not the str 'http'", 'http', show(type)),
  );

  const asgi = scopeValue(report, 'asgi');
  const asgiOk = isDict(asgi) && asgi.version === '3.0' && (asgi.spec_version === undefined || (typeof asgi.spec_version === 'string' && version.test(asgi.spec_version)));
  // the spec_version a server declares is recorded beside the verdict: it says which revision of the HTTP spec it follows
  const declared = specVersion(report);
  out.push(asgiOk
    ? pass('asgi.scope.asgi-version', scopePointer('asgi'), { profile: declared ? `spec_version ${declared}` : 'no spec_version (2.0)' })
    : deviation('asgi.scope.asgi-version', scopePointer('asgi'), "scope['asgi'] is not a dict with version '3.0' (and a str spec_version)", { version: '3.0', spec_version: '2.x (optional)' }, show(asgi)));

  const scheme = scopeValue(report, 'scheme');
  out.push(expectThat('asgi.scope.scheme', scopePointer('scheme'), scheme === undefined || scheme === 'http', "scope['scheme'] over a plain-text connection is not 'http'", 'http (or absent)', show(scheme)));

  const root = scopeValue(report, 'root_path');
  out.push(expectThat('asgi.scope.root-path', scopePointer('root_path'), (root === undefined && rootPath === '') || root === rootPath, "scope['root_path'] is not the mount prefix the server was configured with", rootPath, show(root)));

  out.push(...addresses(report, port), ...extensions(report));
  out.push(...stateCopy(report));
  out.push(pass('asgi.lifespan.supported', '/report/lifespan', { profile: report.lifespan.startup ? 'lifespan run before requests' : report.lifespan.mode === null ? 'no lifespan scope' : 'lifespan scope without a completed startup' }));
  return out;
};

/** The UTF-8 reading of an octet string; undefined when it is not valid UTF-8. */
function utf8(octets: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(octets, 'latin1'));
  } catch {
    return undefined;
  }
}

/** What comes from the request line: http_version, method, path, raw_path, query_string. */
export const scopeRequestLine: Check = ({ request, report }) => {
  if (!report) return [];
  const out: Outcome[] = [];
  const httpVersion = scopeValue(report, 'http_version');
  out.push(expectThat('asgi.scope.http-version', scopePointer('http_version'), httpVersion === request.version.slice('HTTP/'.length), "scope['http_version'] is not the version of the request line", request.version.slice(5), show(httpVersion)));

  const method = scopeValue(report, 'method');
  // methods are sent upper-case: they must arrive unchanged
  out.push(expectThat('asgi.scope.method-upper', scopePointer('method'), method === request.method.toUpperCase(), "scope['method'] is not the method sent, upper-cased", request.method.toUpperCase(), show(method)));

  const { path, query } = splitTarget(request.target);
  const decoded = utf8(decodePath(path));
  const seenPath = scopeValue(report, 'path');
  // octets that are not UTF-8 have no defined reading: the spec says nothing about them
  if (decoded !== undefined) out.push(expectThat('asgi.scope.path-decoded', scopePointer('path'), seenPath === decoded, "scope['path'] is not the percent- and UTF-8-decoded path", decoded, show(seenPath)));

  const rawPath = scopeValue(report, 'raw_path');
  out.push(expectThat('asgi.scope.raw-path', scopePointer('raw_path'), rawPath === undefined || rawPath === null || bytesOf(rawPath) === path, "scope['raw_path'] is not the path octets as sent", `b${JSON.stringify(path)}`, show(rawPath)));

  const queryString = scopeValue(report, 'query_string');
  out.push(expectThat('asgi.scope.query-string', scopePointer('query_string'), bytesOf(queryString) === (query ?? ''), "scope['query_string'] is not the octets after '?' as sent", `b${JSON.stringify(query ?? '')}`, show(queryString)));
  return out;
};
