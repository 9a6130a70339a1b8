import { escapeOctets } from '../../http/request.ts';
import type { ScenarioDef, SuiteContext } from '../entries.ts';
import { deviation, expectThat, pass, type Outcome } from '../observation.ts';
import { newPlanId, plannedRequest, type PlannedRequestOptions, type ResponsePlan } from './plans.ts';
import { Session } from './session.ts';
import { headerValues } from '../../http/response.ts';
import { answersPlainRequest } from '../../run/liveness.ts';

// Bounds are generous on purpose: waits end as soon as what they wait for happens, so only a failing server pays them.
const PAUSE_REACHED_MS = 5000;
const ARRIVAL_MS = 5000;
const QUIET_MS = 300;
const CLOSE_CALLED_MS = 3000;
const SHORT_CLOSE_MS = 1500;

const planned = (plan: Omit<ResponsePlan, 'id'>, options?: PlannedRequestOptions) => (context: SuiteContext) => plannedRequest(context, { id: newPlanId(), ...plan }, options);
const inconclusive = (ruleId: string, reason: string): Outcome => ({ ruleId, ok: true, pointer: '/events', inconclusive: reason });
const shown = (text: string) => escapeOctets(text.slice(0, 300));
/** A body behind broken framing says nothing about the rule at hand: http.response.framing reports it. */
function unreadable(ruleId: string, result: { malformed?: string; complete: boolean; ended: boolean; head?: unknown }): Outcome[] | undefined {
  if (!result.head && !result.ended && !result.malformed) return [inconclusive(ruleId, 'no response arrived within the wait (a slow server is not judged on it)')];
  const why = result.malformed ?? (result.head && result.ended && !result.complete ? 'the connection closed before the framing said the body ended' : undefined);
  return why ? [inconclusive(ruleId, `the response framing is broken (${why})`)] : undefined;
}
/**
 * PEP 3333 asks servers to check the headers when start_response is called, so the error is raised while the
 * application still runs: judged from the probe's log of its first start_response call.
 */
async function refusedAtStartResponse(session: Session, ruleId: string, what: string): Promise<Outcome> {
  const first = await session.event((e) => e.e === 'start_response' && e.n === 1, CLOSE_CALLED_MS);
  if (!first) return inconclusive(ruleId, 'the probe logged no start_response call');
  return expectThat(ruleId, '/events/start_response/1', first.raised !== undefined, `start_response accepted ${what} without raising`, 'start_response raises', 'returned');
}

/**
 * A response that may carry no content, on a connection kept open: once the application's iterable is closed and the
 * connection has been quiet a while, octets after the header section would be read by a client as the next response.
 * A server that closes the connection is not judged here (the profile rules record what it sent).
 */
async function contentOnKeptConnection(request: Parameters<typeof Session.start>[0], context: Parameters<typeof Session.start>[1], ruleId: string, what: string): Promise<Outcome[]> {
  const session = await Session.start(request, context);
  const headed = await session.stream.until((text) => text.includes('\r\n\r\n'), CLOSE_CALLED_MS);
  await session.event((e) => e.e === 'close', CLOSE_CALLED_MS);
  const ended = await session.stream.closed(QUIET_MS);
  session.stream.close();
  if (!headed) return [inconclusive(ruleId, 'no response head arrived')];
  if (ended) return [pass(ruleId, '/wire', { message: 'the server closed the connection after the response' })];
  const text = session.stream.text;
  const after = text.slice(text.indexOf('\r\n\r\n') + 4);
  return [expectThat(ruleId, '/wire', after.length === 0, `${what} was followed by ${after.length} octets on a connection kept open`, 'nothing after the header section', shown(after))];
}

const pauseAt = (index: number) => (e: { e: string; i?: number }) => e.e === 'pause' && e.i === index;

/** After the application raised: the server still answers a plain request on a new connection (PEP 3333: it traps the error). */
async function serverGoesOn(context: Parameters<ScenarioDef['play']>[1]): Promise<Outcome> {
  // three tries, each on a new connection: a loaded machine must not turn a slow answer into a server that stopped
  let answered = false;
  for (let attempt = 0; attempt < 3 && !answered; attempt++) answered = await answersPlainRequest(context.execution.server, 3000);
  return expectThat('wsgi.response.error.server-traps', '/wire', answered, 'after the application raised, the server answered none of three plain requests, each given 3 s', 'an answer', 'none');
}

