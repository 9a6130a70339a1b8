import type { PerlValue, PsgiDriverEvent, PsgiResponseEvent } from '../../generated/psgiDriverProtocol.ts';
import { deviation, expectThat, pass, type Outcome } from '../../run/outcome.ts';
import type { PsgiCall } from './psgiEnv.ts';

/** One call of the application: the environment sent and what the driver saw the application do. */
export interface PsgiAppObservation {
  call: PsgiCall;
  events: PsgiDriverEvent[];
}

export type PsgiAppCheck = (observation: PsgiAppObservation) => Outcome[];

type Indexed<E> = { event: E; at: string };
function eventsOf<K extends PsgiDriverEvent['e']>(events: PsgiDriverEvent[], kind: K): Array<Indexed<Extract<PsgiDriverEvent, { e: K }>>> {
  return events.flatMap((event, i) => (event.e === kind ? [{ event: event as Extract<PsgiDriverEvent, { e: K }>, at: `/events/${i}` }] : []));
}

/** Letters, digits, "_" and "-", a letter first, not "-" or "_" last (PSGI.pod, Headers). */
const keyForm = /^[A-Za-z](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/;
/** "characters below octal 037 i.e. chr(31)": code points 0 to 30, as the spec words it. */
const belowChr31 = /[\x00-\x1e]/;
const show = (value: PerlValue | undefined) => (value === undefined ? '(missing)' : value.text !== undefined ? `${value.type} ${JSON.stringify(value.text)}` : value.type);
const noContentStatus = (code: number) => (code >= 100 && code < 200) || code === 204 || code === 304;

/** The rules about one status, headers and body triple (returned or given to the responder). */
function responseParts({ event, at }: Indexed<PsgiResponseEvent>): Outcome[] {
  const out: Outcome[] = [];
  let code: number | undefined;
  if (event.status) {
    const text = event.status.type === 'scalar' ? event.status.text ?? '' : '';
    const integer = /^[0-9]+$/.test(text) && Number(text) >= 100;
    if (integer) code = Number(text);
    out.push(expectThat('psgi.app.status.integer', `${at}/status`, integer, 'the status is not an integer of at least 100', 'an integer >= 100', show(event.status)));
  }
  const { headers } = event;
  if (headers) {
    out.push(expectThat('psgi.app.headers.array', `${at}/headers`, headers.type === 'ARRAY' && (headers.length ?? 0) % 2 === 0,
      'the headers are not an array reference with an even number of elements', 'ARRAY of key/value pairs', `${headers.type}${headers.length !== undefined ? ` of ${headers.length} elements` : ''}`));
    const items = headers.items ?? [];
    const keys: string[] = [];
    for (let i = 0; i + 1 < items.length; i += 2) {
      const [key, value] = [items[i], items[i + 1]];
      const name = key.type === 'scalar' ? key.text ?? '' : undefined;
      if (name !== undefined) keys.push(name.toLowerCase());
      out.push(expectThat('psgi.app.headers.names', `${at}/headers/items/${i}`, name !== undefined && keyForm.test(name) && name.toLowerCase() !== 'status',
        'a header key is not letters, digits, "_" and "-" starting with a letter (or ends in "-"/"_", or is Status)', 'a key such as Content-Type', show(key)));
      out.push(expectThat('psgi.app.headers.values', `${at}/headers/items/${i + 1}`, value.type === 'scalar' && !belowChr31.test(value.text ?? ''),
        value.type === 'scalar' ? 'a header value holds a character below chr(31)' : 'a header value is not a defined plain scalar', 'a defined string without characters below chr(31)', show(value)));
    }
    if (code !== undefined && headers.type === 'ARRAY') {
      const hasType = keys.includes('content-type');
      out.push(noContentStatus(code)
        ? expectThat('psgi.app.headers.content-type', `${at}/headers`, !hasType, `a ${code} response carries a Content-Type`, 'no Content-Type', 'Content-Type')
        : expectThat('psgi.app.headers.content-type', `${at}/headers`, hasType, `a ${code} response has no Content-Type`, 'a Content-Type header', 'none'));
      if (noContentStatus(code)) out.push(expectThat('psgi.app.headers.content-length', `${at}/headers`, !keys.includes('content-length'), `a ${code} response carries a Content-Length`, 'no Content-Length', 'Content-Length'));
    }
  }
  if (event.body) {
    const { type, getline, close } = event.body;
    out.push(expectThat('psgi.app.body.type', `${at}/body`, type === 'ARRAY' || type === 'GLOB' || (getline && close),
      'the body is neither an array reference nor a handle with getline and close', 'ARRAY, a filehandle, or an object with getline and close', `${type}${getline ? ' (getline)' : ''}${close ? ' (close)' : ''}`));
  }
  return out;
}

/** Every application-side rule, judged from one call's events. */
export const psgiApplicationCall: PsgiAppCheck = ({ call, events }) => {
  const out: Outcome[] = [];
  for (const response of eventsOf(events, 'response')) {
    const { event, at } = response;
    if (event.via === 'return') {
      out.push(expectThat('psgi.app.response.shape', at, event.type === 'CODE' || (event.type === 'ARRAY' && event.length === 3),
        'the application returned neither a three-element array reference nor a code reference', 'ARRAY of 3, or CODE', `${event.type}${event.length !== undefined ? ` of ${event.length} elements` : ''}`));
    } else {
      out.push(expectThat('psgi.app.delayed.responder-argument', at, event.type === 'ARRAY' && (event.length === 2 || event.length === 3),
        'the responder was called with something other than a two- or three-element array reference', 'ARRAY of 3 (or 2 to stream)', `${event.type}${event.length !== undefined ? ` of ${event.length} elements` : ''}`));
    }
    if (event.type === 'ARRAY') out.push(...responseParts(response));
  }
  const first = eventsOf(events, 'response').find(({ event }) => event.via === 'return');
  if (call.streaming === false && first) {
    out.push(pass('psgi.app.delayed.streaming-check', first.at, { profile: first.event.type === 'CODE' ? 'delayed response anyway' : 'direct response' }));
  }
  const chunks = eventsOf(events, 'chunk');
  const bad = chunks.find(({ event }) => event.type !== 'scalar' || event.wide);
  if (bad) out.push(deviation('psgi.app.body.bytes', bad.at, `a piece of body (${bad.event.via}) is ${bad.event.wide ? 'a string with characters above 255' : `${bad.event.type}, not a byte string`}`, 'byte strings', bad.event.type));
  else if (chunks.length > 0) out.push(pass('psgi.app.body.bytes', '/events'));

  const died = eventsOf(events, 'died');
  out.push(pass('psgi.app.response.dies', died[0]?.at ?? '/events', { profile: died.length > 0 ? 'dies' : 'returns a response' }));

  const streams = eventsOf(events, 'stream');
  for (const [rule, stream, allowed] of [['psgi.app.input.read-method', 'input', 'read, seek'], ['psgi.app.errors.print-method', 'errors', 'print']] as const) {
    const other = streams.find(({ event }) => event.stream === stream && !event.interface);
    out.push(other
      ? deviation(rule, other.at, `the application called psgi.${stream}->${other.event.method}`, allowed, other.event.method)
      : pass(rule, '/events'));
  }
  return out;
};
