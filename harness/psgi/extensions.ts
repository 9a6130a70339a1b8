import type { ScenarioDef } from '../run/entries.ts';
import { bodyEvent, closeWaitMs, withEventLog } from '../run/bodyClose.ts';
import { newPlanId } from '../run/plannedRequest.ts';
import { send } from '../run/send.ts';
import { expectThat, inconclusive, type Observation, type Outcome, type PerlValue } from './observation.ts';
import { plannedRequest, planOf } from './plans.ts';

/** A Perl flag as the probe saw it: a scalar other than "", "0" and undef. */
const isTrue = (value: PerlValue | undefined) => value !== undefined && (value.kind === 'scalar' ? value.value !== '' && value.value !== '0' : value.kind !== 'undef');

/** The psgix.* keys a generated request can judge: a buffered input that seeks back, and an empty cleanup stack. */
export function extensionKeys({ request, report }: Pick<Observation, 'request' | 'report'>): Outcome[] {
  if (!report) return [];
  const env = report.env;
  const out: Outcome[] = [];
  if (!isTrue(env['psgix.input.buffered'])) out.push(inconclusive('psgi.ext.input-buffered', '/report/env/psgix.input.buffered', 'the server does not set psgix.input.buffered'));
  else if (report.input.read && report.input.body === request.body) {
    const again = report.input.afterSeek;
    out.push(expectThat('psgi.ext.input-buffered', '/report/input/afterSeek', again === request.body, report.input.seekError ? `psgix.input.buffered is true, but ${report.input.seekError}` : 'psgix.input.buffered is true, but reading psgi.input again after seek(0, 0) did not give the body', request.body, again ?? null));
  } else out.push(inconclusive('psgi.ext.input-buffered', '/report/input', 'the first read of psgi.input did not give the body (psgi.input.read\'s matter)'));

  if (!isTrue(env['psgix.cleanup'])) out.push(inconclusive('psgi.ext.cleanup.handlers', '/report/env/psgix.cleanup', 'the server does not set psgix.cleanup'));
  else {
    const handlers = env['psgix.cleanup.handlers'];
    const shown = handlers === undefined ? '(absent)' : handlers.kind === 'ARRAY' ? `ARRAY of ${(handlers.items ?? []).length}` : handlers.kind;
    out.push(expectThat('psgi.ext.cleanup.handlers', '/report/env/psgix.cleanup.handlers', handlers?.kind === 'ARRAY' && (handlers.items ?? []).length === 0, 'psgix.cleanup is true, but psgix.cleanup.handlers is not a reference to an empty array', 'ARRAY of 0', shown));
  }
  return out;
}

/** psgix.cleanup: a handler the probe pushes must be called, with the environment, once the request is complete. */
export const cleanupScenario: ScenarioDef = {
  kind: 'scenario',
  id: 'psgi.ext.cleanup',
  does: 'where psgix.cleanup is true, the probe pushes a handler onto psgix.cleanup.handlers that logs its call, then answers',
  rules: ['psgi.ext.cleanup.called'],
  request: (context) => withEventLog(plannedRequest(context, { headers: [['Content-Type', 'text/plain']], body: ['cleanup'], cleanupLog: newPlanId() }), context),
  async play(request, context): Promise<Outcome[]> {
    const ruleId = 'psgi.ext.cleanup.called';
    const id = planOf(request)!.cleanupLog!;
    const { response } = await send(request, context.execution);
    if (response.headers.some(([name]) => name.toLowerCase() === 'x-gwi-no-cleanup')) return [inconclusive(ruleId, '/report/env/psgix.cleanup', 'the server does not set psgix.cleanup')];
    if (response.status >= 500) return [inconclusive(ruleId, '/response/status', `the server answered ${response.status}: the handler may never have been pushed`)];
    const called = await bodyEvent(context.suite.log, id, 'cleanup');
    if (!called) return [expectThat(ruleId, '/events', false, `the cleanup handler was not called within ${closeWaitMs} ms of the response`, 'called with the environment', 'not called')];
    return [expectThat(ruleId, '/events/cleanup', called.env === true, 'the cleanup handler was called, but its first argument was not the environment', 'called with the environment', 'called with something else')];
  },
};
