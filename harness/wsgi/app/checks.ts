import type { AppCall } from '../generators/environ.ts';
import type { DriverEvent, PyStr, StartResponseEvent } from '../../generated/driverProtocol.ts';
import { hopByHop } from '../oracle.ts';
import { deviation, pass, type Outcome } from '../observation.ts';

/** One call of the application: the environ sent and what the driver saw the application do. */
export interface AppObservation {
  call: AppCall;
  events: DriverEvent[];
}

export type AppCheck = (observation: AppObservation) => Outcome[];

type Indexed<E> = { event: E; at: string };
function eventsOf<K extends DriverEvent['e']>(events: DriverEvent[], kind: K): Array<Indexed<Extract<DriverEvent, { e: K }>>> {
  return events.flatMap((event, i) => (event.e === kind ? [{ event: event as Extract<DriverEvent, { e: K }>, at: `/events/${i}` }] : []));
}

const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const control = /[\x00-\x1f\x7f]/;
/** code SP reason, the reason without surrounding whitespace (it may be empty); trailing CR/LF is judged as control characters. */
const statusForm = /^[1-5]\d\d (?:[^ \t](?:.*[^ \t])?)?$/s;
const show = (value: PyStr | undefined) => (value === undefined ? '(missing)' : value.text !== undefined ? `${value.type} ${JSON.stringify(value.text)}` : `<${value.type}>`);
const isStr = (value: PyStr | undefined): value is PyStr & { text: string } => value?.type === 'str' && value.text !== undefined;

/** The rules about one start_response call: arguments, status, headers, exc_info. */
function startResponseCall({ event, at }: Indexed<StartResponseEvent>): Outcome[] {
  const out: Outcome[] = [];
  out.push(event.keywords.length === 0 && (event.args === 2 || event.args === 3)
    ? pass('wsgi.app.start-response.positional', at)
    : deviation('wsgi.app.start-response.positional', at, 'start_response was not called with 2 or 3 positional arguments', '2 or 3 positional arguments', { positional: event.args, keywords: event.keywords }));
  const { status } = event;
  if (status.type !== 'str') {
    out.push(deviation('wsgi.app.status.type', `${at}/status`, 'the status is not a native string', 'str', show(status)));
  } else {
    out.push(pass('wsgi.app.status.type', `${at}/status`));
    const text = status.text ?? '';
    out.push(statusForm.test(text.replace(/[\r\n]+$/, ''))
      ? pass('wsgi.app.status.form', `${at}/status`)
      : deviation('wsgi.app.status.form', `${at}/status`, 'the status is not "NNN Reason" with a code from 100 to 599', '"NNN Reason"', text));
    out.push(control.test(text)
      ? deviation('wsgi.app.status.control-chars', `${at}/status`, 'the status holds a control character', 'no U+0000-U+001F, U+007F', text)
      : pass('wsgi.app.status.control-chars', `${at}/status`));
  }
  const strings: Array<[string, PyStr]> = status.type === 'str' ? [[`${at}/status`, status]] : [];
  out.push(event.headers.type === 'list'
    ? pass('wsgi.app.headers.list', `${at}/headers`)
    : deviation('wsgi.app.headers.list', `${at}/headers`, 'the headers are not a Python list', 'list', event.headers.type));
  event.headers.items.forEach((item, i) => {
    const here = `${at}/headers/items/${i}`;
    out.push(item.type === 'tuple' && item.length === 2
      ? pass('wsgi.app.headers.tuples', here)
      : deviation('wsgi.app.headers.tuples', here, 'a header item is not a 2-tuple', 'tuple of 2', `${item.type} of length ${item.length ?? '?'}`));
    if (!item.name || !item.value) return;
    if (!isStr(item.name) || !isStr(item.value)) {
      out.push(deviation('wsgi.app.headers.str', here, 'a header name or value is not a native string', 'str, str', `${show(item.name)}, ${show(item.value)}`));
      return;
    }
    out.push(pass('wsgi.app.headers.str', here));
    strings.push([`${here}/name`, item.name], [`${here}/value`, item.value]);
    const name = item.name.text;
    const lower = name.toLowerCase();
    out.push(token.test(name) ? pass('wsgi.app.headers.name-token', `${here}/name`) : deviation('wsgi.app.headers.name-token', `${here}/name`, 'a header name is not an HTTP token', 'token', name));
    out.push(control.test(item.value.text)
      ? deviation('wsgi.app.headers.value-control-chars', `${here}/value`, 'a header value holds a control character', 'no U+0000-U+001F, U+007F', item.value.text)
      : pass('wsgi.app.headers.value-control-chars', `${here}/value`));
    out.push(hopByHop.has(lower) || lower === 'trailers' || lower === 'proxy-authenticate' || lower === 'proxy-authorization'
      ? deviation('wsgi.app.headers.hop-by-hop', `${here}/name`, 'the application sends a hop-by-hop header', 'no hop-by-hop header', name)
      : pass('wsgi.app.headers.hop-by-hop', `${here}/name`));
    out.push(pass('wsgi.app.headers.validate-names', `${here}/name`, { profile: lower === 'status' || /[-_]$/.test(name) ? 'names wsgiref.validate rejects' : 'names wsgiref.validate accepts' }));
  });
  for (const [pointer, value] of strings) {
    out.push((value.maxCodePoint ?? 0) > 0xff
      ? deviation('wsgi.app.strings.latin1', pointer, 'a string passed to start_response holds a code point above U+00FF', 'U+0000-U+00FF only', value.text)
      : pass('wsgi.app.strings.latin1', pointer));
  }
  if (status.type === 'str' && /^5\d\d/.test(status.text ?? '')) {
    out.push(event.handling && event.excInfo.type === 'NoneType'
      ? deviation('wsgi.app.exc-info.error-response', at, `start_response began a ${(status.text ?? '').slice(0, 3)} response while the application handled ${event.handling}, without exc_info`, 'exc_info (sys.exc_info())', 'None')
      : pass('wsgi.app.exc-info.error-response', at));
  }
  if (event.excInfo.type !== 'NoneType') {
    out.push(event.excInfo.type === 'tuple' && event.excInfo.length === 3
      ? pass('wsgi.app.exc-info.tuple', `${at}/excInfo`)
      : deviation('wsgi.app.exc-info.tuple', `${at}/excInfo`, 'exc_info is not a sys.exc_info() tuple', 'None or a 3-tuple', `${event.excInfo.type} of length ${event.excInfo.length ?? '?'}`));
  }
  return out;
}

