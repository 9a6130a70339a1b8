import type { AsgiResponsePlan } from '../../generated/asgiResponsePlan.ts';
import type { HttpRequest } from '../../http/request.ts';
import type { SuiteContext } from '../../run/entries.ts';
import { newPlanId, planOf as anyPlanOf, plannedRequest, type PlannedRequestOptions } from '../../run/plannedRequest.ts';
import { Session as PlannedSession } from '../../run/session.ts';
import type { PlayContext } from '../../run/entries.ts';
import { probeEvents, type AsgiProbeEvent } from './events.ts';

export type { AsgiResponsePlan } from '../../generated/asgiResponsePlan.ts';

/** The ASGI plan a request carries, if it carries one. */
export const planOf = (request: HttpRequest) => anyPlanOf<AsgiResponsePlan>(request);

/** An entry's request: a fresh plan id each time, so shards and replays never share an event log. */
export const planned = (plan: Omit<AsgiResponsePlan, 'id'>, options?: PlannedRequestOptions) => (context: SuiteContext) =>
  plannedRequest<AsgiResponsePlan>(context, { id: newPlanId(), ...plan }, options);

/** The body a plan's events carry, concatenated. */
export const plannedBody = (plan: AsgiResponsePlan) => (plan.body ?? []).join('');

/** A scripted ASGI exchange: the engine's session read with the ASGI probe's event schema. */
export type Session = PlannedSession<AsgiResponsePlan, AsgiProbeEvent>;
export const startSession = (request: HttpRequest, context: PlayContext, options: { holdBody?: boolean } = {}): Promise<Session> =>
  PlannedSession.start<AsgiResponsePlan, AsgiProbeEvent>(request, context, probeEvents, options);
