import type { HttpRequest } from '../http/request.ts';
import type { Invocation } from '../generated/probeReport.ts';
import { execute } from './execute.ts';
import { environValue, expectThat, type Observation, type Outcome } from './observation.ts';
import type { ScenarioDef, SuiteContext } from './entries.ts';

const HELD_MS = 400;
const AT_ONCE = 4;

const overlap = (a: Invocation, b: Invocation) => a.enteredMs < b.leftMs && b.enteredMs < a.leftMs;
const flagOf = (observation: Observation, key: string) => environValue(observation.report!, key)?.truthy;

/**
 * wsgi.multithread and wsgi.multiprocess judged against what happened: calls that ran at the same time on two OS
 * threads of one process must all see multithread true; in two processes, multiprocess true. Without such a pair
 * the flags are consistent with what was seen (they say what *may* happen), so they pass.
 */
function judge(observations: Observation[]): Outcome[] {
  const runs = observations.filter((o) => o.report?.invocation);
  const threaded = runs.filter((a) => runs.some((b) => b !== a && a.report!.invocation!.pid === b.report!.invocation!.pid && a.report!.invocation!.thread !== b.report!.invocation!.thread && overlap(a.report!.invocation!, b.report!.invocation!)));
  const forked = runs.filter((a) => runs.some((b) => b !== a && a.report!.invocation!.pid !== b.report!.invocation!.pid && overlap(a.report!.invocation!, b.report!.invocation!)));
  const deniedThreads = threaded.filter((o) => flagOf(o, 'wsgi.multithread') !== true);
  const deniedProcesses = forked.filter((o) => flagOf(o, 'wsgi.multiprocess') !== true);
  const seen = (list: Observation[]) => list.map((o) => `pid ${o.report!.invocation!.pid} thread ${o.report!.invocation!.thread}`);
  return [
    expectThat('wsgi.environ.multithread-truthful', '/report/environ/wsgi.multithread', deniedThreads.length === 0, `${deniedThreads.length} call(s) saw wsgi.multithread false while another thread of the same process ran a call`, 'true', seen(threaded)),
    expectThat('wsgi.environ.multiprocess-truthful', '/report/environ/wsgi.multiprocess', deniedProcesses.length === 0, `${deniedProcesses.length} call(s) saw wsgi.multiprocess false while another process ran a call`, 'true', seen(forked)),
  ];
}

const held = (context: SuiteContext): HttpRequest => ({
  method: 'GET', target: '/concurrency', version: 'HTTP/1.1', body: '',
  headers: [['Host', `127.0.0.1:${context.port}`], ['X-Gwi-Hold', String(HELD_MS)], ['Connection', 'close']],
});

export const concurrencyScenario: ScenarioDef = {
  kind: 'scenario',
  id: 'environ.concurrency-truth',
  does: `sends ${AT_ONCE} requests at once on separate connections, each holding the probe ${HELD_MS} ms, and records the process and OS thread of each call`,
  rules: ['wsgi.environ.multithread-truthful', 'wsgi.environ.multiprocess-truthful'],
  request: held,
  async play(request, context) {
    const observations = await Promise.all(Array.from({ length: AT_ONCE }, () => execute(request, context.execution)));
    return judge(observations);
  },
};