/** Every application-side rule, judged from one call's events. */
export const applicationCall: AppCheck = ({ call, events }) => {
  const out: Outcome[] = [];
  const starts = eventsOf(events, 'start_response');
  const raised = eventsOf(events, 'raised');
  const stoppedEarly = eventsOf(events, 'iteration-end').some(({ event }) => event.truncated);
  // close() raising after the driver stopped early is wsgi.app.result.early-close's finding
  // and the iteration failing on a file-like object without read(size) is wsgi.app.file-wrapper.read's
  const wrapperFailed = eventsOf(events, 'file_wrapper').some(({ event }) => !event.sizedRead);
  const ownErrors = raised.filter(({ event }) => !event.fromStartResponse && !(stoppedEarly && event.where === 'close') && !(wrapperFailed && event.where === 'iteration'));
  const lookups = eventsOf(events, 'lookup');
  out.push(lookups.length === 0
    ? pass('wsgi.app.callables.not-introspected', '/events')
    : deviation('wsgi.app.callables.not-introspected', lookups[0].at, 'the application looked up attributes of a callable the server gave it instead of only calling it', 'no attribute look-up', lookups.map(({ event }) => `${event.of}.${event.attr}`)));
  if (stoppedEarly) {
    const closeRaised = raised.find(({ event }) => event.where === 'close');
    out.push(closeRaised
      ? deviation('wsgi.app.result.early-close', closeRaised.at, `close() raised ${closeRaised.event.exception.type} after the driver stopped taking blocks early`, 'close() returns', `${closeRaised.event.exception.type}: ${closeRaised.event.exception.message}`)
      : pass('wsgi.app.result.early-close', '/events'));
  }
  for (const { event, at } of eventsOf(events, 'file_wrapper')) {
    out.push(event.hasRead && event.sizedRead
      ? pass('wsgi.app.file-wrapper.read', at)
      : deviation('wsgi.app.file-wrapper.read', at, event.hasRead ? 'the object given to wsgi.file_wrapper did not take read(size)' : 'the object given to wsgi.file_wrapper has no read()', 'read(size) works', event.error ?? 'no read()'));
  }
  for (const start of starts) out.push(...startResponseCall(start));

  starts.slice(1).forEach(({ event, at }) => {
    out.push(event.excInfo.type === 'NoneType'
      ? deviation('wsgi.app.start-response.once', at, 'start_response was called again without exc_info', 'exc_info on every call after the first', `call ${event.index + 1} without exc_info`)
      : pass('wsgi.app.start-response.once', at));
  });
  for (const { event, at } of starts.filter(({ event }) => event.raised !== undefined)) {
    const index = events.indexOf(event);
    const propagated = events.slice(index + 1).some((e) => e.e === 'raised' && e.fromStartResponse);
    out.push(propagated
      ? pass('wsgi.app.exc-info.propagate', at)
      : deviation('wsgi.app.exc-info.propagate', at, 'start_response raised (called with exc_info after body bytes went out) and the application trapped the exception', 'the exception propagates out of the call or the iteration', 'the application went on'));
  }

  const returned = eventsOf(events, 'returned')[0];
  if (returned) {
    out.push(returned.event.file
      ? deviation('wsgi.app.result.not-file', returned.at, 'the application returned a file object as its iterable', 'wsgi.file_wrapper or another iterable', returned.event.type)
      : pass('wsgi.app.result.not-file', returned.at));
    out.push(returned.event.iterable
      ? pass('wsgi.app.result.iterable', returned.at)
      : deviation('wsgi.app.result.iterable', returned.at, 'the application returned something that is not iterable', 'an iterable', returned.event.type));
  }
  const chunks = eventsOf(events, 'chunk');
  const badChunk = chunks.find(({ event }) => event.type !== 'bytes');
  if (chunks.length > 0) {
    out.push(badChunk
      ? deviation('wsgi.app.body.bytes', badChunk.at, returned?.event.type === 'bytes' || returned?.event.type === 'str' ? `the application returned a ${returned.event.type} object, whose items are not bytestrings` : 'the iterable yielded something that is not a bytestring', 'bytes', badChunk.event.type)
      : pass('wsgi.app.body.bytes', '/events'));
  }
  const end = eventsOf(events, 'iteration-end')[0];
  const completed = end !== undefined && !end.event.truncated;
  const early = chunks.find(({ event }) => !event.afterStartResponse && (event.length ?? 0) > 0);
  if (early) {
    out.push(deviation('wsgi.app.start-response.before-body', early.at, 'the iterable yielded body bytes before start_response was called', 'start_response before the first body bytestring', `item ${early.event.index} before any start_response call`));
  } else if (starts.length === 0 && completed && ownErrors.length === 0) {
    out.push(deviation('wsgi.app.start-response.before-body', end.at, 'the iterable was exhausted and start_response was never called', 'one start_response call', 'none'));
  } else if (starts.length > 0) {
    out.push(pass('wsgi.app.start-response.before-body', '/events'));
  }
  if (returned && returned.event.len !== null && completed && raised.every(({ event }) => event.where !== 'iteration')) {
    out.push(returned.event.len === end.event.items
      ? pass('wsgi.app.result.len-accurate', returned.at)
      : deviation('wsgi.app.result.len-accurate', returned.at, 'len() of the returned iterable is not the number of items it yields', returned.event.len, end.event.items));
  }

  const writes = eventsOf(events, 'write');
  for (const { event, at } of writes) {
    out.push(event.type === 'bytes' ? pass('wsgi.app.write.bytes', at) : deviation('wsgi.app.write.bytes', at, 'write() was given something that is not a bytestring', 'bytes', event.type));
    out.push(event.inIteration
      ? deviation('wsgi.app.write.not-in-iterable', at, 'write() was called from inside the returned iterable', 'no write() during iteration', 'write() while the driver was taking an item')
      : pass('wsgi.app.write.not-in-iterable', at));
  }
  if (starts.length > 0) out.push(pass('wsgi.app.write.used', '/events', { profile: writes.length > 0 ? 'uses write()' : 'iterable only' }));

  const length = Number.parseInt(call.environ.CONTENT_LENGTH ?? '', 10);
  const declared = Number.isNaN(length) ? 0 : length;
  const inputReads = eventsOf(events, 'stream').filter(({ event }) => event.stream === 'input' && event.interface);
  const shortReads = call.maxRead !== undefined && declared > call.maxRead && inputReads.length > 0;
  if (shortReads) {
    // PEP 3333 leaves open whether a server may hand out short reads: what the application does is a profile
    const taken = Math.max(...inputReads.map(({ event }) => (event.consumedBefore ?? 0) + (event.returned ?? 0)));
    const profile = ownErrors.length > 0 ? 'raises' : taken >= declared ? 'reads on to CONTENT_LENGTH' : 'stops at the first short read';
    out.push(pass('wsgi.app.input.short-reads', inputReads[0].at, { profile }));
  }
  if (ownErrors.length > 0 && shortReads) {
    out.push({ ruleId: 'wsgi.app.errors.trapped', ok: true, pointer: ownErrors[0].at, inconclusive: 'the application raised while wsgi.input handed out short reads (recorded under wsgi.app.input.short-reads)' });
  } else if (ownErrors.length > 0) {
    const { event, at } = ownErrors[0];
    out.push(deviation('wsgi.app.errors.trapped', at, `the application raised ${event.exception.type} out of the ${event.where}`, 'an error response instead of an exception', `${event.exception.type}: ${event.exception.message}\n${event.exception.traceback ?? ''}`.trim()));
  } else {
    out.push(pass('wsgi.app.errors.trapped', '/events'));
  }

  for (const { event, at } of eventsOf(events, 'stream')) {
    const label = `wsgi.${event.stream}.${event.method}()`;
    if (event.method === 'close') {
      out.push(deviation('wsgi.app.streams.not-closed', at, `the application called ${label}`, 'no close()', label));
      continue;
    }
    out.push(event.interface === false
      ? deviation('wsgi.app.streams.interface-only', at, `the application called ${label}, which PEP 3333 does not list`, 'read, readline, readlines, __iter__ / write, writelines, flush', label)
      : pass('wsgi.app.streams.interface-only', at));
    if (event.stream === 'input' && event.interface) {
      const zeroRead = event.method === 'read' && event.args?.[0]?.text === '0';
      out.push((event.consumedBefore ?? 0) >= declared && !zeroRead
        ? deviation('wsgi.app.input.within-length', at, `the application called ${label} after reading all CONTENT_LENGTH bytes`, `no read past ${declared} bytes`, `${label} with ${event.consumedBefore ?? 0} bytes already read`)
        : pass('wsgi.app.input.within-length', at));
    }
    if (event.stream === 'errors' && (event.method === 'write' || event.method === 'writelines')) {
      const wrong = (event.args ?? []).find((arg) => arg.type !== 'str');
      out.push(wrong
        ? deviation('wsgi.app.errors.str', at, `wsgi.errors.${event.method}() was given ${wrong.type}`, 'str', wrong.type)
        : pass('wsgi.app.errors.str', at));
      const carriage = (event.args ?? []).find((arg) => arg.type === 'str' && (arg.text ?? '').includes('\r'));
      // an application may log what the request held: a CR that came in with it says nothing of its line endings
      const sentCr = Object.values(call.environ).some((value) => value.includes('\r')) || (call.body ?? '').includes('\r');
      if (carriage && sentCr) out.push({ ruleId: 'wsgi.app.errors.newlines', ok: true, pointer: at, inconclusive: 'the request itself held a carriage return' });
      else out.push(carriage
        ? deviation('wsgi.app.errors.newlines', at, `wsgi.errors.${event.method}() was given a carriage return`, 'lines ending in "\\n" alone', carriage.text)
        : pass('wsgi.app.errors.newlines', at));
    }
  }
  if (!eventsOf(events, 'stream').some(({ event }) => event.method === 'close')) out.push(pass('wsgi.app.streams.not-closed', '/events'));

  const last = starts.at(-1)?.event;
  const body = eventsOf(events, 'body')[0];
  if (last && isStr(last.status) && body && body.event.length > 0) {
    const code = Number(last.status.text.slice(0, 3));
    if (code >= 200 && code !== 204 && code !== 304) {
      const hasType = last.headers.items.some((item) => isStr(item.name) && item.name.text.toLowerCase() === 'content-type');
      out.push(hasType ? pass('wsgi.app.headers.content-type', '/events') : deviation('wsgi.app.headers.content-type', starts.at(-1)!.at, `a ${code} response with ${body.event.length} body bytes has no Content-Type`, 'a Content-Type header', 'none'));
    }
  }
  return out;
};

