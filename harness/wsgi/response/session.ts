import type { HttpRequest } from '../../http/request.ts';
import { Session as PlannedSession } from '../../run/session.ts';
import type { PlayContext } from '../entries.ts';
import { probeEvents, type ProbeEvent } from './events.ts';
import type { ResponsePlan } from './plans.ts';

/** A scripted WSGI exchange: the engine's session read with the WSGI probe's event schema. */
export type Session = PlannedSession<ResponsePlan, ProbeEvent>;
export const Session = {
  start: (request: HttpRequest, context: PlayContext, options: { holdBody?: boolean } = {}): Promise<Session> => PlannedSession.start<ResponsePlan, ProbeEvent>(request, context, probeEvents, options),
};
