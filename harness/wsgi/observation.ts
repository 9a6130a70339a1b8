import type { HttpRequest } from '../http/request.ts';
import type { RawResponse } from '../http/wire.ts';
import type { ProbeReport, PyValue } from '../generated/probeReport.ts';
import type { ResponsePlan } from '../generated/responsePlan.ts';
import type { ProbeEvent } from '../generated/probeEvents.ts';

export type { ProbeReport, PyValue, StreamCall } from '../generated/probeReport.ts';
import type { Outcome } from '../run/outcome.ts';
export { deviation, expectThat, pass, type Outcome } from '../run/outcome.ts';

/** Everything known about one exchange: what was sent, what came back, what the probe saw. */
export interface Observation {
  request: HttpRequest;
  /** The port the harness connected to. */
  port: number;
  /** SCRIPT_NAME the adapter declares. */
  scriptName: string;
  response: RawResponse;
  /** Absent when the server answered without running the probe (a rejection). */
  report?: ProbeReport;
  /** For a request carrying a response plan: the plan, and what the probe logged while answering it. */
  plan?: ResponsePlan;
  events?: ProbeEvent[];
  /** For a scripted answer whose framing is broken: why; `response` then holds what could be read. */
  framingError?: string;
}

export type Check = (observation: Observation) => Outcome[];

export function environValue(report: ProbeReport, key: string): PyValue | undefined {
  return Object.prototype.hasOwnProperty.call(report.environ, key) ? report.environ[key] : undefined;
}

/** The str value of a key; undefined when absent or not a str. */
export function environString(report: ProbeReport, key: string): string | undefined {
  const value = environValue(report, key);
  return value?.type === 'str' && typeof value.value === 'string' ? value.value : undefined;
}

export const pointerTo = (key: string) => `/report/environ/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** A PyValue as a short readable text for messages. */
export function show(value: PyValue | undefined): string {
  if (value === undefined) return '(absent)';
  return value.value === undefined ? `<${value.type}>` : `${value.type} ${JSON.stringify(value.value)}`;
}
