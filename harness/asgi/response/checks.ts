import { headerValues } from '../../http/response.ts';
import { escapeOctets } from '../../http/request.ts';
import { expectThat, inconclusive, type Check, type Outcome } from '../observation.ts';
import { plannedBody } from './plans.ts';

const shown = (text: string) => escapeOctets(text.slice(0, 300));

/** The status and header fields of http.response.start on the wire, in order; repeated lines may arrive comma-joined. */
export const startRelayed: Check = ({ plan, response, framingError }) => {
  if (!plan) return [];
  if (framingError) return [inconclusive('asgi.response.start-relayed', '/response', `the response framing is broken (${framingError})`)];
  const out: Outcome[] = [];
  const names = [...new Set((plan.headers ?? []).map(([n]) => n.toLowerCase()))];
  const wrong = names.flatMap((name) => {
    const sent = (plan.headers ?? []).filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
    const seen = headerValues({ headers: response.headers }, name);
    const same = JSON.stringify(seen) === JSON.stringify(sent) || (seen.length === 1 && sent.length > 1 && [',', ', '].some((s) => seen[0] === sent.join(s)));
    return same ? [] : [{ name, sent, seen }];
  });
  out.push(expectThat('asgi.response.start-relayed', '/response', response.status === plan.status && wrong.length === 0, 'the response is not the status and fields of http.response.start', { status: plan.status, fields: plan.headers ?? [] }, { status: response.status, differing: wrong }));
  return out;
};

/** The response body is the concatenation of the body events. */
export const bodyConcatenated: Check = ({ plan, response, framingError }) => {
  if (!plan) return [];
  if (framingError) return [inconclusive('asgi.response.body-concatenated', '/response/body', `the response framing is broken (${framingError})`)];
  const expected = plannedBody(plan);
  return [expectThat('asgi.response.body-concatenated', '/response/body', response.body === expected, 'the response body is not the body events concatenated', shown(expected), shown(response.body))];
};

/** A transfer-encoding among the application's headers does not frame the response. */
export const transferEncodingIgnored: Check = ({ plan, response, framingError }) => {
  if (!plan) return [];
  const expected = plannedBody(plan);
  const ok = !framingError && response.body === expected;
  return [expectThat('asgi.response.transfer-encoding-ignored', '/response', ok, framingError ? `the response cannot be read: ${framingError}` : 'the body that arrived is not the one sent', shown(expected), framingError ? shown(response.raw.toString('latin1')) : shown(response.body))];
};

/** What the probe's send() of an event of no known type did: it should raise. */
export const unknownEventRaises: Check = ({ events }) => {
  const list = events ?? [];
  const at = list.findIndex((e) => e.e === 'send' && e.step === 'unknown');
  if (at < 0) return [inconclusive('asgi.send.invalid-event-raises', '/events', 'the probe never sent its unknown event')];
  const outcome = list.slice(at + 1).find((e) => e.e === 'sent' || e.e === 'send-raised');
  if (!outcome) return [inconclusive('asgi.send.invalid-event-raises', '/events', 'no outcome of the send was logged')];
  return [expectThat('asgi.send.invalid-event-raises', '/events', outcome.e === 'send-raised', "send() accepted an event of type 'gwi.unknown-event' without raising", 'an exception from send()', 'returned')];
};

/** Events with a key their type does not define take effect as if it were absent. */
export const extraKeysAccepted: Check = ({ plan, response, events, framingError }) => {
  if (!plan) return [];
  const raised = (events ?? []).filter((e) => e.e === 'send-raised').map((e) => (e.e === 'send-raised' ? e.exception.type : ''));
  const expected = plannedBody(plan);
  const ok = raised.length === 0 && !framingError && response.status === (plan.status ?? 200) && response.body === expected;
  return [expectThat('asgi.send.extra-keys-accepted', '/response', ok, raised.length > 0 ? `send() raised ${raised.join(', ')} for events carrying an extra key` : 'the response is not the one the events describe', { status: plan.status ?? 200, body: shown(expected) }, { status: response.status, body: shown(response.body), raised })];
};
