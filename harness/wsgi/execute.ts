import type { HttpRequest } from '../http/request.ts';
import { readProbeReport, send } from '../run/send.ts';
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
  observation.report = readProbeReport(response.body, octets, validators.probeReport, 'spec/wsgi/probe-report.schema.json', context.server.token);
  return observation;
}
