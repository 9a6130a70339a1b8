import { escapeOctets, serializeRequest, type HttpRequest } from '../../http/request.ts';
import { openStream, readFinished } from '../../run/session.ts';
import type { ScenarioDef, SuiteContext } from '../entries.ts';
import { execute } from '../execute.ts';
import { expectThat, inconclusive, pass, type Outcome } from '../observation.ts';
import { eventType, show } from '../py.ts';
import { afterBodyPause, type AsgiProbeEvent } from './events.ts';
import { planned, startSession, type Session } from './plans.ts';
import { newPlanId, plannedRequest } from '../../run/plannedRequest.ts';
import { GwiError } from '../../core/errors.ts';

// Bounds are generous on purpose: waits end as soon as what they wait for happens, so only a failing server pays them.
const PAUSE_REACHED_MS = 5000;
const ARRIVAL_MS = 5000;
const QUIET_MS = 300;
const EVENT_MS = 3000;
/** The probe's own bound on a pause: longer than any wait of the harness, so a pause never ends on its own first. */
const HOLD_MS = 12_000;

const shown = (text: string) => escapeOctets(text.slice(0, 300));
const pauseAt = (index: number) => (e: AsgiProbeEvent) => e.e === 'pause' && e.i === index;
const ended = (e: AsgiProbeEvent) => e.e === 'returned' || e.e === 'raised';
const keepAlive = { close: false };
const lengthOf = (body: string[]): Array<[string, string]> => [['content-length', String(body.join('').length)]];

/** Let the paused probe go on, wait for it to end, and hang up (keep-alive sessions are not closed by the server). */
async function release(session: Session, index: number): Promise<void> {
  session.signal(index);
  await session.event(ended, EVENT_MS);
  session.stream.close();
}

/** A plain request for the probe's report on an open connection. */
function reportRequest(context: SuiteContext, target: string, close: boolean): HttpRequest {
  const headers: Array<[string, string]> = [['Host', `127.0.0.1:${context.port}`]];
  if (close) headers.push(['Connection', 'close']);
  return { method: 'GET', target, version: 'HTTP/1.1', headers, body: '' };
}

/** The path a probe report's scope names, if the octets are one. */
function reportedPath(body: string): unknown {
  try {
    return (JSON.parse(body) as { scope?: { path?: unknown } }).scope?.path;
  } catch {
    return undefined;
  }
}

const headerShapes = ['list', 'tuples', 'tuple', 'generator'] as const;

