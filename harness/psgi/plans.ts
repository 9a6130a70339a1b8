import type { HttpRequest } from '../http/request.ts';
import type { SuiteContext } from '../run/entries.ts';
import { asciiJson } from '../run/plannedRequest.ts';
import type { PsgiResponsePlan } from './observation.ts';

/** The field carrying a response plan to the PSGI probe (HTTP_X_GWI_PSGI). */
export const planHeader = 'X-Gwi-Psgi';

export function plannedRequest(context: SuiteContext, plan: PsgiResponsePlan): HttpRequest {
  return { method: 'GET', target: '/respond', version: 'HTTP/1.1', headers: [['Host', `127.0.0.1:${context.port}`], [planHeader, asciiJson(plan)], ['Connection', 'close']], body: '' };
}

export function planOf(request: HttpRequest): PsgiResponsePlan | undefined {
  const field = request.headers.find(([name]) => name.toLowerCase() === planHeader.toLowerCase());
  return field ? (JSON.parse(field[1]) as PsgiResponsePlan) : undefined;
}
