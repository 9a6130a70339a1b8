import { lazily, load } from '../spec/schemas.ts';
import type { PsgiProbeReport } from '../generated/psgiProbeReport.ts';
import type { PsgiResponsePlan } from '../generated/psgiResponsePlan.ts';

/** The PSGI plugin's schemas (spec/psgi/), each compiled once, on first use. */
export const validators = lazily({
  probeReport: () => load<PsgiProbeReport>('psgi/probe-report.schema.json'),
  responsePlan: () => load<PsgiResponsePlan>('psgi/response-plan.schema.json'),
});
