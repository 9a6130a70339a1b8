import { GwiError } from '../errors.ts';
import { escapeOctets, serializeRequest, type HttpRequest } from '../http/request.ts';
import { exchange } from '../http/wire.ts';
import { readHead } from '../http/response.ts';
import { validators, describeErrors } from '../spec/schemas.ts';
import type { Observation } from '../wsgi/observation.ts';
import type { RunningServer } from './server.ts';
import { delay } from '../process/supervisor.ts';
import { has, type EventLog, type ProbeEvent } from '../wsgi/response/eventLog.ts';
import { closeEvent, planOf } from '../wsgi/response/plans.ts';

export interface ExecuteContext {
  server: RunningServer;
  scriptName: string;
  /** Bound on one exchange. */
  timeoutMs: number;
  /** Called once per request sent, e.g. to count them for a benchmark. */
  onRequest?: () => void;
  /** Where the probe logs response plans' events. */
  log?: EventLog;
}

/** Send one request and turn what comes back into an Observation; anything that is not HTTP is a GwiError. */
export async function execute(request: HttpRequest, context: ExecuteContext): Promise<Observation> {
  const octets = serializeRequest(request);
  const { port, process } = context.server;
  context.onRequest?.();
  const result = await exchange(port, octets, context.timeoutMs);
  const sent = `\n  request: ${escapeOctets(octets)}`;
  const plan = planOf(request);
  if (plan && result.kind === 'garbage') {
    // a scripted answer with a head but broken framing is a finding about the response, not a harness error
    const head = readHead(result.raw.toString('latin1'));
    if (head.kind === 'head') {
      const partial = { status: head.head.status, reason: head.head.reason, headers: head.head.headers, body: head.head.rest, raw: result.raw };
      return { request, port, scriptName: context.scriptName, response: partial, plan, events: [], framingError: result.reason };
    }
  }
  if (result.kind !== 'response') {
    // a dying server closes its sockets a moment before its exit is seen
    await Promise.race([process.exited, delay(300)]);
    if (process.hasExited) {
      throw new GwiError('GWI_SERVER_CRASHED', `the server exited (${process.exitSignal ?? `code ${process.exitCode}`}) while handling a request${sent}\n${process.output.toString().split('\n').slice(-8).join('\n')}`, 'the request above makes the server die: report it to its maintainers');
    }
    if (result.kind === 'timeout') {
      throw new GwiError('GWI_SERVER_TIMEOUT', `no complete response within ${context.timeoutMs} ms${sent}`, 'the server hangs on the request above; raise --timeout if it is only slow');
    }
    const why = result.kind === 'garbage' ? result.reason : result.error;
    // the server answered earlier requests (it passed readiness): this request, not the wiring, is what it chokes on
    const hint = result.raw.length === 0
      ? 'the server closed the connection on the request above without answering; send it by hand to see why (a request it refuses should get a 4xx)'
      : 'the server broke off or garbled its answer to the request above; send it by hand to see the raw reply';
    throw new GwiError('GWI_SERVER_GARBAGE', `the server did not answer with HTTP: ${why}${sent}\n  received: ${escapeOctets(result.raw.subarray(0, 300))}`, hint);
  }
  const { response } = result;
  const observation: Observation = { request, port, scriptName: context.scriptName, response };
  if (plan) {
    // a scripted answer: its body is the plan's, and what happened inside the application is in the log
    const closing = closeEvent(plan);
    const done = (events: ProbeEvent[]) => (closing ? has(events, closing) : has(events, 'returned') || has(events, 'raise'));
    observation.plan = plan;
    observation.events = context.log ? await context.log.until(plan.id, done, 2000) : [];
    return observation;
  }
  if (response.status !== 200) return observation; // the server answered without the probe: a rejection
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    throw new GwiError('GWI_SERVER_GARBAGE', `a 200 response whose body is not the probe's JSON: ${escapeOctets(response.body.slice(0, 300))}${sent}`, 'check that the adapter serves {probeApp} and that nothing rewrites its output');
  }
  if (!validators.probeReport(body)) {
    throw new GwiError('GWI_SERVER_GARBAGE', `the probe's report does not match spec/wsgi/probe-report.schema.json: ${describeErrors(validators.probeReport.errors).join('; ')}${sent}`, 'the probe and the harness must come from the same gwi-test version');
  }
  observation.report = body;
  return observation;
}
