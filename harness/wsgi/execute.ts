import { GwiError } from '../core/errors.ts';
import { escapeOctets, type HttpRequest } from '../http/request.ts';
import { send } from '../run/send.ts';
import { describeErrors } from '../spec/schemas.ts';
import { validators } from './schemas.ts';
import type { Observation } from './observation.ts';
import type { ExecuteContext } from '../run/entries.ts';
import { has, probeEvents, type ProbeEvent } from './response/events.ts';
import { closeEvent, planOf } from './response/plans.ts';

export type { ExecuteContext } from '../run/entries.ts';

/** Send one request and turn what comes back into an Observation; anything that is not HTTP is a GwiError. */
export async function execute(request: HttpRequest, context: ExecuteContext): Promise<Observation> {
  const plan = planOf(request);
  const { octets, response, framingError } = await send(request, context, { partialHead: plan !== undefined });
  const { port } = context.server;
  const sent = `\n  request: ${escapeOctets(octets)}`;
  // a scripted answer with a head but broken framing is a finding about the response, not a harness error
  if (plan && framingError) return { request, port, scriptName: context.scriptName, response, plan, events: [], framingError };
  const observation: Observation = { request, port, scriptName: context.scriptName, response };
  if (plan) {
    // a scripted answer: its body is the plan's, and what happened inside the application is in the log
    const closing = closeEvent(plan);
    const done = (events: ProbeEvent[]) => (closing ? has(events, closing) : has(events, 'returned') || has(events, 'raise'));
    observation.plan = plan;
    observation.events = context.log ? await context.log.until(plan.id, probeEvents, done, 2000) : [];
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
