import type { HttpRequest } from '../http/request.ts';
import type { SuiteContext } from '../run/entries.ts';
import { carriedPlan, plannedExchange, type ProbeProtocol } from '../run/reportedExchange.ts';
import type { PsgiProbeReport, PsgiResponsePlan } from './observation.ts';
import { validators } from './schemas.ts';

/** The PSGI probe's protocol: plans in X-Gwi-Psgi (HTTP_X_GWI_PSGI), reports by spec/psgi/probe-report.schema.json. */
export const protocol: ProbeProtocol<PsgiProbeReport> = {
  planField: 'X-Gwi-Psgi',
  get validate() {
    return validators.probeReport;
  },
  schemaFile: 'spec/psgi/probe-report.schema.json',
};

export const plannedRequest = (context: SuiteContext, plan: PsgiResponsePlan): HttpRequest => plannedExchange(protocol, context, plan);
export const planOf = (request: HttpRequest): PsgiResponsePlan | undefined => carriedPlan(protocol, request);
