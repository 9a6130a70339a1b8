import { lazily, load } from '../spec/schemas.ts';
import type { RackProbeReport } from '../generated/rackProbeReport.ts';
import type { RackResponsePlan } from '../generated/rackResponsePlan.ts';

/** The Rack plugin's schemas (spec/rack/), each compiled once, on first use. */
export const validators = lazily({
  probeReport: () => load<RackProbeReport>('rack/probe-report.schema.json'),
  responsePlan: () => load<RackResponsePlan>('rack/response-plan.schema.json'),
});
