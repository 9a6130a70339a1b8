import type { ResponsePlan } from '../../generated/responsePlan.ts';
import type { HttpRequest } from '../../http/request.ts';
import type { SuiteContext } from '../../run/entries.ts';
import { planOf as anyPlanOf, plannedRequest as anyPlannedRequest, type PlannedRequestOptions } from '../../run/plannedRequest.ts';

export type { ResponsePlan } from '../../generated/responsePlan.ts';
export { asciiJson, newPlanId, respondHeader, type PlannedRequestOptions } from '../../run/plannedRequest.ts';
export { logHeader } from '../../run/eventLog.ts';

/** A request that makes the WSGI probe answer as `plan` says. */
export const plannedRequest = (context: SuiteContext, plan: ResponsePlan, options?: PlannedRequestOptions) => anyPlannedRequest(context, plan, options);

/** The WSGI plan a request carries, if it carries one. */
export const planOf = (request: HttpRequest) => anyPlanOf<ResponsePlan>(request);

/** The octets the application produces for a plan without errors: write() data, then the iterable's chunks. */
export const plannedBody = (plan: ResponsePlan) => (plan.writes ?? []).join('') + (plan.body ?? []).join('');

/** Shapes whose iterable has a close() the probe logs, and the event that shows it was called. */
export function closeEvent(plan: ResponsePlan): 'close' | 'filelike-close' | undefined {
  const shape = plan.shape ?? 'list';
  if (shape === 'closing' || shape === 'sized' || shape === 'watched') return 'close';
  if (shape === 'file-wrapper' || shape === 'file-wrapper-readonly') return 'filelike-close';
  return undefined;
}
