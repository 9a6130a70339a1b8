import { cgiVariables, isCgiStyleKey, pepVariables, wsgiVariables } from '../oracle.ts';
import { environValue, expectThat, pass, pointerTo, show, deviation, type Check, type Outcome } from '../observation.ts';

/** Checks that hold for every environ, whatever was sent. */
export const environShape: Check = ({ report }) => {
  if (!report) return [];
  const out: Outcome[] = [];
  out.push(expectThat('wsgi.environ.builtin-dict', '/report/environType', report.environType === 'dict', 'environ is not the built-in dict', 'dict', report.environType));
  if (report.call) {
    const positional = report.call.positional === 2 && report.call.keywords.length === 0;
    out.push(expectThat('wsgi.app-call.positional', '/report/call', positional, 'the application was not called with two positional arguments', { positional: 2, keywords: [] }, report.call));
  }
  if (report.applicationLookups) {
    out.push(expectThat('wsgi.app-call.not-introspected', '/report/applicationLookups', report.applicationLookups.length === 0, 'the server looked up attributes of the application object instead of only calling it', [], report.applicationLookups));
  }
  out.push(expectThat('wsgi.strings.keys-native', '/report/nonStrKeys', report.nonStrKeys.length === 0, 'environ has keys that are not str', [], report.nonStrKeys));

  const missing = wsgiVariables.filter((key) => environValue(report, key) === undefined);
  out.push(expectThat('wsgi.environ.wsgi-vars', '/report/environ', missing.length === 0, `missing ${missing.join(', ')}`, wsgiVariables, missing.length ? `missing: ${missing.join(', ')}` : 'all present'));

  const version = environValue(report, 'wsgi.version');
  const items = Array.isArray(version?.value) ? version.value : [];
  const isOneZero = version?.type === 'tuple' && items.length === 2 && items.every((item, i) => item.type === 'int' && item.value === [1, 0][i]);
  out.push(expectThat('wsgi.environ.wsgi-version', pointerTo('wsgi.version'), isOneZero, 'wsgi.version is not the tuple (1, 0)', 'tuple (1, 0)', show(version)));

  const scheme = environValue(report, 'wsgi.url_scheme');
  out.push(expectThat('wsgi.environ.url-scheme', pointerTo('wsgi.url_scheme'), scheme?.type === 'str' && scheme.value === 'http', 'wsgi.url_scheme is not "http" for a plain-HTTP request', 'str "http"', show(scheme)));

  const flag = (key: string) => String(environValue(report, key)?.truthy ?? 'absent');
  out.push(pass('wsgi.environ.concurrency-flags', pointerTo('wsgi.multithread'), {
    profile: `multithread=${flag('wsgi.multithread')} multiprocess=${flag('wsgi.multiprocess')} run_once=${flag('wsgi.run_once')}`,
  }));

  // PEP 3333 holds *any* CGI variable to str: the upper-case names beyond RFC 3875 (REMOTE_PORT, SSL_*) too
  for (const [key, value] of Object.entries(report.environ)) {
    if (!isCgiStyleKey(key)) continue;
    if (value.type !== 'str') {
      out.push(deviation('wsgi.environ.cgi-values-str', pointerTo(key), `${key} is not a str`, 'str', show(value)));
    } else if (typeof value.value === 'string' && /[^\x00-\xff]/.test(value.value)) {
      out.push(deviation('wsgi.strings.latin1', pointerTo(key), `${key} holds code points above U+00FF`, 'only U+0000-U+00FF', value.value));
    }
  }
  if (!out.some((o) => o.ruleId === 'wsgi.environ.cgi-values-str')) out.push(pass('wsgi.environ.cgi-values-str', '/report/environ'));
  if (!out.some((o) => o.ruleId === 'wsgi.strings.latin1')) out.push(pass('wsgi.strings.latin1', '/report/environ'));

  const authority = ['REMOTE_USER', 'AUTH_TYPE'].filter((key) => environValue(report, key) !== undefined);
  out.push(expectThat('wsgi.environ.missing-vars-omitted', pointerTo(authority[0] ?? 'REMOTE_USER'), authority.length === 0, `${authority.join(' and ')} present without authentication`, 'absent', authority.map((k) => `${k}=${show(environValue(report, k))}`).join(', ')));

  const others = cgiVariables.filter((key) => !pepVariables.has(key) && environValue(report, key) !== undefined);
  out.push(pass('wsgi.environ.other-cgi-vars', '/report/environ', { profile: others.join(' ') || '(none)' }));

  const badNames = Object.keys(report.environ).filter((key) => /[a-z.]/.test(key) && !key.startsWith('wsgi.') && !/^[a-z0-9_]+\.[a-z0-9_.]+$/.test(key));
  out.push(expectThat('wsgi.environ.extension-names', '/report/environ', badNames.length === 0, 'server-defined keys that are not lower-case and prefixed', 'prefix.name in [a-z0-9_.]', badNames));

  const inputMissing = Object.entries(report.input.methods).filter(([, has]) => !has).map(([name]) => name);
  out.push(expectThat('wsgi.input.methods', '/report/input/methods', inputMissing.length === 0, `wsgi.input lacks ${inputMissing.join(', ')}`, 'read, readline, readlines, __iter__', inputMissing.length ? `missing: ${inputMissing.join(', ')}` : 'all present'));
  const errorsMissing = Object.entries(report.errors.methods).filter(([, has]) => !has).map(([name]) => name);
  out.push(expectThat('wsgi.errors.methods', '/report/errors/methods', errorsMissing.length === 0, `wsgi.errors lacks ${errorsMissing.join(', ')}`, 'write, writelines, flush', errorsMissing.length ? `missing: ${errorsMissing.join(', ')}` : 'all present'));
  return out;
};
