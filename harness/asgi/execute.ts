import { GwiError } from '../core/errors.ts';
import { escapeOctets, type HttpRequest } from '../http/request.ts';
import type { ExecuteContext } from '../run/entries.ts';
import { send } from '../run/send.ts';
import { describeErrors } from '../spec/schemas.ts';
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
  const sent = `\n  request: ${escapeOctets(octets)}`;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    throw new GwiError('GWI_SERVER_GARBAGE', `a 200 response whose body is not the probe's JSON: ${escapeOctets(response.body.slice(0, 300))}${sent}`, 'check that the adapter serves {probeApp} and that nothing rewrites its output');
  }
  if (!validators.probeReport(body)) {
    throw new GwiError('GWI_SERVER_GARBAGE', `the probe's report does not match spec/asgi/probe-report.schema.json: ${describeErrors(validators.probeReport.errors).join('; ')}${sent}`, 'the probe and the harness must come from the same gwi-test version');
  }
  observation.report = body;
  return observation;
}
