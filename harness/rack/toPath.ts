import { bodyEvent, withEventLog } from '../run/bodyClose.ts';
import type { ScenarioDef } from '../run/entries.ts';
import { newPlanId } from '../run/plannedRequest.ts';
import { send } from '../run/send.ts';
import { expectThat, inconclusive, pass, type Outcome } from './observation.ts';
import { plannedRequest, planOf } from './plans.ts';

/** How long after the response the harness still looks for the log of each (written before the body went out). */
const eachLoggedMs = 500;
const chunks = ['to_path ', 'body\r\n', 'with octets \u00ff\u0000\u0080'];

/** A body that also responds to to_path: the octets must arrive whichever the server reads; which one is recorded. */
export const toPathScenario: ScenarioDef = {
  kind: 'scenario',
  id: 'rack.response.to-path',
  does: 'the probe answers with a body whose each yields three chunks and whose to_path names a file it wrote with the same octets',
  rules: ['rack.response.to-path', 'rack.response.to-path-used'],
  request: (context) => withEventLog(plannedRequest(context, { headers: [['Content-Type', 'application/octet-stream']], body: chunks, toPath: newPlanId() }), context),
  async play(request, context): Promise<Outcome[]> {
    const id = planOf(request)!.toPath!;
    const { response } = await send(request, context.execution);
    const expected = chunks.join('');
    if (response.status !== 200) return [inconclusive('rack.response.to-path', '/response/status', `the server answered ${response.status}`), inconclusive('rack.response.to-path-used', '/response/status', `the server answered ${response.status}`)];
    const iterated = await bodyEvent(context.suite.log, id, 'each', eachLoggedMs);
    return [
      expectThat('rack.response.to-path', '/response/body', response.body === expected, 'the body is not the octets each yields and to_path names', expected, response.body),
      pass('rack.response.to-path-used', '/events', { profile: iterated ? 'each iterated' : 'file sent (each not called)' }),
    ];
  },
};
