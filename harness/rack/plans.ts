import type { HttpRequest } from '../http/request.ts';
import type { SuiteContext } from '../run/entries.ts';
import { asciiJson } from '../run/plannedRequest.ts';
import type { RackResponsePlan } from './observation.ts';

/** The field carrying a response plan to the Rack probe (HTTP_X_GWI_RACK). */
export const planHeader = 'X-Gwi-Rack';

export function plannedRequest(context: SuiteContext, plan: RackResponsePlan): HttpRequest {
  return { method: 'GET', target: '/respond', version: 'HTTP/1.1', headers: [['Host', `127.0.0.1:${context.port}`], [planHeader, asciiJson(plan)], ['Connection', 'close']], body: '' };
}

export function planOf(request: HttpRequest): RackResponsePlan | undefined {
  const field = request.headers.find(([name]) => name.toLowerCase() === planHeader.toLowerCase());
  return field ? (JSON.parse(field[1]) as RackResponsePlan) : undefined;
}
