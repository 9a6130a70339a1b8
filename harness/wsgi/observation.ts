import type { HttpRequest } from '../http/request.ts';
import type { RawResponse } from '../http/wire.ts';
import type { ProbeReport, PyValue } from '../generated/probeReport.ts';
import type { ResponsePlan } from '../generated/responsePlan.ts';
import type { ProbeEvent } from '../generated/probeEvents.ts';

export type { ProbeReport, PyValue, StreamCall } from '../generated/probeReport.ts';

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

/**
 * What one check concluded about one rule for one request. `ok: false` is a deviation;
 * `profile` records the choice made where the spec leaves one; `inconclusive` says why the rule could not be judged here.
 */
export interface Outcome {
  ruleId: string;
  ok: boolean;
  pointer: string;
  expected?: unknown;
  actual?: unknown;
  message?: string;
  profile?: string;
  inconclusive?: string;
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

/** Shorthand for an outcome that holds. */
export function pass(ruleId: string, pointer: string, extra: Partial<Outcome> = {}): Outcome {
  return { ruleId, ok: true, pointer, ...extra };
}

/** Shorthand for a deviation. */
export function deviation(ruleId: string, pointer: string, message: string, expected: unknown, actual: unknown): Outcome {
  return { ruleId, ok: false, pointer, message, expected, actual };
}

/** ok or deviation, from a condition. */
export function expectThat(ruleId: string, pointer: string, holds: boolean, message: string, expected: unknown, actual: unknown): Outcome {
  return holds ? pass(ruleId, pointer) : deviation(ruleId, pointer, message, expected, actual);
}

/** A PyValue as a short readable text for messages. */
export function show(value: PyValue | undefined): string {
  if (value === undefined) return '(absent)';
  return value.value === undefined ? `<${value.type}>` : `${value.type} ${JSON.stringify(value.value)}`;
}
