import type { HttpRequest } from '../http/request.ts';
import type { ExecuteContext } from '../run/entries.ts';
import { readProbeReport, send } from '../run/send.ts';
import type { Observation } from './observation.ts';
import { probeEvents, type AsgiProbeEvent } from './response/events.ts';
import { planOf } from './response/plans.ts';
import { validators } from './schemas.ts';

const finished = (events: AsgiProbeEvent[]) => events.some((event) => event.e === 'returned' || event.e === 'raised');

/** Send one request and turn what comes back into an Observation; anything that is not HTTP is a GwiError. */
export async function execute(request: HttpRequest, context: ExecuteContext): Promise<Observation> {
  const plan = planOf(request);
  const { octets, response, framingError } = await send(request, context, { partialHead: plan !== undefined });
  const observation: Observation = { request, port: context.server.port, rootPath: context.scriptName, response };
  if (plan) {
    // a scripted answer: what happened inside the application is in the log
    observation.plan = plan;
    observation.events = context.log ? await context.log.until(plan.id, probeEvents, finished, 2000) : [];
    if (framingError) observation.framingError = framingError;
    return observation;
  }
  if (response.status !== 200) return observation; // the server answered without the probe: a rejection
  observation.report = readProbeReport(response.body, octets, validators.probeReport, 'spec/asgi/probe-report.schema.json', context.server.token);
  return observation;
}
