import type { ValidateFunction } from 'ajv';
import { GwiError } from '../core/errors.ts';
import { describeErrors } from '../spec/schemas.ts';
import { escapeOctets, serializeRequest, type HttpRequest } from '../http/request.ts';
import { exchange, type ExchangeResult, type RawResponse } from '../http/wire.ts';
import { readHead } from '../http/response.ts';
import { delay } from '../process/supervisor.ts';
import type { ExecuteContext } from './entries.ts';

/** What came back for one request: a response, or a head whose framing broke (`framingError`). */
export interface Sent {
  octets: Buffer;
  response: RawResponse;
  framingError?: string;
}

/**
 * Send one request on its own connection. Anything but an HTTP response is a GwiError naming the request (the server
 * crashed, hung, or answered garbage), except, when `partialHead` is set, a head whose body framing broke: that is a
 * finding about a scripted answer, returned with what could be read.
 */
export async function send(request: HttpRequest, context: ExecuteContext, options: { partialHead?: boolean } = {}): Promise<Sent> {
  const octets = serializeRequest(request);
  context.onRequest?.();
  const result = await exchange(context.server.port, octets, context.timeoutMs);
  if (result.kind === 'response') return { octets, response: result.response };
  if (options.partialHead && result.kind === 'garbage') {
    const head = readHead(result.raw.toString('latin1'));
    if (head.kind === 'head') {
      return { octets, response: { status: head.head.status, reason: head.head.reason, headers: head.head.headers, body: head.head.rest, raw: result.raw }, framingError: result.reason };
    }
  }
  const error = await failure(result, octets, context);
  error.request = octets;
  throw error;
}

/** The error for an exchange that did not end in a response. */
async function failure(result: Exclude<ExchangeResult, { kind: 'response' }>, octets: Buffer, context: ExecuteContext): Promise<GwiError> {
  const { process } = context.server;
  const sent = `\n  request: ${escapeOctets(octets)}`;
  // a dying server closes its sockets a moment before its exit is seen
  await Promise.race([process.exited, delay(300)]);
  if (process.hasExited) {
    return new GwiError('GWI_SERVER_CRASHED', `the server exited (${process.exitSignal ?? `code ${process.exitCode}`}) while handling a request${sent}\n${process.output.toString().split('\n').slice(-8).join('\n')}`, 'the request above makes the server die: report it to its maintainers');
  }
  if (result.kind === 'timeout') {
    return new GwiError('GWI_SERVER_TIMEOUT', `no complete response within ${context.timeoutMs} ms${sent}`, 'the server hangs on the request above; raise --timeout if it is only slow');
  }
  const why = result.kind === 'garbage' ? result.reason : result.error;
  // the server answered earlier requests (it passed readiness): this request, not the wiring, is what it chokes on
  const hint = result.raw.length === 0
    ? 'the server closed the connection on the request above without answering; send it by hand to see why (a request it refuses should get a 4xx)'
    : 'the server broke off or garbled its answer to the request above; send it by hand to see the raw reply';
  return new GwiError('GWI_SERVER_GARBAGE', `the server did not answer with HTTP: ${why}${sent}\n  received: ${escapeOctets(result.raw.subarray(0, 300))}`, hint);
}

/**
 * The probe's JSON report in a 200 answer, checked against its interface's schema (anything else is
 * GWI_SERVER_GARBAGE) and against the token of the server this run started (another's is GWI_SERVER_IDENTITY).
 */
export function readProbeReport<T>(body: string, octets: Buffer, validate: ValidateFunction<T>, schemaFile: string, token?: string): T {
  const sent = `\n  request: ${escapeOctets(octets)}`;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new GwiError('GWI_SERVER_GARBAGE', `a 200 response whose body is not the probe's JSON: ${escapeOctets(body.slice(0, 300))}${sent}`, 'check that the adapter serves {probeApp} and that nothing rewrites its output');
  }
  if (!validate(value)) {
    throw new GwiError('GWI_SERVER_GARBAGE', `the probe's report does not match ${schemaFile}: ${describeErrors(validate.errors).join('; ')}${sent}`, 'the probe and the harness must come from the same gwi-test version');
  }
  const answered = (value as { token?: unknown }).token;
  if (token !== undefined && answered !== undefined && answered !== token) {
    throw new GwiError('GWI_SERVER_IDENTITY', `the answer came from a probe another run started (token ${String(answered)}, not ${token})${sent}`, 'something else took over the port during the run: run again, and check what else listens on 127.0.0.1');
  }
  return value;
}
