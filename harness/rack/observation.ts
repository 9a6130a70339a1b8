import type { RackProbeReport } from '../generated/rackProbeReport.ts';
import type { RackResponsePlan } from '../generated/rackResponsePlan.ts';
import type { ReportedExchange } from '../run/reportedExchange.ts';
import type { Outcome } from '../run/outcome.ts';

export type { RackProbeReport, RubyValue } from '../generated/rackProbeReport.ts';
export type { RackResponsePlan } from '../generated/rackResponsePlan.ts';
export { deviation, expectThat, pass, type Outcome } from '../run/outcome.ts';

/** One Rack exchange: what was sent, what came back, what the application saw (or the plan it answered). */
export type Observation = ReportedExchange<RackProbeReport, RackResponsePlan>;

export type Check = (observation: Observation) => Outcome[];

export const inconclusive = (ruleId: string, pointer: string, reason: string): Outcome => ({ ruleId, ok: true, pointer, inconclusive: reason });