/** The outcome of a call as far as a second one should repeat it: its status, or that it raised. */
function summary({ events }: AppObservation): string {
  const raised = eventsOf(events, 'raised').find(({ event }) => !event.fromStartResponse);
  if (raised) return `raised ${raised.event.exception.type}`;
  const status = eventsOf(events, 'start_response').at(-1)?.event.status;
  return isStr(status) ? status.text.slice(0, 3) : 'no status';
}

/** The same call made twice: an application object can be called more than once (PEP 3333), so the second answers as the first did. */
export const calledAgain = (first: AppObservation, second: AppObservation): Outcome[] => {
  const [a, b] = [summary(first), summary(second)];
  if (a.startsWith('raised')) return [{ ruleId: 'wsgi.app.callable-again', ok: true, pointer: '/events', inconclusive: `the first call ${a}` }];
  // an application may keep state, so another status is fine; failing where the first call did not is not
  const failed = b.startsWith('raised') || (b.startsWith('5') && !a.startsWith('5'));
  return [failed
    ? deviation('wsgi.app.callable-again', '/events', 'the second identical call failed where the first did not', a, b)
    : pass('wsgi.app.callable-again', '/events')];
};

/** A call repeated with hop-by-hop HTTP_ variables added: the application must not rely on them, so the status stays. */
export const hopByHopIgnored = (first: AppObservation, second: AppObservation): Outcome[] => {
  const [a, b] = [summary(first), summary(second)];
  if (a.startsWith('raised')) return [{ ruleId: 'wsgi.app.hop-by-hop-environ', ok: true, pointer: '/events', inconclusive: `the plain call ${a}` }];
  return [a === b
    ? pass('wsgi.app.hop-by-hop-environ', '/events')
    : deviation('wsgi.app.hop-by-hop-environ', '/events', 'adding hop-by-hop HTTP_ variables (Connection, Keep-Alive, TE, Upgrade) changed the answer', a, b)];
};