/** Cases of the response side that need turns: the application pauses, the harness watches the wire, then signals. */
export const responseScenarios: ScenarioDef[] = [
  {
    kind: 'scenario',
    id: 'response.headers-delayed',
    does: 'the application calls start_response, yields b"" and waits; the harness watches the wire meanwhile',
    rules: ['wsgi.response.headers-delayed'],
    request: planned({ body: ['', 'late'], shape: 'generator', pauseBefore: [1] }),
    async play(request, context) {
      const session = await Session.start(request, context);
      if (!(await session.event(pauseAt(1), PAUSE_REACHED_MS))) {
        await session.finish();
        return [inconclusive('wsgi.response.headers-delayed', 'the application never reached its pause')];
      }
      const early = await session.stream.until((text) => text.length > 0, QUIET_MS);
      const seen = session.stream.text;
      session.signal(1);
      await session.finish();
      return [expectThat('wsgi.response.headers-delayed', '/wire', !early, 'octets were sent while the application had yielded only b""', 'nothing before the first non-empty chunk', shown(seen))];
    },
  },
  {
    kind: 'scenario',
    id: 'response.streaming',
    does: 'the application yields a block and waits until the harness has seen it on the wire',
    rules: ['wsgi.response.streaming'],
    request: planned({ body: ['first-block', 'second-block'], shape: 'generator', pauseBefore: [1] }),
    async play(request, context) {
      const session = await Session.start(request, context);
      await session.event(pauseAt(1), PAUSE_REACHED_MS);
      const arrived = await session.stream.until((text) => text.includes('first-block'), ARRIVAL_MS);
      session.signal(1);
      await session.finish();
      return [expectThat('wsgi.response.streaming', '/wire', arrived, `the first block did not arrive within ${ARRIVAL_MS} ms while the application waited`, 'first-block on the wire', shown(session.stream.text))];
    },
  },
  {
    kind: 'scenario',
    id: 'response.write-streaming',
    does: 'the application calls write() and waits until the harness has seen the data on the wire',
    rules: ['wsgi.response.write.streaming'],
    request: planned({ writes: ['first-write', 'second-write'], pauseBeforeWrite: [1], body: [] }),
    async play(request, context) {
      const session = await Session.start(request, context);
      await session.event(pauseAt(1), PAUSE_REACHED_MS);
      const arrived = await session.stream.until((text) => text.includes('first-write'), ARRIVAL_MS);
      session.signal(1);
      await session.finish();
      return [expectThat('wsgi.response.write.streaming', '/wire', arrived, `data passed to write() did not arrive within ${ARRIVAL_MS} ms while the application waited`, 'first-write on the wire', shown(session.stream.text))];
    },
  },
  {
    kind: 'scenario',
    id: 'response.write-order',
    does: 'the application calls write() twice, then returns an iterable of two chunks',
    rules: ['wsgi.response.write.order'],
    request: planned({ writes: ['w1-', 'w2-'], body: ['i1-', 'i2'] }),
    async play(request, context) {
      const result = await (await Session.start(request, context)).finish();
      const { body } = result;
      const broken = unreadable('wsgi.response.write.order', result);
      if (broken) return broken;
      return [expectThat('wsgi.response.write.order', '/response/body', body === 'w1-w2-i1-i2', 'write() data and iterable data are not in that order', 'w1-w2-i1-i2', body)];
    },
  },
  {
    kind: 'scenario',
    id: 'response.error-in-iterable',
    does: 'the iterable (with close()) yields a chunk, then raises',
    rules: ['wsgi.response.close-on-error', 'wsgi.response.error-after-output', 'wsgi.response.error.server-traps'],
    request: planned({ body: ['before-error', 'never'], shape: 'closing', raiseAt: 1 }),
    async play(request, context) {
      const session = await Session.start(request, context);
      const { head, complete, framing } = await session.finish();
      const closed = await session.event((e) => e.e === 'close', CLOSE_CALLED_MS);
      const seen = !head ? 'no response' : head.status >= 500 ? `replaced by ${head.status}` : complete ? `looks complete (${framing})` : `cut short (${framing})`;
      return [
        expectThat('wsgi.response.close-on-error', '/events', closed !== undefined, 'close() was not called after the iterable raised', 'close() called', 'not called'),
        pass('wsgi.response.error-after-output', '/wire', { profile: seen }),
        await serverGoesOn(context),
      ];
    },
  },
  {
    kind: 'scenario',
    id: 'response.client-disconnects',
    does: 'the client closes the connection after the first chunk while the iterable (with close()) has megabytes more',
    rules: ['wsgi.response.close-on-disconnect'],
    request: planned({ body: ['start'], shape: 'closing', pauseBefore: [1], tail: { size: 65536, count: 400 } }),
    async play(request, context) {
      const session = await Session.start(request, context);
      await session.event(pauseAt(1), PAUSE_REACHED_MS);
      await session.stream.until((text) => text.includes('start'), ARRIVAL_MS);
      session.stream.close();
      session.signal(1);
      const closed = await session.event((e) => e.e === 'close', 8000);
      return [expectThat('wsgi.response.close-on-disconnect', '/events', closed !== undefined, 'close() was not called within 8 s of the client going away', 'close() called', 'not called')];
    },
  },
  {
    kind: 'scenario',
    id: 'response.exc-info-before-output',
    does: 'the application starts a 200, then starts a 500 with exc_info before any body',
    rules: ['wsgi.response.exc-info.replace', 'wsgi.response.exc-info.not-kept'],
    request: planned({ status: '200 OK', headers: [['X-First', '1']], errorStart: { status: '500 Replaced', headers: [['X-Second', '2']], at: 'before-body', body: ['error body'] } }),
    async play(request, context) {
      const session = await Session.start(request, context);
      const result = await session.finish();
      const { head, body } = result;
      const broken = unreadable('wsgi.response.exc-info.replace', result);
      if (broken) return broken;
      const replaced = head?.status === 500 && headerValues(head, 'x-second').length === 1 && headerValues(head, 'x-first').length === 0 && body === 'error body';
      const second = (await session.event((e) => e.e === 'start_response' && e.n === 2, CLOSE_CALLED_MS));
      const message = second?.raised
        ? `start_response with exc_info raised (${second.raised}) although nothing had been sent`
        : 'the second start_response (with exc_info) did not replace the first';
      const kept = await session.event((e) => e.e === 'exc-info', CLOSE_CALLED_MS);
      return [
        expectThat('wsgi.response.exc-info.replace', '/response', replaced, message, '500 with X-Second and "error body"', head ? `${head.statusLine} ${JSON.stringify(head.headers)} ${JSON.stringify(body)}` : 'no response'),
        kept
          ? expectThat('wsgi.response.exc-info.not-kept', '/events/exc-info', kept.held === false, 'the exception passed as exc_info was still alive after start_response returned', 'no reference kept', 'still referenced')
          : inconclusive('wsgi.response.exc-info.not-kept', second?.raised ? 'start_response with exc_info raised, so the probe could not look' : 'the probe logged no exc-info event'),
      ];
    },
  },
  {
    kind: 'scenario',
    id: 'response.exc-info-after-output',
    does: 'the application yields a chunk, waits until it is on the wire, then calls start_response with exc_info',
    rules: ['wsgi.response.exc-info.raise-after-headers', 'wsgi.response.exc-info.reraise'],
    request: planned({ headers: [['Content-Type', 'text/plain']], body: ['sent', 'unsent'], shape: 'generator', pauseBefore: [1], errorStart: { status: '500 Late', at: 'in-body', afterChunk: 1 } }),
    async play(request, context) {
      const session = await Session.start(request, context);
      await session.event(pauseAt(1), PAUSE_REACHED_MS);
      const headersOut = await session.stream.until((text) => text.includes('sent'), ARRIVAL_MS);
      session.signal(1);
      const second = await session.event((e) => e.e === 'start_response' && e.n === 2, PAUSE_REACHED_MS);
      await session.finish();
      if (!headersOut) {
        const why = 'the first chunk never reached the wire, so the headers may not have been sent (see wsgi.response.streaming)';
        return [inconclusive('wsgi.response.exc-info.raise-after-headers', why), inconclusive('wsgi.response.exc-info.reraise', why)];
      }
      if (!second) return [inconclusive('wsgi.response.exc-info.raise-after-headers', 'the application was not resumed'), inconclusive('wsgi.response.exc-info.reraise', 'the application was not resumed')];
      const out = [expectThat('wsgi.response.exc-info.raise-after-headers', '/events/start_response/2', second.raised !== undefined, 'start_response with exc_info returned normally after the headers were sent', 'raises', 'returned')];
      if (second.raised !== undefined) out.push(expectThat('wsgi.response.exc-info.reraise', '/events/start_response/2', second.reraised === true, 'start_response raised another exception than the one in exc_info', 'the exc_info exception', second.raised));
      return out;
    },
  },
  {
    kind: 'scenario',
    id: 'response.second-start',
    does: 'the application calls start_response twice without exc_info',
    rules: ['wsgi.response.second-start'],
    request: planned({ headers: [['Content-Type', 'text/plain']], secondStart: true, body: ['ok'] }),
    async play(request, context) {
      const session = await Session.start(request, context);
      await session.finish();
      const second = await session.event((e) => e.e === 'start_response' && e.n === 2, CLOSE_CALLED_MS);
      if (!second) return [inconclusive('wsgi.response.second-start', 'the probe logged no second call')];
      return [expectThat('wsgi.response.second-start', '/events/start_response/2', second.raised !== undefined, 'a second start_response without exc_info was accepted', 'raises', 'returned')];
    },
  },
  ...([['Keep-Alive', 'response.hop-by-hop'], ['keep-alive', 'response.hop-by-hop-lower-case']] as const).map(([name, id]): ScenarioDef => ({
    kind: 'scenario',
    id,
    does: `the application passes a ${name} header to start_response${name === 'keep-alive' ? ' (the name in lower case: header names are case-insensitive)' : ''}`,
    rules: ['wsgi.response.hop-by-hop'],
    request: planned({ headers: [[name, 'timeout=5']], body: ['ok'] }),
    async play(request, context) {
      const session = await Session.start(request, context);
      await session.finish();
      const first = await session.event((e) => e.e === 'start_response' && e.n === 1, CLOSE_CALLED_MS);
      if (!first) return [inconclusive('wsgi.response.hop-by-hop', 'the probe logged no start_response call')];
      return [expectThat('wsgi.response.hop-by-hop', '/events/start_response/1', first.raised !== undefined, `start_response accepted a hop-by-hop header (${name})`, 'raises', 'returned')];
    },
  })),
  {
    kind: 'scenario',
    id: 'response.header-injection',
    does: 'the application passes a header value holding CR LF and a second header line',
    rules: ['wsgi.response.header-control-chars'],
    request: planned({ headers: [['X-Split', 'a\r\nX-Injected: yes']], body: ['ok'] }),
    async play(request, context) {
      const session = await Session.start(request, context);
      const { head } = await session.finish();
      const injected = head ? headerValues(head, 'x-injected') : [];
      if (injected.length > 0) return [deviation('wsgi.response.header-control-chars', '/response/headers', 'a header line injected through a header value reached the wire', 'no X-Injected header', head?.headers ?? [])];
      return [await refusedAtStartResponse(session, 'wsgi.response.header-control-chars', 'a header value holding CR LF')];
    },
  },
  {
    kind: 'scenario',
    id: 'response.header-nul',
    does: 'the application passes a header value holding NUL',
    rules: ['http.response.field-syntax'],
    request: planned({ headers: [['X-Nul', 'a\u0000b']], body: ['ok'] }),
    async play(request, context) {
      const session = await Session.start(request, context);
      await session.finish();
      const text = session.stream.text;
      const end = text.indexOf('\r\n\r\n');
      const headSection = end < 0 ? text : text.slice(0, end);
      return [expectThat('http.response.field-syntax', '/wire', !headSection.includes('\u0000'), 'a NUL from a header value reached the wire', 'no NUL in the header section', shown(headSection))];
    },
  },
  {
    kind: 'scenario',
    id: 'response.header-non-latin1',
    does: 'the application passes a header value holding U+20AC, outside Latin-1',
    rules: ['wsgi.response.header-latin1'],
    request: planned({ headers: [['X-Euro', 'caf\u20ac']], body: ['ok'] }),
    async play(request, context) {
      const session = await Session.start(request, context);
      const { head } = await session.finish();
      const sent = head ? headerValues(head, 'x-euro') : [];
      if (sent.length > 0) return [deviation('wsgi.response.header-latin1', '/response/headers', 'a header value outside Latin-1 was sent in another encoding', 'no X-Euro header', sent.map(shown))];
      return [await refusedAtStartResponse(session, 'wsgi.response.header-latin1', 'a header value outside Latin-1')];
    },
  },
  {
    kind: 'scenario',
    id: 'response.content-length-exceeded',
    does: 'the application declares Content-Length: 4 and returns a generator of an 8-octet block and two 4-octet ones',
    rules: ['wsgi.response.content-length.limit', 'wsgi.response.content-length.stop'],
    request: planned({ headers: [['Content-Length', '4']], body: ['abcdefgh', 'ijkl', 'mnop'], shape: 'generator' }),
    async play(request, context) {
      const session = await Session.start(request, context);
      const { head } = await session.finish();
      // the generator logs each block as the server asks for it, whatever reaches the client; give a server that
      // goes on a moment to do so
      const asked = await session.event((e) => e.e === 'next' && (e.i ?? 0) >= 1, QUIET_MS);
      const first = await session.event((e) => e.e === 'next' && e.i === 0, CLOSE_CALLED_MS);
      return [
        head
          ? expectThat('wsgi.response.content-length.limit', '/wire', head.rest.length <= 4, 'more octets than the declared Content-Length were sent', 'at most 4 octets after the header section', shown(head.rest))
          : inconclusive('wsgi.response.content-length.limit', 'no response arrived'),
        first
          ? expectThat('wsgi.response.content-length.stop', '/events', asked === undefined, 'the server asked the iterable for another block after the declared 4 octets were sent', 'no block after the first', `block ${asked?.i} asked for`)
          : inconclusive('wsgi.response.content-length.stop', 'the probe logged no block taken from the iterable'),
      ];
    },
  },
  {
    kind: 'scenario',
    id: 'response.content-length-write-past',
    does: 'the application declares Content-Length: 4 and write()s two 4-octet blocks',
    rules: ['wsgi.response.content-length.stop'],
    request: planned({ headers: [['Content-Length', '4']], writes: ['abcd', 'efgh'], body: [] }),
    async play(request, context) {
      const session = await Session.start(request, context);
      await session.finish();
      const second = await session.event((e) => e.e === 'write' && e.i === 1, CLOSE_CALLED_MS);
      if (!second) return [inconclusive('wsgi.response.content-length.stop', 'the probe logged no second write()')];
      return [expectThat('wsgi.response.content-length.stop', '/events/write/1', second.raised !== undefined, 'write() past the declared Content-Length returned normally', 'write() raises', 'returned')];
    },
  },
  {
    kind: 'scenario',
    id: 'response.content-length-short',
    does: 'on a persistent HTTP/1.1 connection, the application declares Content-Length: 12 and yields 4 octets',
    rules: ['wsgi.response.content-length.short'],
    request: planned({ headers: [['Content-Length', '12']], body: ['abcd'] }, { close: false }),
    async play(request, context) {
      const session = await Session.start(request, context);
      await session.stream.until((text) => text.includes('abcd'), ARRIVAL_MS);
      // promptly: a connection that only ends when an idle keep-alive timer fires left the client waiting
      const closed = await session.stream.closed(SHORT_CLOSE_MS);
      session.stream.close();
      return [expectThat('wsgi.response.content-length.short', '/wire', closed, `the connection stayed open ${SHORT_CLOSE_MS} ms with the body 8 octets short`, 'connection closed', 'still open')];
    },
  },
  {
    kind: 'scenario',
    id: 'response.file-wrapper-dropped',
    does: 'the application wraps a temporary file in wsgi.file_wrapper, drops the wrapper and returns a list of two other blocks',
    rules: ['wsgi.file-wrapper.not-returned'],
    request: planned({ headers: [['Content-Type', 'text/plain']], droppedWrapper: 'FROM THE DROPPED FILE', body: ['returned ', 'body'] }),
    async play(request, context) {
      const session = await Session.start(request, context);
      const result = await session.finish();
      const made = await session.event((e) => e.e === 'wrapper-dropped', CLOSE_CALLED_MS);
      if (!made) return [inconclusive('wsgi.file-wrapper.not-returned', 'the probe logged no file wrapper made')];
      return unreadable('wsgi.file-wrapper.not-returned', result) ?? [expectThat('wsgi.file-wrapper.not-returned', '/response/body', result.body === 'returned body', 'the body sent is not only what the application returned', 'returned body', shown(result.body))];
    },
  },
  ...(['file-wrapper', 'file-wrapper-readonly'] as const).map((shape): ScenarioDef => {
    const bodyRule = shape === 'file-wrapper' ? 'wsgi.file-wrapper.body' : 'wsgi.file-wrapper.read-only';
    return {
      kind: 'scenario',
      id: `response.${shape}`,
      does: `the application returns wsgi.file_wrapper(${shape === 'file-wrapper' ? 'a temporary file' : 'an object with only read() and close()'}, 4)`,
      rules: [bodyRule, 'wsgi.file-wrapper.close'],
      request: planned({ shape, body: ['file ', 'wrapper ', 'content'], blockSize: 4 }),
      async play(request, context) {
        const session = await Session.start(request, context);
        const result = await session.finish();
        const { body } = result;
        const closed = await session.event((e) => e.e === 'filelike-close', CLOSE_CALLED_MS);
        return [
          ...(unreadable(bodyRule, result) ?? [expectThat(bodyRule, '/response/body', body === 'file wrapper content', 'the file wrapper did not send the content', 'file wrapper content', body)]),
          expectThat('wsgi.file-wrapper.close', '/events', closed !== undefined, 'close() of the file-like object was not called', 'close() called', 'not called'),
        ];
      },
    };
  }),
  {
    kind: 'scenario',
    id: 'response.expect-continue',
    does: 'sends a header section with Expect: 100-continue, waits up to 2 s for 100 Continue, then sends the body',
    rules: ['wsgi.expect-continue', 'wsgi.expect-continue.not-waiting'],
    request: planned({ readBody: true, body: ['got it'] }, { method: 'POST', headers: [['Expect', '100-continue']], body: 'expected body' }),
    async play(request, context) {
      const session = await Session.start(request, context, { holdBody: true });
      const continued = await session.stream.until((text) => /^HTTP\/1\.1 100/.test(text), 2000);
      session.stream.send(request.body);
      const { head, body } = await session.finish();
      const read = await session.event((e) => e.e === 'read', CLOSE_CALLED_MS);
      const ok = head?.status === 200 && body === 'got it' && read?.data === request.body;
      const profile = continued ? '100 Continue before the body' : 'no 100 Continue (waited for the body)';
      return [
        ok ? pass('wsgi.expect-continue', '/events', { profile }) : deviation('wsgi.expect-continue', '/events', 'the request with Expect: 100-continue did not complete with its body read', { status: 200, read: request.body }, { status: head?.status, read: read?.data ?? 'nothing' }),
        // PEP 3333 asks this of servers that implement HTTP/1.1; one that answers as HTTP/1.0 (wsgiref) has no 100 to send
        head && !/^HTTP\/1\.1 /.test(head.statusLine)
          ? inconclusive('wsgi.expect-continue.not-waiting', `the server answers as ${head.statusLine.split(' ')[0]}: 100 (Continue) is HTTP/1.1's`)
          : expectThat('wsgi.expect-continue.not-waiting', '/wire', continued, 'no 100 Continue within 2 s, while the application reads the body at once: the client has to give up waiting', '100 Continue', 'nothing before the body was sent'),
      ];
    },
  },
  {
    kind: 'scenario',
    id: 'response.error-before-output',
    does: 'the application raises before calling start_response',
    rules: ['wsgi.response.error-before-output', 'wsgi.response.error.server-traps'],
    request: planned({ raiseBeforeStart: true }),
    async play(request, context) {
      const { head } = await (await Session.start(request, context)).finish();
      return [pass('wsgi.response.error-before-output', '/wire', { profile: head ? `status ${head.status}` : 'connection closed without a response' }), await serverGoesOn(context)];
    },
  },
  {
    kind: 'scenario',
    id: 'response.head',
    does: 'sends HEAD to an application that returns a body',
    rules: ['http.response.head-no-body'],
    request: planned({ headers: [['Content-Type', 'text/plain']], body: ['not for HEAD'] }, { method: 'HEAD' }),
    async play(request, context) {
      const { head, ended } = await (await Session.start(request, context)).finish();
      if (!head) return [inconclusive('http.response.head-no-body', 'no response arrived')];
      if (!ended) return [inconclusive('http.response.head-no-body', 'the connection stayed open, so whether content follows is unknown')];
      return [pass('http.response.head-no-body', '/wire', { profile: head.rest.length === 0 ? 'content dropped' : 'application content sent' })];
    },
  },
  {
    kind: 'scenario',
    id: 'response.http10-streamed',
    does: 'sends an HTTP/1.0 request to an application that streams two blocks without Content-Length',
    rules: ['http.response.te.http10'],
    request: planned({ headers: [['Content-Type', 'text/plain']], body: ['first block, ', 'second block'] }, { version: 'HTTP/1.0' }),
    async play(request, context) {
      const { head } = await (await Session.start(request, context)).finish();
      if (!head) return [inconclusive('http.response.te.http10', 'no response arrived')];
      const codings = headerValues(head, 'transfer-encoding');
      return [expectThat('http.response.te.http10', '/response/headers', codings.length === 0, 'the response to an HTTP/1.0 request carries Transfer-Encoding', 'no Transfer-Encoding', codings)];
    },
  },
  {
    kind: 'scenario',
    id: 'response.204-without-length',
    does: 'the application answers 204 with no Content-Length and an empty body',
    rules: ['http.response.te.no-content-status'],
    request: planned({ status: '204 No Content', body: [] }),
    async play(request, context) {
      const { head } = await (await Session.start(request, context)).finish();
      if (!head) return [inconclusive('http.response.te.no-content-status', 'no response arrived')];
      const codings = headerValues(head, 'transfer-encoding');
      return [expectThat('http.response.te.no-content-status', '/response/headers', codings.length === 0, 'a 204 response carries Transfer-Encoding', 'no Transfer-Encoding', codings)];
    },
  },
  {
    kind: 'scenario',
    id: 'response.http10-expect-continue',
    does: 'sends an HTTP/1.0 header section with Expect: 100-continue and Content-Length, waits 1 s, then sends the body',
    rules: ['http.response.continue.http10'],
    request: planned({ readBody: true, body: ['got it'] }, { method: 'POST', version: 'HTTP/1.0', headers: [['Expect', '100-continue']], body: 'expected body' }),
    async play(request, context) {
      const session = await Session.start(request, context, { holdBody: true });
      const interim = await session.stream.until((text) => /^HTTP\/1\.\d 100/.test(text), 1000);
      session.stream.send(request.body);
      await session.finish();
      return [expectThat('http.response.continue.http10', '/wire', !interim, 'the server sent 100 (Continue) to an HTTP/1.0 request', 'no interim response', shown(session.stream.text.slice(0, 40)))];
    },
  },
  {
    kind: 'scenario',
    id: 'response.head-kept-alive',
    does: 'sends HEAD on a kept-alive connection to an application that returns a body',
    rules: ['http.response.persistent.head-content'],
    request: planned({ headers: [['Content-Type', 'text/plain'], ['Content-Length', '12']], body: ['not for HEAD'] }, { method: 'HEAD', close: false }),
    play: (request, context) => contentOnKeptConnection(request, context, 'http.response.persistent.head-content', 'a response to HEAD'),
  },
  ...(['204 No Content', '304 Not Modified'] as const).map((status): ScenarioDef => ({
    kind: 'scenario',
    id: `response.status-${status.slice(0, 3)}-kept-alive`,
    does: `the application answers ${status} with a body, on a kept-alive connection`,
    rules: ['http.response.persistent.no-body-status-content'],
    request: planned({ status, body: ['not for this status'] }, { close: false }),
    play: (request, context) => contentOnKeptConnection(request, context, 'http.response.persistent.no-body-status-content', `a ${status.slice(0, 3)} response`),
  })),
  ...(['204 No Content', '304 Not Modified'] as const).map((status): ScenarioDef => ({
    kind: 'scenario',
    id: `response.status-${status.slice(0, 3)}`,
    does: `the application answers ${status} with a body`,
    rules: ['http.response.no-body-status'],
    request: planned({ status, body: ['not for this status'] }),
    async play(request, context) {
      const { head, ended } = await (await Session.start(request, context)).finish();
      if (!head) return [inconclusive('http.response.no-body-status', 'no response arrived')];
      if (!ended) return [inconclusive('http.response.no-body-status', 'the connection stayed open, so whether content follows is unknown')];
      return [pass('http.response.no-body-status', '/wire', { profile: `${status.slice(0, 3)}: ${head.rest.length === 0 ? 'content dropped' : 'application content sent'}` })];
    },
  })),
];
