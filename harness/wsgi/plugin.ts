import { GwiError } from '../core/errors.ts';
import type { GatewayPlugin } from '../engine/plugin.ts';
import { checkedJudge } from '../run/judge.ts';
import { startDriver } from './app/driver.ts';
import { runWsgiApplication } from './app/run.ts';
import { applicationSuite, fixedCall } from './app/suite.ts';
import { execute } from './execute.ts';
import { wsgiProbe } from './paths.ts';
import { validators } from './schemas.ts';
import { wsgiSuite } from './suite.ts';

/** WSGI entries as the engine runs them: the request sent, the probe read, the entry's check applied. */
export const { judged, judgedBy } = checkedJudge(execute);

/** WSGI (PEP 3333): the first interface gwi-test tests. */
export const wsgiPlugin: GatewayPlugin = {
  name: 'wsgi',
  title: 'WSGI (PEP 3333)',
  ruleFolders: ['wsgi', 'cgi'],
  probe: wsgiProbe,
  isProbeReport: (body) => validators.probeReport(body),
  serverSuite: () => wsgiSuite.map(judged),
  applicationSuite,
  runApplication: runWsgiApplication,
  async smokeServer(server, adapter, timeoutMs) {
    const context = { server, scriptName: adapter.config.scriptName, timeoutMs };
    const host: [string, string] = ['Host', `127.0.0.1:${server.port}`];
    const get = await execute({ method: 'GET', target: '/smoke?x=1', version: 'HTTP/1.1', headers: [host, ['Connection', 'close']], body: '' }, context);
    const body = 'gwi-test smoke';
    const post = await execute({ method: 'POST', target: '/smoke', version: 'HTTP/1.1', headers: [host, ['X-Gwi-Plan', `read:${body.length}`], ['Content-Length', String(body.length)], ['Connection', 'close']], body }, context);
    for (const observation of [get, post]) {
      if (!observation.report) throw new GwiError('GWI_NOTHING_REACHED_PROBE', `${observation.request.method} ${observation.request.target} was answered with ${observation.response.status}, not by the probe`, 'the adapter must serve {probeApp} at every path');
    }
    const read = post.report?.input.calls[0]?.result?.value;
    if (read !== body) throw new GwiError('GWI_SERVER_GARBAGE', `the probe read ${JSON.stringify(read)} from wsgi.input, not the body sent (${JSON.stringify(body)})`, 'check that the server passes request bodies to the application');
    return Object.keys(get.report?.environ ?? {}).sort();
  },
  // load it in the driver and call it once with GET /; it must call start_response
  async smokeApplication(adapter, timeoutMs) {
    const driver = await startDriver(adapter);
    try {
      const call = fixedCall('GET', '/', { vars: { QUERY_STRING: 'x=1' } });
      const reply = await driver.call(call, timeoutMs);
      const raised = reply.events.find((e) => e.e === 'raised' && !e.fromStartResponse);
      if (raised && raised.e === 'raised') {
        throw new GwiError('GWI_APP_LOAD_FAILED', `${adapter.config.application} raised on GET /: ${raised.exception.type}: ${raised.exception.message}\n${raised.exception.traceback ?? ''}`.trim(), 'check the adapter\'s env (settings modules, allowed hosts) and that the application runs outside a server');
      }
      if (!reply.events.some((e) => e.e === 'start_response')) {
        throw new GwiError('GWI_APP_LOAD_FAILED', `${adapter.config.application} did not call start_response on GET /`, 'is the name a WSGI application (environ, start_response), and not a factory that returns one?');
      }
      return { adapter: adapter.config.name, port: 0, versions: driver.versions, environKeys: Object.keys(call.environ).sort() };
    } finally {
      await driver.stop();
    }
  },
};
