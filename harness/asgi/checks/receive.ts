import { validators } from '../schemas.ts';
import { describeErrors } from '../../spec/schemas.ts';
import { deviation, expectThat, inconclusive, pass, type Check, type Outcome } from '../observation.ts';
import { bytesOf, eventType, isDict, isNonStrKey, isOther, show, walk, type PyProjection } from '../py.ts';

const int64 = 2n ** 63n;

/** What is wrong with an event's types: the schema's complaints, and any value outside the types ASGI messages allow. */
export function eventTypeProblems(event: PyProjection): string[] {
  const problems: string[] = [];
  if (!validators.receiveEvent(event)) problems.push(...describeErrors(validators.receiveEvent.errors));
  for (const { pointer, value } of walk(event)) {
    if (isOther(value)) problems.push(`${pointer || '/'}: a ${(value as { pytype: string }).pytype}`);
    else if (isNonStrKey(value)) problems.push(`${pointer}: a key that is not a str`);
    else if (typeof value === 'number' && Number.isInteger(value) && (BigInt(value) >= int64 || BigInt(value) < -int64)) problems.push(`${pointer}: an int outside the signed 64-bit range`);
    else if (typeof value === 'object' && value !== null && typeof (value as { float?: unknown }).float === 'string') problems.push(`${pointer}: a non-finite float`);
  }
  return problems;
}

interface BodyReading {
  /** The concatenated bodies, when every body was bytes and the sequence was well formed. */
  body?: string;
  outcomes: Outcome[];
}

/** The http.request sequence of one request: types, more_body, what the bodies add up to. */
export function readBody(receives: Array<{ event?: PyProjection; timeout?: true }>, pointer: string): BodyReading {
  const outcomes: Outcome[] = [];
  const events = receives.flatMap((r) => (r.event === undefined ? [] : [r.event]));
  const problems = events.flatMap((event, index) => eventTypeProblems(event).map((p) => `[${index}]${p}`));
  outcomes.push(expectThat('asgi.receive.event-types', pointer, problems.length === 0, 'receive() returned events with types ASGI does not allow', 'dicts of str, bytes, int, float, bool, None, list and dict', problems.slice(0, 5)));
  if (receives.some((r) => r.timeout)) {
    outcomes.push(inconclusive('asgi.receive.more-body', pointer, 'the body did not end within the deadline'));
    return { outcomes };
  }
  const requests = events.filter((event) => isDict(event) && event.type === 'http.request') as Array<Record<string, PyProjection>>;
  const last = events.at(-1);
  const lastIsFinal = isDict(last) && last.type === 'http.request' && (last.more_body === undefined || last.more_body === false);
  const early = requests.slice(0, -1).filter((event) => event.more_body !== true);
  if (!lastIsFinal || early.length > 0) {
    const why = early.length > 0 ? 'an http.request before the last has more_body that is not True' : `the body ended with ${show(last)}, not an http.request whose more_body is False or missing`;
    outcomes.push(deviation('asgi.receive.more-body', pointer, why, 'more_body True on all but the last http.request', events.map((e) => (isDict(e) ? { type: e.type, more_body: e.more_body } : e))));
    return { outcomes };
  }
  outcomes.push(pass('asgi.receive.more-body', pointer));
  const bodies = requests.map((event) => (event.body === undefined ? '' : bytesOf(event.body)));
  if (bodies.some((b) => b === undefined)) return { outcomes }; // not bytes: the event-types rule says so
  return { body: bodies.join(''), outcomes };
}

/** The body of a generated request as the probe received it, against the octets sent. */
export const bodyReceives: Check = ({ request, report }) => {
  if (!report) return [];
  const { body, outcomes } = readBody(report.receives, '/report/receives');
  if (body === undefined) return outcomes;
  const ruleId = request.chunks ? 'asgi.receive.chunked-decoded' : 'asgi.receive.body-bytes';
  const why = request.chunks ? 'the http.request bodies are not the chunk data sent' : 'the http.request bodies do not add up to the body sent';
  return [...outcomes, expectThat(ruleId, '/report/receives', body === request.body, why, request.body, body)];
};

/** One more receive() after the body ended, before the response: what it gave is a profile; another http.request is not allowed. */
export const afterBody: Check = ({ report }) => {
  const after = report?.afterBody;
  if (!after) return [];
  const pointer = '/report/afterBody';
  if (!('event' in after)) return [pass('asgi.receive.after-body', pointer, { profile: 'blocks while the response is pending' }), pass('asgi.receive.more-body', pointer)];
  const event = after.event;
  const type = eventType(event);
  if (type === 'http.request') return [deviation('asgi.receive.more-body', pointer, 'an http.request came after the one whose more_body was False', 'no http.request after the last', show(event))];
  return [pass('asgi.receive.after-body', pointer, { profile: `returns ${type} at once` }), pass('asgi.receive.more-body', pointer)];
};
