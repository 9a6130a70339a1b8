import { GwiError } from '../core/errors.ts';
import type { GatewayPlugin } from '../engine/plugin.ts';
import { checkedJudge } from '../run/judge.ts';
import { readBody } from './checks/receive.ts';
import { execute } from './execute.ts';
import { asgiProbe } from './paths.ts';
import { validators } from './schemas.ts';
import { asgiSuite } from './suite.ts';
import { webSocketSuite } from './websocket/suite.ts';
import { httpCall } from './app/calls.ts';
import { startAsgiDriver } from './app/driver.ts';
import { runAsgiApplication } from './app/run.ts';
import { asgiApplicationSuite } from './app/suite.ts';
import { eventType } from './app/values.ts';

/** ASGI entries as the engine runs them: the request sent, the probe read, the entry's check applied. */
export const { judged } = checkedJudge(execute);

/** ASGI 3 (HTTP, WebSocket and lifespan): the second interface gwi-test tests. */
export const asgiPlugin: GatewayPlugin = {
  name: 'asgi',
  title: 'ASGI 3 (HTTP, WebSocket and lifespan)',
  ruleFolders: ['asgi'],
  probe: asgiProbe,
  isProbeReport: (body) => validators.probeReport(body),
  startHint: 'an ASGI server serves only once the application has answered lifespan.startup: look for a lifespan failure or a startup that never completes in its output',
  serverSuite: () => [...asgiSuite.map(judged), ...webSocketSuite],
  applicationSuite: asgiApplicationSuite,
  runApplication: runAsgiApplication,
  // load it in the driver and call it once with GET /; it must start a response
  async smokeApplication(adapter, timeoutMs) {
    const driver = await startAsgiDriver(adapter);
    try {
      const call = httpCall('GET', '/?x=1');
      const reply = await driver.call(call, timeoutMs);
      const raised = reply.events.find((e) => e.e === 'raised');
      if (raised?.e === 'raised') {
        throw new GwiError('GWI_APP_LOAD_FAILED', `${adapter.config.application} raised on GET /: ${raised.exception.type}: ${raised.exception.message}\n${raised.exception.traceback ?? ''}`.trim(), "check the adapter's env (settings modules, allowed hosts) and that the application runs outside a server");
      }
      if (!reply.events.some((e) => e.e === 'send' && eventType(e.event) === 'http.response.start')) {
        throw new GwiError('GWI_APP_LOAD_FAILED', `${adapter.config.application} sent no http.response.start on GET /`, 'is the name an ASGI 3 application (scope, receive, send), and not a factory that returns one?');
      }
      return { adapter: adapter.config.name, port: 0, versions: driver.versions, environKeys: Object.keys(call.scope).sort() };
    } finally {
      await driver.stop();
    }
  },
  async smokeServer(server, adapter, timeoutMs) {
    const context = { server, scriptName: adapter.config.scriptName, timeoutMs };
    const host: [string, string] = ['Host', `127.0.0.1:${server.port}`];
    const get = await execute({ method: 'GET', target: '/smoke?x=1', version: 'HTTP/1.1', headers: [host, ['Connection', 'close']], body: '' }, context);
    const body = 'gwi-test smoke';
    const post = await execute({ method: 'POST', target: '/smoke', version: 'HTTP/1.1', headers: [host, ['Content-Length', String(body.length)], ['Connection', 'close']], body }, context);
    for (const observation of [get, post]) {
      if (!observation.report) throw new GwiError('GWI_NOTHING_REACHED_PROBE', `${observation.request.method} ${observation.request.target} was answered with ${observation.response.status}, not by the probe`, 'the adapter must serve {probeApp} at every path');
    }
    const read = readBody(post.report!.receives, '/report/receives').body;
    if (read !== body) throw new GwiError('GWI_SERVER_GARBAGE', `the probe received ${JSON.stringify(read)} from receive(), not the body sent (${JSON.stringify(body)})`, 'check that the server passes request bodies to the application');
    return Object.keys(get.report?.scope ?? {}).sort();
  },
};
