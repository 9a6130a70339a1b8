import { lazily, load, loadDef } from '../spec/schemas.ts';
import type { RackProbeReport } from '../generated/rackProbeReport.ts';
import type { RackHijackReport } from '../generated/rackHijackReport.ts';
import type { RackResponsePlan } from '../generated/rackResponsePlan.ts';
import type { RackDriverCommand, RackDriverReply } from '../generated/rackDriverProtocol.ts';

/** The Rack plugin's schemas (spec/rack/), each compiled once, on first use. */
export const validators = lazily({
  probeReport: () => load<RackProbeReport>('rack/probe-report.schema.json'),
  hijackReport: () => load<RackHijackReport>('rack/hijack-report.schema.json'),
  responsePlan: () => load<RackResponsePlan>('rack/response-plan.schema.json'),
  driverCommand: () => loadDef<RackDriverCommand>('rack/driver-protocol.schema.json', 'command'),
  driverReply: () => loadDef<RackDriverReply>('rack/driver-protocol.schema.json', 'reply'),
});
