import { GwiError } from '../core/errors.ts';
import type { HttpRequest } from '../http/request.ts';
import { validators } from '../spec/schemas.ts';
import type { BodyEvent } from '../generated/probeBodyEvents.ts';
import type { ScenarioDef, SuiteContext } from './entries.ts';
import { logHeader, type EventLog } from './eventLog.ts';
import { expectThat } from './outcome.ts';
import { newPlanId } from './plannedRequest.ts';
import { send } from './send.ts';

/** How long a server may take, after the response went out, to call close() on the body. */
export const closeWaitMs = 3000;

/**
 * Whether the server called close() on a response body that logs it (the Rack and PSGI probes' `closeLog` plans write
 * spec/http/probe-body-events.schema.json lines to <log>/<id>.jsonl). Waits at most `timeoutMs`.
 */
export async function bodyClosed(log: EventLog, id: string, timeoutMs = closeWaitMs): Promise<boolean> {
  return (await bodyEvent(log, id, 'close', timeoutMs)) !== undefined;
}

/** The first event of kind `e` a probe logged to <log>/<id>.jsonl (spec/http/probe-body-events.schema.json), waiting at most `timeoutMs`. */
export async function bodyEvent(log: EventLog, id: string, e: BodyEvent['e'], timeoutMs = closeWaitMs): Promise<BodyEvent | undefined> {
  const schema = { validate: validators.bodyEvent, file: 'spec/http/probe-body-events.schema.json' };
  const events = await log.until(id, schema, (list) => list.some((event) => event.e === e), timeoutMs);
  return events.find((event) => event.e === e);
}

/** The request with the run's event-log folder named (X-Gwi-Log), for a probe that logs what the server does after the application returned. */
export const withEventLog = (request: HttpRequest, context: SuiteContext): HttpRequest => ({ ...request, headers: [...request.headers, [logHeader, context.log.dir]] });

/**
 * A scenario for a probe that answers a plan with a body whose close() logs itself: the request carries the plan (built
 * by the plugin, with `closeLog` set to `id`) and the event log's folder; after the response, close() must be logged.
 */
export function bodyCloseScenario(options: { id: string; ruleId: string; does: string; request(context: SuiteContext, closeLog: string): HttpRequest }): ScenarioDef {
  return {
    kind: 'scenario',
    id: options.id,
    does: options.does,
    rules: [options.ruleId],
    request: (context) => withEventLog(options.request(context, newPlanId()), context),
    async play(request, context) {
      const closeLog = closeLogOf(request);
      const { response } = await send(request, context.execution);
      if (response.status >= 500) return [{ ruleId: options.ruleId, ok: true, pointer: '/response/status', inconclusive: `the server answered ${response.status}: the body may never have been taken` }];
      const closed = await bodyClosed(context.suite.log, closeLog);
      return [expectThat(options.ruleId, '/events', closed, `close() of the response body was not called within ${closeWaitMs} ms of the response`, 'close() called', 'not called')];
    },
  };
}

/** The closeLog id a request's plan names, wherever the plugin carries its plan (a JSON field holding "closeLog"). */
function closeLogOf(request: HttpRequest): string {
  for (const [, value] of request.headers) {
    const match = /"closeLog":"([A-Za-z0-9_-]+)"/.exec(value);
    if (match) return match[1];
  }
  throw new GwiError('GWI_USAGE', 'a body-close scenario request must carry a plan with closeLog', 'this is a gwi-test bug');
}
