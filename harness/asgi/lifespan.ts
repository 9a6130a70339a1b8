import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asGwiError } from '../core/errors.ts';
import { delay } from '../process/supervisor.ts';
import type { AsgiLifespanLogLine } from '../generated/asgiLifespanLine.ts';
import { newPlanId } from '../run/plannedRequest.ts';
import type { PlayContext, ScenarioDef, SuiteContext } from './entries.ts';
import { deviation, expectThat, inconclusive, type Outcome } from './observation.ts';
import { eventType } from './py.ts';
import { validators } from './schemas.ts';

/** The marker the probe's lifespan.startup.failed carries (gwi_asgi_probe.py): a server should print it. */
const failureMessage = 'gwi-probe planned startup failure';

/** A request the scenario names for its replay; the scenario starts its own server and sends nothing itself. */
const noRequest = (context: SuiteContext) => ({ method: 'GET', target: '/lifespan', version: 'HTTP/1.1' as const, headers: [['Host', `127.0.0.1:${context.port}`]] as Array<[string, string]>, body: '' });

/** A fresh file for the probe's lifespan log, in the run's event-log folder (it outlives the launched server's own). */
const logFile = (context: PlayContext) => join(context.suite.log.dir, `lifespan-${newPlanId()}.jsonl`);

function readLog(file: string): AsgiLifespanLogLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').flatMap((line) => {
    try {
      const value: unknown = JSON.parse(line);
      return validators.lifespanLine(value) ? [value] : [];
    } catch {
      return []; // a line cut short by a killed process
    }
  });
}

/** How long a server that served after a failed startup gets to exit after all. */
const EXIT_MS = 2000;

/** Whether the probe got a lifespan scope at all (a server may not run the protocol: asgi.lifespan.supported). */
const ranLifespan = (lines: AsgiLifespanLogLine[]) => lines.some((line) => line.e === 'receive' || line.e === 'raise');


/** What an instance started in a lifespan mode left in its log, or why the rule cannot be judged from it. */
type Logged = { lines: AsgiLifespanLogLine[] } | { outcomes: Outcome[] };

/** Start another instance with the probe in lifespan `mode`, stop it, and read the lifespan log it wrote. */
async function launchLogged(context: PlayContext, rule: string, mode: string): Promise<Logged> {
  if (!context.launch) return { outcomes: [inconclusive(rule, '/server', 'this run cannot start another server')] };
  const file = logFile(context);
  const server = await context.launch({ GWI_LIFESPAN: mode, GWI_LIFESPAN_LOG: file });
  await server.stop();
  const lines = readLog(file);
  return ranLifespan(lines) ? { lines } : { outcomes: [inconclusive(rule, '/lifespan', 'the server ran no lifespan protocol')] };
}

