import type { HttpRequest } from '../http/request.ts';
import type { ExecuteContext } from '../run/entries.ts';
import { readProbeReport, send } from '../run/send.ts';
import { planOf } from './plans.ts';
import type { Observation } from './observation.ts';
import { validators } from './schemas.ts';

/** Send one request (its target already below the mount prefix: see mounted()) and read what came back. */
export async function execute(request: HttpRequest, context: ExecuteContext): Promise<Observation> {
  const { octets, response } = await send(request, context);
  const observation: Observation = { request, port: context.server.port, scriptName: context.scriptName, response };
  const plan = planOf(request);
  // a planned answer is judged from the response, unless it led to a report (a local redirect); anything but a 200
  // is the server's own answer
  if (plan) observation.plan = plan;
  const reported = !plan || response.body.startsWith('{"format"');
  if (!reported || response.status !== 200) return observation;
  observation.report = readProbeReport(response.body, octets, validators.probeReport, 'spec/cgi/probe-report.schema.json', context.server.token);
  return observation;
}
