import type { ValidateFunction } from 'ajv';
import type { HttpRequest } from '../http/request.ts';
import type { RawResponse } from '../http/wire.ts';
import type { ExecuteContext, SuiteContext } from './entries.ts';
import { asciiJson } from './plannedRequest.ts';
import { readProbeReport, send } from './send.ts';

/**
 * One exchange with a probe that either reports what its application saw (a JSON report) or, for a request carrying a
 * plan in a field of its own, answers as the plan says. The shape every interface's report or plan takes is its own.
 */
export interface ReportedExchange<R, P> {
  request: HttpRequest;
  port: number;
  response: RawResponse;
  /** Absent when the server answered without the probe, or the probe answered a plan. */
  report?: R;
  plan?: P;
}

/** How a plugin's probe is steered and read: the field its plans ride in, and its report's schema. */
export interface ProbeProtocol<R> {
  planField: string;
  validate: ValidateFunction<R>;
  schemaFile: string;
}

/** A GET whose answer the probe writes as `plan` says. */
export function plannedExchange<P>(protocol: { planField: string }, context: SuiteContext, plan: P): HttpRequest {
  return { method: 'GET', target: '/respond', version: 'HTTP/1.1', headers: [['Host', `127.0.0.1:${context.port}`], [protocol.planField, asciiJson(plan)], ['Connection', 'close']], body: '' };
}

/** The plan a request carries in the protocol's field, if any. */
export function carriedPlan<P>(protocol: { planField: string }, request: HttpRequest): P | undefined {
  const field = request.headers.find(([name]) => name.toLowerCase() === protocol.planField.toLowerCase());
  return field ? (JSON.parse(field[1]) as P) : undefined;
}

/** Send one request and read what came back: the probe's report, or (for a plan) the response itself. */
export async function exchangeWithProbe<R, P>(protocol: ProbeProtocol<R>, request: HttpRequest, context: ExecuteContext): Promise<ReportedExchange<R, P>> {
  const { octets, response } = await send(request, context);
  const observation: ReportedExchange<R, P> = { request, port: context.server.port, response };
  const plan = carriedPlan<P>(protocol, request);
  if (plan) return { ...observation, plan };
  if (response.status !== 200) return observation;
  observation.report = readProbeReport(response.body, octets, protocol.validate, protocol.schemaFile, context.server.token);
  return observation;
}
