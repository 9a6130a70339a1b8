import type { HttpRequest } from '../http/request.ts';
import type { ExecuteContext } from '../run/entries.ts';
import { readProbeReport, send } from '../run/send.ts';
import type { Observation } from './observation.ts';
import { planOf } from './plans.ts';
import { validators } from './schemas.ts';

/** Send one request and read what came back: the probe's report, or (for a plan) the response itself. */
export async function execute(request: HttpRequest, context: ExecuteContext): Promise<Observation> {
  const { octets, response } = await send(request, context);
  const observation: Observation = { request, port: context.server.port, response };
  const plan = planOf(request);
  if (plan) return { ...observation, plan };
  if (response.status !== 200) return observation;
  observation.report = readProbeReport(response.body, octets, validators.probeReport, 'spec/psgi/probe-report.schema.json', context.server.token);
  return observation;
}
