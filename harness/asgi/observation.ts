import type { HttpRequest } from '../http/request.ts';
import type { RawResponse } from '../http/wire.ts';
import type { AsgiProbeReport } from '../generated/asgiProbeReport.ts';
import type { AsgiResponsePlan } from '../generated/asgiResponsePlan.ts';
import type { AsgiProbeEvent } from '../generated/asgiProbeEvents.ts';
import type { Outcome } from '../run/outcome.ts';
import type { PyProjection } from './py.ts';

export type { AsgiProbeReport } from '../generated/asgiProbeReport.ts';
export { deviation, expectThat, pass, type Outcome } from '../run/outcome.ts';

/** Everything known about one ASGI exchange: what was sent, what came back, what the probe saw. */
export interface Observation {
  request: HttpRequest;
  /** The port the harness connected to. */
  port: number;
  /** The mount prefix the adapter declares (its scriptName), which root_path must carry. */
  rootPath: string;
  response: RawResponse;
  /** Absent when the server answered without running the probe (a rejection). */
  report?: AsgiProbeReport;
  /** For a request carrying a response plan: the plan, and what the probe logged while answering it. */
  plan?: AsgiResponsePlan;
  events?: AsgiProbeEvent[];
  /** For a scripted answer whose framing is broken: why; `response` then holds what could be read. */
  framingError?: string;
}

export type Check = (observation: Observation) => Outcome[];

export const scopePointer = (key: string) => `/report/scope/${key}`;

export function scopeValue(report: AsgiProbeReport, key: string): PyProjection | undefined {
  return Object.prototype.hasOwnProperty.call(report.scope, key) ? (report.scope[key] as PyProjection) : undefined;
}

/** An outcome that says the rule could not be judged on this input, and why. */
export const inconclusive = (ruleId: string, pointer: string, reason: string): Outcome => ({ ruleId, ok: true, pointer, inconclusive: reason });
