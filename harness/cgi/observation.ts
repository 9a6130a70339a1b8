import type { CgiProbeReport } from '../generated/cgiProbeReport.ts';
import type { CgiResponsePlan } from '../generated/cgiResponsePlan.ts';
import type { HttpRequest } from '../http/request.ts';
import type { RawResponse } from '../http/wire.ts';
import type { Outcome } from '../run/outcome.ts';

export type { CgiProbeReport } from '../generated/cgiProbeReport.ts';
export type { CgiResponsePlan } from '../generated/cgiResponsePlan.ts';
export { deviation, expectThat, pass, type Outcome } from '../run/outcome.ts';

/** One CGI exchange: what was sent (its target below the mount prefix), what came back, what the script saw. */
export interface Observation {
  request: HttpRequest;
  port: number;
  /** The mount prefix the adapter declares: the SCRIPT_NAME the script must get. */
  scriptName: string;
  response: RawResponse;
  /** Absent when the server answered without running the probe, or the probe answered a plan. */
  report?: CgiProbeReport;
  plan?: CgiResponsePlan;
}

export type Check = (observation: Observation) => Outcome[];

/** An outcome that says the rule could not be judged on this input, and why. */
export const inconclusive = (ruleId: string, pointer: string, reason: string): Outcome => ({ ruleId, ok: true, pointer, inconclusive: reason });
