import { lazily, load, loadDef } from '../spec/schemas.ts';
import type { PsgiProbeReport } from '../generated/psgiProbeReport.ts';
import type { PsgiResponsePlan } from '../generated/psgiResponsePlan.ts';
import type { PsgiDriverCommand, PsgiDriverReply } from '../generated/psgiDriverProtocol.ts';

/** The PSGI plugin's schemas (spec/psgi/), each compiled once, on first use. */
export const validators = lazily({
  probeReport: () => load<PsgiProbeReport>('psgi/probe-report.schema.json'),
  responsePlan: () => load<PsgiResponsePlan>('psgi/response-plan.schema.json'),
  driverCommand: () => loadDef<PsgiDriverCommand>('psgi/driver-protocol.schema.json', 'command'),
  driverReply: () => loadDef<PsgiDriverReply>('psgi/driver-protocol.schema.json', 'reply'),
});
