import { responsePlan } from '../../generators/responsePlan.ts';
import type { PropertyDef, SuiteEntry } from '../entries.ts';
import { responseMatchesPlan } from './checks.ts';
import { newPlanId, plannedRequest } from './plans.ts';
import { responseScenarios } from './scenarios.ts';

const plans: PropertyDef = {
  kind: 'property',
  id: 'response.plans',
  does: 'has the application answer with generated statuses, headers and bodies in every iterable shape',
  numRuns: 80,
  rules: [
    'wsgi.response.status', 'wsgi.response.headers', 'wsgi.response.body', 'wsgi.response.write.order', 'wsgi.response.close',
    'wsgi.response.start-response.returns-write', 'wsgi.response.date', 'wsgi.response.server-header', 'http.response.framing',
  ],
  check: responseMatchesPlan,
  arbitrary: (context) => responsePlan().map((plan) => plannedRequest(context, { id: newPlanId(), ...plan })),
};

/** What the harness does to check the response side: start_response, the iterable, write(), close(), file_wrapper. */
export const responseSuite: SuiteEntry[] = [plans, ...responseScenarios];