/** Lifespan rules that need a server of their own, started with the probe in a chosen lifespan mode. */
export const lifespanScenarios: ScenarioDef[] = [
  {
    kind: 'scenario',
    id: 'asgi.lifespan.startup-failed',
    does: 'starts another instance of the server whose application answers lifespan.startup with lifespan.startup.failed',
    rules: ['asgi.lifespan.failed-stops-server'],
    request: noRequest,
    async play(_request, context) {
      const rule = 'asgi.lifespan.failed-stops-server';
      if (!context.launch) return [inconclusive(rule, '/server', 'this run cannot start another server')];
      const file = logFile(context);
      const exited = (output: string) => [expectThat(rule, '/server/output', output.includes(failureMessage), 'the server exited without printing the message of lifespan.startup.failed', failureMessage, output.slice(-400))];
      try {
        const server = await context.launch({ GWI_LIFESPAN: 'failed', GWI_LIFESPAN_LOG: file });
        // serving before startup ended is another rule's matter: what counts here is whether the failure stops it
        await Promise.race([server.process.exited, delay(EXIT_MS)]);
        const gone = server.process.hasExited;
        if (gone) await server.process.outputSettled();
        const output = server.process.output.toString();
        await server.stop();
        if (!ranLifespan(readLog(file))) return [inconclusive(rule, '/lifespan', 'the server ran no lifespan protocol')];
        if (gone) return exited(output);
        return [deviation(rule, '/server', 'the server kept serving after the application answered lifespan.startup.failed', 'exit without serving', 'still serving')];
      } catch (thrown) {
        const error = asGwiError(thrown);
        if (error.code === 'GWI_SERVER_EXITED') return exited(error.output ?? error.message);
        if (error.code === 'GWI_SERVER_TIMEOUT') return [deviation(rule, '/server', 'after lifespan.startup.failed the server neither served nor exited', 'exit', error.message.slice(0, 300))];
        throw error;
      }
    },
  },
  {
    kind: 'scenario',
    id: 'asgi.lifespan.startup-raises',
    does: 'starts another instance whose application raises on lifespan.startup, sends it a request, stops it and reads the lifespan log',
    rules: ['asgi.lifespan.exception-continues'],
    request: noRequest,
    async play(_request, context) {
      const rule = 'asgi.lifespan.exception-continues';
      let logged: Logged;
      try {
        logged = await launchLogged(context, rule, 'raise');
      } catch (thrown) {
        const error = asGwiError(thrown);
        if (error.code !== 'GWI_SERVER_EXITED' && error.code !== 'GWI_SERVER_TIMEOUT') throw error;
        return [deviation(rule, '/server', 'the server did not start serving after the application raised in lifespan', 'the server carries on and serves', error.message.slice(0, 400))];
      }
      if ('outcomes' in logged) return logged.outcomes;
      const { lines } = logged;
      // each worker process runs its own lifespan: what counts is what reached a process after it raised
      const raisedIn = new Set<number>();
      const later: string[] = [];
      for (const line of lines) {
        if (line.e === 'raise') raisedIn.add(line.pid);
        else if (line.e === 'receive' && raisedIn.has(line.pid)) later.push(eventType(line.event));
      }
      if (raisedIn.size === 0) return [inconclusive(rule, '/lifespan', 'the probe never got the lifespan scope, so it never raised')];
      return [expectThat(rule, '/lifespan', later.length === 0, 'the server sent lifespan events after the application raised', 'no further lifespan events', later)];
    },
  },
  {
    kind: 'scenario',
    id: 'asgi.lifespan.slow-startup',
    does: 'starts another instance whose application takes 0.4 s to answer lifespan.startup while the harness keeps trying requests',
    rules: ['asgi.lifespan.startup-before-requests'],
    request: noRequest,
    async play(_request, context) {
      const rule = 'asgi.lifespan.startup-before-requests';
      const logged = await launchLogged(context, rule, 'slow:400');
      if ('outcomes' in logged) return logged.outcomes;
      const { lines } = logged;
      const early = lines.filter((line) => line.e === 'request' && line.startup === false).length;
      if (!lines.some((line) => line.e === 'request')) return [inconclusive(rule, '/lifespan', 'no request line reached the lifespan log')];
      return [expectThat(rule, '/lifespan', early === 0, `${early} request(s) reached the application before it had answered lifespan.startup`, 'no request before startup completed', `${early} early`)];
    },
  },
  {
    kind: 'scenario',
    id: 'asgi.lifespan.slow-shutdown',
    does: 'starts another instance whose application takes 0.4 s to answer lifespan.shutdown, stops it and reads the lifespan log',
    rules: ['asgi.lifespan.shutdown-complete-awaited'],
    request: noRequest,
    async play(_request, context) {
      const rule = 'asgi.lifespan.shutdown-complete-awaited';
      const logged = await launchLogged(context, rule, 'slow-shutdown:400');
      if ('outcomes' in logged) return logged.outcomes;
      const { lines } = logged;
      // every process that got lifespan.shutdown must have lived until its application answered it
      const told = new Set(lines.filter((line) => line.e === 'receive' && eventType(line.event) === 'lifespan.shutdown').map((line) => line.pid));
      if (told.size === 0) return [inconclusive(rule, '/lifespan', 'the server sent no lifespan.shutdown when it was stopped')];
      const answered = new Set(lines.filter((line) => line.e === 'send' && eventType(line.event) === 'lifespan.shutdown.complete').map((line) => line.pid));
      const cut = [...told].filter((pid) => !answered.has(pid));
      return [expectThat(rule, '/lifespan', cut.length === 0, 'the server exited before the application answered lifespan.shutdown', 'lifespan.shutdown.complete sent before exit', `${cut.length} of ${told.size} process(es) ended first`)];
    },
  },
];
