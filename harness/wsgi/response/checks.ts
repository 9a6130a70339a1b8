import { headerValues } from '../../http/response.ts';
import { escapeOctets } from '../../http/request.ts';
import { has } from './events.ts';
import { closeEvent, plannedBody } from './plans.ts';
import { deviation, expectThat, pass, type Check, type Outcome } from '../observation.ts';
import { hopByHop } from '../oracle.ts';

/** RFC 9110 section 5.6.7: IMF-fixdate. */
const imfFixdate = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

const wireValues = (headers: Array<[string, string]>, name: string) => headerValues({ headers }, name);

/** The application's values for one name against the wire's: the same lines, or one line joining them. */
export function sameField(app: string[], wire: string[]): boolean {
  if (JSON.stringify(app) === JSON.stringify(wire)) return true;
  return wire.length === 1 && (wire[0] === app.join(', ') || wire[0] === app.join(','));
}

/** A generated response plan against the response on the wire and the probe's event log. */
export const responseMatchesPlan: Check = ({ plan, response, events = [], framingError }) => {
  if (!plan) return [];
  if (framingError) {
    return [deviation('http.response.framing', '/response/raw', `the response cannot be read as HTTP/1.1: ${framingError}`, 'valid Content-Length or chunked framing', escapeOctets(response.raw.subarray(0, 400)))];
  }
  const lengths = [...new Set(wireValues(response.headers, 'content-length'))];
  const codings = wireValues(response.headers, 'transfer-encoding');
  // RFC 9112 section 6.2: no Content-Length beside Transfer-Encoding; section 6.3: several different lengths are an error
  const clash = codings.length > 0 && lengths.length > 0 ? 'Content-Length and Transfer-Encoding together' : lengths.length > 1 ? 'several different Content-Length values' : undefined;
  const out: Outcome[] = [clash
    ? deviation('http.response.framing', '/response/headers', `the response's framing fields contradict each other: ${clash}`, 'one of Content-Length or Transfer-Encoding, one length', { 'content-length': lengths, 'transfer-encoding': codings })
    : pass('http.response.framing', '/response/raw')];
  const code = Number((plan.status ?? '200 OK').slice(0, 3));
  out.push(expectThat('wsgi.response.status', '/response/status', response.status === code, 'the status code sent is not the application\'s', code, response.status));

  const started = events.find((e) => e.e === 'start_response' && e.n === 1);
  if (started) {
    out.push(expectThat('wsgi.response.start-response.returns-write', '/events/start_response', started.callable === true, 'start_response did not return a callable', 'a callable (write)', started.raised ?? 'not callable'));
  }

  const appHeaders = (plan.headers ?? []).filter(([name]) => !hopByHop.has(name.toLowerCase()) && name.toLowerCase() !== 'content-length');
  const names = [...new Set(appHeaders.map(([name]) => name.toLowerCase()))];
  const wrong = names.filter((name) => !sameField(wireValues(appHeaders, name), wireValues(response.headers, name)));
  out.push(expectThat('wsgi.response.headers', '/response/headers', wrong.length === 0, 'headers the application set are missing or changed on the wire',
    Object.fromEntries(wrong.map((n) => [n, wireValues(appHeaders, n)])), Object.fromEntries(wrong.map((n) => [n, wireValues(response.headers, n)]))));

  const expected = plannedBody(plan);
  const writes = (plan.writes ?? []).join('');
  const iterable = (plan.body ?? []).join('');
  if (response.body !== expected && writes !== '' && iterable !== '' && response.body === iterable + writes) {
    // everything arrived, in the wrong order: the write() rule's finding, not a wrong body
    out.push(deviation('wsgi.response.write.order', '/response/body', 'write() data was sent after the iterable\'s', expected, response.body));
  } else {
    out.push(expectThat('wsgi.response.body', '/response/body', response.body === expected, 'the body sent is not what the application produced', expected, response.body));
    if (writes !== '' && iterable !== '') out.push(pass('wsgi.response.write.order', '/response/body'));
  }

  if (closeEvent(plan) === 'close') {
    out.push(expectThat('wsgi.response.close', '/events', has(events, 'close'), 'close() of the returned iterable was not called within 2 s of the response', 'close() called', 'not called'));
  }
  if (code < 500 && wireValues(plan.headers ?? [], 'date').length === 0) {
    const date = wireValues(response.headers, 'date');
    out.push(expectThat('wsgi.response.date', '/response/headers', date.length === 1 && imfFixdate.test(date[0]), 'no valid Date header on a response the application gave none', 'Date: <IMF-fixdate>', date.length ? date : 'absent'));
  }
  const server = wireValues(response.headers, 'server');
  out.push(pass('wsgi.response.server-header', '/response/headers', { profile: server.length > 0 ? 'adds Server' : 'no Server header' }));
  return out;
};

/** A generator that calls start_response only in its first iteration: its status and headers must go out (the body is judged as any body). */
export const startInIteration: Check = ({ plan, response, events = [], framingError }) => {
  if (!plan) return [];
  const code = Number((plan.status ?? '200 OK').slice(0, 3));
  const missing = (plan.headers ?? []).filter(([name, value]) => !wireValues(response.headers, name.toLowerCase()).includes(value)).map(([name]) => name);
  const body = plannedBody(plan);
  const called = events.some((e) => e.e === 'start_response');
  const started = response.status === code && missing.length === 0;
  const verdict = expectThat('wsgi.response.start-in-iteration', '/response', started, `start_response ${called ? 'was called in the first iteration and' : 'was never reached:'} the status or headers sent are not the application's`, { status: code, headers: plan.headers }, { status: response.status, missingHeaders: missing });
  // a response that is not the application's, or whose framing is broken (http.response.framing's finding), says
  // nothing about how its body was relayed
  if (!started || framingError) return [verdict];
  return [verdict, expectThat('wsgi.response.body', '/response/body', response.body === body, 'the body sent is not what the application produced', body, response.body)];
};

/** The attributes the server looked up on a watched iterable beyond iteration, close() and __len__(). */
export const iterableAttributes: Check = ({ plan, events = [] }) => {
  if (!plan) return [];
  const names = [...new Set(events.filter((e) => e.e === 'attribute').map((e) => e.attr))];
  return [expectThat('wsgi.response.iterable-attributes', '/events', names.length === 0, 'the server looked up attributes of the returned iterable beyond iteration, close() and __len__()', 'none', names)];
};
