import type { RackDriverEvent, RackHeadersEvent, RackStreamEvent, RubyValue } from '../../generated/rackDriverProtocol.ts';
import { deviation, pass, type Outcome } from '../../run/outcome.ts';
import type { RackCall } from './calls.ts';

/** One call of the application: the env sent and what the driver saw the application do. */
export interface RackAppObservation {
  call: RackCall;
  events: RackDriverEvent[];
}

type Indexed<E> = { event: E; at: string };
function eventsOf<K extends RackDriverEvent['e']>(events: RackDriverEvent[], ...kinds: K[]): Array<Indexed<Extract<RackDriverEvent, { e: K }>>> {
  return events.flatMap((event, i) => ((kinds as string[]).includes(event.e) ? [{ event: event as Extract<RackDriverEvent, { e: K }>, at: `/events/${i}` }] : []));
}

/** RFC 7230 token, as the 2.2 SPEC asks of header keys. */
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const belowOctal37 = /[\x00-\x1f]/;
const show = (value: RubyValue | undefined) => (value === undefined ? '(missing)' : value.text !== undefined ? `${value.type} ${JSON.stringify(value.text)}` : value.type);
/** Rack::Utils::STATUS_WITH_NO_ENTITY_BODY in 2.2: 1xx, 204 and 304. */
const withoutEntity = (status: number) => (status >= 100 && status < 200) || status === 204 || status === 304;
const inputMethods = new Set(['gets', 'read', 'each', 'rewind', 'close']);
const errorsMethods = new Set(['puts', 'write', 'flush', 'close']);

/** What the application returned: the triplet, the status, whether it raised. */
function returned(events: RackDriverEvent[]): Outcome[] {
  const out: Outcome[] = [];
  const raised = eventsOf(events, 'raised')[0];
  out.push(pass('rack.app.raises', raised?.at ?? '/events', { profile: raised ? `raises ${raised.event.exception.type}` : 'does not raise' }));
  for (const { event, at } of eventsOf(events, 'returned')) {
    out.push(event.type === 'Array' && event.length === 3
      ? pass('rack.app.response.triplet', at)
      : deviation('rack.app.response.triplet', at, 'call(env) did not return an Array of three values', 'Array of 3', `${event.type}${event.length === null ? '' : ` of ${event.length}`}`));
  }
  for (const { event, at } of eventsOf(events, 'status')) {
    out.push(event.toI !== null && event.toI >= 100
      ? pass('rack.app.status.at-least-100', `${at}/value`)
      : deviation('rack.app.status.at-least-100', `${at}/value`, 'the status is not at least 100 as an integer', '>= 100', `${show(event.value)} (to_i ${event.toI ?? 'undefined'})`));
    out.push(pass('rack.app.status.class', `${at}/value`, { profile: event.value.type === 'Integer' ? 'Integer' : event.value.type }));
  }
  return out;
}

/** The rules about the headers object and every pair its each yielded. */
function headers({ event, at }: Indexed<RackHeadersEvent>, status: number | undefined): Outcome[] {
  const out: Outcome[] = [];
  out.push(event.respondsToEach
    ? pass('rack.app.headers.each', at)
    : deviation('rack.app.headers.each', at, 'the headers do not respond to each', 'responds to each', event.type));
  event.items.forEach(({ key, value }, i) => {
    const here = `${at}/items/${i}`;
    if (key.type !== 'String' || key.text === undefined) {
      out.push(deviation('rack.app.headers.key-string', `${here}/key`, 'a header key is not a String', 'String', show(key)));
      return;
    }
    out.push(pass('rack.app.headers.key-string', `${here}/key`));
    const name = key.text;
    // keys starting "rack." talk to the server, and the SPEC's other rules skip them
    if (/^rack\../.test(name)) return;
    const lower = name.toLowerCase();
    out.push(lower === 'status'
      ? deviation('rack.app.headers.no-status', `${here}/key`, 'the headers hold a Status key', 'no Status key', name)
      : pass('rack.app.headers.no-status', `${here}/key`));
    out.push(token.test(name) ? pass('rack.app.headers.name-token', `${here}/key`) : deviation('rack.app.headers.name-token', `${here}/key`, 'a header key is not an HTTP token', 'token', name));
    out.push(pass('rack.app.headers.case', `${here}/key`, { profile: name === lower ? 'lower case' : 'mixed case' }));
    if (value.type !== 'String' || value.text === undefined) {
      out.push(deviation('rack.app.headers.value-string', `${here}/value`, 'a header value is not a String', 'String', show(value)));
    } else {
      out.push(pass('rack.app.headers.value-string', `${here}/value`));
      out.push(value.text.split('\n').some((line) => belowOctal37.test(line))
        ? deviation('rack.app.headers.value-chars', `${here}/value`, 'a line of a header value holds a character below octal 037', 'no U+0000-U+001F within a line', value.text)
        : pass('rack.app.headers.value-chars', `${here}/value`));
    }
    if (status !== undefined && withoutEntity(status)) {
      for (const [rule, field] of [['rack.app.content-type.no-entity', 'content-type'], ['rack.app.content-length.no-entity', 'content-length']] as const) {
        out.push(lower === field
          ? deviation(rule, `${here}/key`, `a ${status} response carries ${name}`, `no ${field} with status ${status}`, `${name}: ${value.text ?? show(value)}`)
          : pass(rule, `${here}/key`));
      }
    }
  });
  // the driver's env says rack.hijack? false, so a rack.hijack header is never the application's to send
  const hijack = event.items.findIndex(({ key }) => key.text === 'rack.hijack');
  out.push(hijack < 0
    ? pass('rack.app.hijack.not-offered', at)
    : deviation('rack.app.hijack.not-offered', `${at}/items/${hijack}/key`, 'the headers hold rack.hijack although the env said rack.hijack? false', 'no rack.hijack header', 'rack.hijack'));
  return out;
}