/** Cases of the ASGI response side that need turns: the probe pauses or raises, the harness watches the wire. */
export const responseScenarios: ScenarioDef[] = [
  {
    kind: 'scenario',
    id: 'asgi.response.headers-shapes',
    does: 'the probe sends the same header field as a list of lists, a list of tuples, a tuple of tuples and a generator',
    rules: ['asgi.response.headers-iterable'],
    request: planned({ headers: [['x-gwi-shape', 'list']], body: ['ok'], headersAs: 'list' }),
    async play(request, context) {
      const results: string[] = [];
      for (const shape of headerShapes) {
        const plan = { id: newPlanId(), headers: [['x-gwi-shape', shape]] as Array<[string, string]>, body: ['ok'], headersAs: shape };
        try {
          const { response } = await execute(shape === 'list' ? request : plannedRequest(context.suite, plan), context.execution);
          const carried = response.headers.some(([n, v]) => n.toLowerCase() === 'x-gwi-shape' && v === shape);
          results.push(`${shape}: ${carried && response.status === 200 ? 'relayed' : response.status !== 200 ? `answered ${response.status}` : 'headers lost'}`);
        } catch (error) {
          const code = (error as GwiError).code;
          if (code === 'GWI_SERVER_CRASHED') throw error;
          results.push(`${shape}: no response`);
        }
      }
      return [pass('asgi.response.headers-iterable', '/response', { profile: results.join('; ') })];
    },
  },
  {
    kind: 'scenario',
    id: 'asgi.response.start-then-pause',
    does: 'the probe sends http.response.start and pauses before its first body event; the harness watches the wire',
    rules: ['asgi.response.start-deferred'],
    request: planned({ headers: lengthOf(['later']), body: ['later'], pauseBefore: [0], timeoutMs: HOLD_MS }),
    async play(request, context) {
      const session = await startSession(request, context);
      if (!(await session.event(pauseAt(0), PAUSE_REACHED_MS))) {
        await release(session, 0);
        return [inconclusive('asgi.response.start-deferred', '/events', 'the probe never reached its pause')];
      }
      const early = await session.stream.until((text) => text.length > 0, QUIET_MS);
      await release(session, 0);
      return [pass('asgi.response.start-deferred', '/wire', { profile: early ? 'head written at http.response.start' : 'head held until the first body event' })];
    },
  },
  {
    kind: 'scenario',
    id: 'asgi.response.streaming',
    does: 'the probe sends a body event with more_body True and waits until the harness has seen it on the wire',
    rules: ['asgi.response.body-flushed'],
    request: planned({ body: ['first-block', 'second-block'], pauseBefore: [1], timeoutMs: HOLD_MS }),
    async play(request, context) {
      const session = await startSession(request, context);
      await session.event(pauseAt(1), PAUSE_REACHED_MS);
      const arrived = await session.stream.until((text) => text.includes('first-block'), ARRIVAL_MS);
      const seen = session.stream.text;
      await release(session, 1);
      return [expectThat('asgi.response.body-flushed', '/wire', arrived, `the first body event did not arrive within ${ARRIVAL_MS} ms while the probe waited`, 'first-block on the wire', shown(seen))];
    },
  },
  {
    kind: 'scenario',
    id: 'asgi.response.complete-before-return',
    does: 'the probe sends its last body event (with Content-Length, then chunked on keep-alive) and waits before returning',
    rules: ['asgi.response.body-completes'],
    request: planned({ headers: lengthOf(['complete-body']), body: ['complete-body'], pauseAfterBody: true, timeoutMs: HOLD_MS }, keepAlive),
    async play(request, context) {
      const out: Outcome[] = [];
      const chunked = plannedRequest(context.suite, { id: newPlanId(), body: ['chunk-one', 'chunk-two'], pauseAfterBody: true, timeoutMs: HOLD_MS }, keepAlive);
      for (const [framing, sent] of [['Content-Length', request], ['no Content-Length', chunked]] as const) {
        const session = await startSession(sent, context);
        if (!(await session.event(pauseAt(afterBodyPause), PAUSE_REACHED_MS))) {
          await release(session, afterBodyPause);
          out.push(inconclusive('asgi.response.body-completes', '/events', 'the probe never reached its pause after the body'));
          continue;
        }
        const complete = await session.stream.until((text) => readFinished(text, false).complete, ARRIVAL_MS);
        const seen = session.stream.text;
        await release(session, afterBodyPause);
        out.push(expectThat('asgi.response.body-completes', '/wire', complete, `(${framing}) the response was not complete while the application, done with its body, had not returned`, 'a complete response', shown(seen)));
      }
      return out;
    },
  },
  {
    kind: 'scenario',
    id: 'asgi.response.raise-mid-body',
    does: 'on keep-alive the probe sends a first body event with more_body True and raises (chunked, then with Content-Length); then a new connection',
    rules: ['asgi.error.exception-ends-connection'],
    request: planned({ body: ['first-part', 'never-sent'], raise: 'after-first-chunk' }, keepAlive),
    async play(request, context) {
      const out: Outcome[] = [];
      const body = ['first-part', 'never-sent'];
      const withLength = plannedRequest(context.suite, { id: newPlanId(), headers: lengthOf(body), body, raise: 'after-first-chunk' }, keepAlive);
      for (const [framing, sent] of [['no Content-Length', request], ['Content-Length', withLength]] as const) {
        const session = await startSession(sent, context);
        await session.event((e) => e.e === 'raise', PAUSE_REACHED_MS);
        const closed = await session.stream.closed(ARRIVAL_MS);
        session.stream.close();
        const result = readFinished(session.stream.text, closed);
        const looksComplete = result.head !== undefined && result.complete && result.framing !== 'close';
        out.push(expectThat('asgi.error.exception-ends-connection', '/wire', closed && !looksComplete, !closed ? `(${framing}) the connection stayed open ${ARRIVAL_MS} ms after the application raised mid-response` : `(${framing}) the cut-short response arrived as a complete one`, 'the connection closed, the response incomplete', shown(session.stream.text)));
      }
      const next = await execute(reportRequest(context.suite, '/after-error', true), context.execution);
      out.push(expectThat('asgi.error.exception-ends-connection', '/response', next.report !== undefined, 'a new connection after the error was not served by the application', '200 with the probe report', next.response.status));
      return out;
    },
  },
  {
    kind: 'scenario',
    id: 'asgi.response.raise-before-start',
    does: 'on keep-alive the probe raises before http.response.start',
    rules: ['asgi.error.exception-outcome'],
    request: planned({ raise: 'before-start' }, keepAlive),
    async play(request, context) {
      const session = await startSession(request, context);
      await session.event((e) => e.e === 'raise', PAUSE_REACHED_MS);
      await session.stream.until((text) => readFinished(text, false).complete, EVENT_MS);
      const closed = await session.stream.closed(QUIET_MS * 2);
      session.stream.close();
      const { head } = readFinished(session.stream.text, closed);
      const profile = head ? `${head.status}, connection ${closed ? 'closed' : 'kept open'}` : closed ? 'closed without a response' : 'no response, connection left open';
      return [pass('asgi.error.exception-outcome', '/wire', { profile })];
    },
  },
  {
    kind: 'scenario',
    id: 'asgi.receive.after-response',
    does: 'on keep-alive the probe completes its response, then calls receive() with a 2 s deadline',
    rules: ['asgi.receive.disconnect-after-response'],
    request: planned({ headers: lengthOf(['done']), body: ['done'], receiveAfterBody: 2000 }, keepAlive),
    async play(request, context) {
      const session = await startSession(request, context);
      const got = await session.event((e) => (e.e === 'receive' || e.e === 'receive-timeout') && e.step === 'after-body', 4000);
      session.stream.close();
      const event = got?.e === 'receive' ? got.event : undefined;
      return [expectThat('asgi.receive.disconnect-after-response', '/events', eventType(event) === 'http.disconnect', got?.e === 'receive' ? 'receive() after the response returned another event' : 'receive() after the response did not return within 2 s', 'http.disconnect', got?.e === 'receive' ? show(event) : 'blocked')];
    },
  },
  {
    kind: 'scenario',
    id: 'asgi.receive.client-leaves',
    does: 'the probe reads the body and waits in receive() before responding; the harness closes its socket',
    rules: ['asgi.receive.disconnect-on-close'],
    request: planned({ body: ['never'], receiveAfterBody: 3000, receiveBeforeResponse: true }, { method: 'POST', body: 'sent-body' }),
    async play(request, context) {
      const session = await startSession(request, context);
      const waiting = (e: AsgiProbeEvent) => (e.e === 'receive' || e.e === 'receive-timeout') && e.step === 'before-response';
      const early = await session.event(waiting, QUIET_MS);
      if (early) {
        session.stream.close();
        return [inconclusive('asgi.receive.disconnect-on-close', '/events', `receive() after the body returned at once (${early.e === 'receive' ? eventType(early.event) : early.e}), so the client's close cannot be told apart`)];
      }
      session.stream.close();
      const got = await session.event(waiting, 4000);
      const event = got?.e === 'receive' ? got.event : undefined;
      return [expectThat('asgi.receive.disconnect-on-close', '/events', eventType(event) === 'http.disconnect', got?.e === 'receive' ? 'receive() returned another event after the client closed' : 'receive() did not return http.disconnect after the client closed', 'http.disconnect', got?.e === 'receive' ? show(event) : 'still waiting after 3 s')];
    },
  },
  {
    kind: 'scenario',
    id: 'asgi.send.client-gone',
    does: 'the client closes while the probe pauses mid-response; the probe then sends its next body event',
    rules: ['asgi.send.closed-returns'],
    request: planned({ body: ['first', 'second'], pauseBefore: [1], timeoutMs: HOLD_MS }),
    async play(request, context) {
      const session = await startSession(request, context);
      await session.event(pauseAt(1), PAUSE_REACHED_MS);
      if (!(await session.stream.until((text) => text.includes('first'), ARRIVAL_MS))) {
        await release(session, 1);
        return [inconclusive('asgi.send.closed-returns', '/wire', 'the first body event never reached the client (a buffering proxy in front?), so it could not leave mid-response')];
      }
      session.stream.close();
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      session.signal(1);
      const resumed = await session.event((e) => e.e === 'resume' && e.i === 1, EVENT_MS);
      if (!resumed) return [inconclusive('asgi.send.closed-returns', '/events', 'the probe did not resume after its pause')];
      const after = await session.event((e) => (e.e === 'sent' || e.e === 'send-raised') && e.t >= resumed.t, EVENT_MS + 2000);
      return [expectThat('asgi.send.closed-returns', '/events', after !== undefined, 'send() on a connection the client had closed neither returned nor raised within 5 s', 'send() returns or raises', 'still blocked')];
    },
  },
  {
    kind: 'scenario',
    id: 'asgi.scope.keep-alive',
    does: 'sends two requests with different paths on one keep-alive HTTP/1.1 connection',
    rules: ['asgi.scope.per-request'],
    request: (context) => reportRequest(context, '/first-request', false),
    async play(request, context) {
      const stream = await openStream(context);
      stream.send(serializeRequest(request));
      const first = await stream.until((text) => readFinished(text, false).complete, ARRIVAL_MS);
      const one = readFinished(stream.text, false);
      if (!first || !one.head || one.head.status !== 200 || stream.ended) {
        stream.close();
        return [inconclusive('asgi.scope.per-request', '/wire', 'the first request was not answered by the probe on a connection left open')];
      }
      const offset = stream.text.length;
      stream.send(serializeRequest(reportRequest(context.suite, '/second-request', true)));
      const closed = await stream.closed(ARRIVAL_MS);
      stream.close();
      const two = readFinished(stream.text.slice(offset), closed);
      if (!two.head || two.head.status !== 200) return [inconclusive('asgi.scope.per-request', '/wire', 'the second request on the connection was not answered by the probe')];
      const paths = [reportedPath(one.body), reportedPath(two.body)];
      return [expectThat('asgi.scope.per-request', '/report/scope/path', paths[0] === '/first-request' && paths[1] === '/second-request', 'the second request on the connection did not get a scope of its own', ['/first-request', '/second-request'], paths)];
    },
  },
  {
    kind: 'scenario',
    id: 'asgi.send.after-complete',
    does: 'on keep-alive the probe sends one more body event after its final one; then a second request on the connection',
    rules: ['asgi.send.after-complete-ignored', 'asgi.send.after-complete-outcome'],
    request: planned({ headers: lengthOf(['complete']), body: ['complete'], sendAfterComplete: true }, keepAlive),
    async play(request, context) {
      const session = await startSession(request, context);
      await session.event(ended, EVENT_MS);
      await session.stream.until(() => false, QUIET_MS);
      const out: Outcome[] = [];
      const events = session.events();
      const at = events.findIndex((e) => e.e === 'send' && e.step === 'after-complete');
      const result = at < 0 ? undefined : events.slice(at + 1).find((e) => e.e === 'sent' || e.e === 'send-raised');
      const profile = !result ? 'no outcome logged' : result.e === 'send-raised' ? `raised ${result.exception.type}` : 'returned';
      out.push(pass('asgi.send.after-complete-outcome', '/events', { profile }));
      const first = readFinished(session.stream.text, session.stream.ended);
      if (!first.head || !first.complete) {
        session.stream.close();
        return [...out, inconclusive('asgi.send.after-complete-ignored', '/wire', 'the first response did not arrive complete')];
      }
      const extra = first.head.rest.slice(first.used ?? first.head.rest.length);
      out.push(expectThat('asgi.send.after-complete-ignored', '/wire', extra === '', 'octets followed the complete response', '(nothing)', shown(extra)));
      if (extra === '' && !session.stream.ended) {
        const offset = session.stream.text.length;
        session.stream.send(serializeRequest(reportRequest(context.suite, '/after-complete', true)));
        const closed = await session.stream.closed(ARRIVAL_MS);
        const two = readFinished(session.stream.text.slice(offset), closed);
        // a server may close a persistent connection at any time: only an answer that is not the probe's is a finding
        if (two.head) out.push(expectThat('asgi.send.after-complete-ignored', '/wire', two.head.status < 500 && two.complete, 'the next request on the connection was not answered cleanly', 'a complete response', shown(session.stream.text.slice(offset))));
      }
      session.stream.close();
      return out;
    },
  },
];

