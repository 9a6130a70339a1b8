import { lazily, load, loadDef } from '../spec/schemas.ts';
import type { ProbeReport } from '../generated/probeReport.ts';
import type { ResponsePlan } from '../generated/responsePlan.ts';
import type { ProbeEvent } from '../generated/probeEvents.ts';
import type { DriverCommand, DriverReply } from '../generated/driverProtocol.ts';

/** The WSGI plugin's schemas (spec/wsgi/), each compiled once, on first use. */
export const validators = lazily({
  probeReport: () => load<ProbeReport>('wsgi/probe-report.schema.json'),
  responsePlan: () => load<ResponsePlan>('wsgi/response-plan.schema.json'),
  probeEvent: () => load<ProbeEvent>('wsgi/probe-events.schema.json'),
  driverCommand: () => loadDef<DriverCommand>('wsgi/driver-protocol.schema.json', 'command'),
  driverReply: () => loadDef<DriverReply>('wsgi/driver-protocol.schema.json', 'reply'),
});
