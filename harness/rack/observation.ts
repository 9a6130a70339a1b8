import type { RackProbeReport } from '../generated/rackProbeReport.ts';
import type { RackResponsePlan } from '../generated/rackResponsePlan.ts';
import type { HttpRequest } from '../http/request.ts';
import type { RawResponse } from '../http/wire.ts';
import type { Outcome } from '../run/outcome.ts';

export type { RackProbeReport, RubyValue } from '../generated/rackProbeReport.ts';
export type { RackResponsePlan } from '../generated/rackResponsePlan.ts';
export { deviation, expectThat, pass, type Outcome } from '../run/outcome.ts';

/** One Rack exchange: what was sent, what came back, what the application saw. */
export interface Observation {
  request: HttpRequest;
  port: number;
  response: RawResponse;
  /** Absent when the server answered without the probe, or the probe answered a plan. */
  report?: RackProbeReport;
  plan?: RackResponsePlan;
}

export type Check = (observation: Observation) => Outcome[];

export const inconclusive = (ruleId: string, pointer: string, reason: string): Outcome => ({ ruleId, ok: true, pointer, inconclusive: reason });
