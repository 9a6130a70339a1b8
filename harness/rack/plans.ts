import type { HttpRequest } from '../http/request.ts';
import type { SuiteContext } from '../run/entries.ts';
import { carriedPlan, plannedExchange, type ProbeProtocol } from '../run/reportedExchange.ts';
import type { RackProbeReport, RackResponsePlan } from './observation.ts';
import { validators } from './schemas.ts';

/** The Rack probe's protocol: plans in X-Gwi-Rack (HTTP_X_GWI_RACK), reports by spec/rack/probe-report.schema.json. */
export const protocol: ProbeProtocol<RackProbeReport> = {
  planField: 'X-Gwi-Rack',
  get validate() {
    return validators.probeReport;
  },
  schemaFile: 'spec/rack/probe-report.schema.json',
};

export const plannedRequest = (context: SuiteContext, plan: RackResponsePlan): HttpRequest => plannedExchange(protocol, context, plan);
export const planOf = (request: HttpRequest): RackResponsePlan | undefined => carriedPlan(protocol, request);