/** The rules about the body: each, what it yields, to_path. */
function body(events: RackDriverEvent[]): Outcome[] {
  const out: Outcome[] = [];
  for (const { event, at } of eventsOf(events, 'body')) {
    out.push(event.respondsTo.each ? pass('rack.app.body.each', at) : deviation('rack.app.body.each', at, 'the body does not respond to each', 'responds to each', event.type));
    out.push(event.string ? deviation('rack.app.body.not-string', at, 'the body is a String', 'not a String', event.type) : pass('rack.app.body.not-string', at));
    if (event.respondsTo.to_path) {
      out.push(event.toPath?.type === 'String' && event.toPathExists
        ? pass('rack.app.body.to-path', `${at}/toPath`)
        : deviation('rack.app.body.to-path', `${at}/toPath`, 'to_path does not name an existing file', 'a String naming a file', `${show(event.toPath)}${event.toPathExists === false ? ' (no such file)' : ''}`));
    }
  }
  for (const { event, at } of eventsOf(events, 'chunk')) {
    out.push(event.type === 'String' ? pass('rack.app.body.strings', at) : deviation('rack.app.body.strings', at, 'the body yielded a value that is not a String', 'String', event.type));
  }
  return out;
}

const noArguments = (event: RackStreamEvent) => event.args.length === 0;
/** read([length, [buffer]]): length nil or an Integer >= 0, buffer a String. */
function readArgumentsOk(args: RubyValue[]): boolean {
  const [length, buffer] = args;
  if (args.length > 2) return false;
  if (length && !(length.type === 'NilClass' || (length.type === 'Integer' && Number(length.text) >= 0))) return false;
  return !buffer || buffer.type === 'String';
}

/** The rules about what the application did to rack.input and rack.errors. */
function streams(events: RackDriverEvent[]): Outcome[] {
  const out: Outcome[] = [];
  const others: string[] = [];
  let closed = { input: false, errors: false };
  for (const { event, at } of eventsOf(events, 'input', 'errors')) {
    const args = event.args.map(show);
    const known = event.e === 'input' ? inputMethods : errorsMethods;
    if (!known.has(event.method)) others.push(`rack.${event.e}.${event.method}`);
    else if (event.method === 'close') closed = { ...closed, [event.e]: true };
    if (event.method === 'close') {
      out.push(deviation(`rack.app.${event.e}.no-close`, at, `the application closed rack.${event.e}`, 'no close', 'close'));
    } else if (event.e === 'input' && ['gets', 'each', 'rewind'].includes(event.method)) {
      out.push(noArguments(event) ? pass('rack.app.input.no-arguments', at) : deviation('rack.app.input.no-arguments', at, `rack.input.${event.method} was called with arguments`, 'no arguments', args));
    } else if (event.e === 'input' && event.method === 'read') {
      out.push(readArgumentsOk(event.args) ? pass('rack.app.input.read-arguments', at) : deviation('rack.app.input.read-arguments', at, 'rack.input.read was called with other arguments than ([length, [buffer]])', 'nil or Integer >= 0, then a String', args));
    } else if (event.e === 'errors' && known.has(event.method)) {
      const ok = event.method === 'flush' ? noArguments(event) : event.args.length === 1 && (event.method === 'puts' || event.args[0].type === 'String');
      out.push(ok ? pass('rack.app.errors.arguments', at) : deviation('rack.app.errors.arguments', at, `rack.errors.${event.method} was called with other arguments than the SPEC allows`, event.method === 'flush' ? 'no arguments' : event.method === 'write' ? 'one String' : 'one argument', args));
    }
  }
  if (!closed.input) out.push(pass('rack.app.input.no-close', '/events'));
  if (!closed.errors) out.push(pass('rack.app.errors.no-close', '/events'));
  out.push(pass('rack.app.streams.other-methods', '/events', { profile: others.length > 0 ? `calls ${[...new Set(others)].join(', ')}` : "the SPEC's methods only" }));
  return out;
}

/** Every application rule, judged on one call. */
export function rackApplicationCall({ events }: RackAppObservation): Outcome[] {
  const status = eventsOf(events, 'status')[0]?.event.toI ?? undefined;
  return [...returned(events), ...eventsOf(events, 'headers').flatMap((h) => headers(h, status)), ...body(events), ...streams(events)];
}
