import type { PsgiProbeReport } from '../generated/psgiProbeReport.ts';
import type { PsgiResponsePlan } from '../generated/psgiResponsePlan.ts';
import type { HttpRequest } from '../http/request.ts';
import type { RawResponse } from '../http/wire.ts';
import type { Outcome } from '../run/outcome.ts';

export type { PsgiProbeReport, PerlValue } from '../generated/psgiProbeReport.ts';
export type { PsgiResponsePlan } from '../generated/psgiResponsePlan.ts';
export { deviation, expectThat, pass, type Outcome } from '../run/outcome.ts';

/** One PSGI exchange: what was sent, what came back, what the application saw. */
export interface Observation {
  request: HttpRequest;
  port: number;
  response: RawResponse;
  /** Absent when the server answered without the probe, or the probe answered a plan. */
  report?: PsgiProbeReport;
  plan?: PsgiResponsePlan;
}

export type Check = (observation: Observation) => Outcome[];

export const inconclusive = (ruleId: string, pointer: string, reason: string): Outcome => ({ ruleId, ok: true, pointer, inconclusive: reason });
