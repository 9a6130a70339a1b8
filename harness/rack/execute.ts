import type { HttpRequest } from '../http/request.ts';
import type { ExecuteContext } from '../run/entries.ts';
import { exchangeWithProbe } from '../run/reportedExchange.ts';
import type { Observation } from './observation.ts';
import { protocol } from './plans.ts';

/** Send one request and read what came back: the probe's report, or (for a plan) the response itself. */
export const execute = (request: HttpRequest, context: ExecuteContext): Promise<Observation> => exchangeWithProbe(protocol, request, context);
