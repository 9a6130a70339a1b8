import { lazily, load } from '../spec/schemas.ts';
import type { CgiProbeReport } from '../generated/cgiProbeReport.ts';
import type { CgiResponsePlan } from '../generated/cgiResponsePlan.ts';

/** The CGI plugin's schemas (spec/cgi/), each compiled once, on first use. */
export const validators = lazily({
  probeReport: () => load<CgiProbeReport>('cgi/probe-report.schema.json'),
  responsePlan: () => load<CgiResponsePlan>('cgi/response-plan.schema.json'),
});
