import type { PsgiProbeReport } from '../generated/psgiProbeReport.ts';
import type { PsgiResponsePlan } from '../generated/psgiResponsePlan.ts';
import type { ReportedExchange } from '../run/reportedExchange.ts';
import type { Outcome } from '../run/outcome.ts';

export type { PsgiProbeReport, PerlValue } from '../generated/psgiProbeReport.ts';
export type { PsgiResponsePlan } from '../generated/psgiResponsePlan.ts';
export { deviation, expectThat, pass, type Outcome } from '../run/outcome.ts';

/** One PSGI exchange: what was sent, what came back, what the application saw (or the plan it answered). */
export type Observation = ReportedExchange<PsgiProbeReport, PsgiResponsePlan>;

export type Check = (observation: Observation) => Outcome[];

export const inconclusive = (ruleId: string, pointer: string, reason: string): Outcome => ({ ruleId, ok: true, pointer, inconclusive: reason });
