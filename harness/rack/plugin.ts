import { GwiError } from '../core/errors.ts';
import type { GatewayPlugin } from '../engine/plugin.ts';
import { checkedJudge } from '../run/judge.ts';
import { execute } from './execute.ts';
import { rackProbe } from './paths.ts';
import { validators } from './schemas.ts';
import { rackSuite } from './suite.ts';
import { driverKeys, rackCall } from './app/calls.ts';
import { startRackDriver } from './app/driver.ts';
import { runRackApplication } from './app/run.ts';
import { rackApplicationSuite } from './app/suite.ts';

export const { judged } = checkedJudge(execute);

/** Rack (the Rack 2.2 SPEC): Ruby's gateway interface, CGI's meta-variables with rack.* keys of its own. */
export const rackPlugin: GatewayPlugin = {
  name: 'rack',
  title: 'Rack 2.2 (SPEC)',
  ruleFolders: ['rack'],
  probe: rackProbe,
  isProbeReport: (body) => validators.probeReport(body),
  startHint: 'a Rack server loads {probeApp} (the probe\'s rackup file): check that Ruby and the server gem are installed',
  serverSuite: () => rackSuite.map(judged),
  applicationSuite: rackApplicationSuite,
  runApplication: runRackApplication,
  // load the rackup file in the driver and call it once with GET /; it must return a response
  async smokeApplication(adapter, timeoutMs) {
    const driver = await startRackDriver(adapter);
    try {
      const call = rackCall('GET', '/?x=1');
      const { events } = await driver.call(call, timeoutMs);
      const raised = events.find((e) => e.e === 'raised');
      if (raised?.e === 'raised') {
        throw new GwiError('GWI_APP_LOAD_FAILED', `${adapter.config.application} raised on GET /: ${raised.exception.type}: ${raised.exception.message}\n${raised.exception.backtrace ?? ''}`.trim(), "check the adapter's env (RACK_ENV, secrets, allowed hosts) and that the application runs outside a server");
      }
      if (!events.some((e) => e.e === 'status')) {
        throw new GwiError('GWI_APP_LOAD_FAILED', `${adapter.config.application} returned no [status, headers, body] on GET /`, 'does the rackup file end with run <application>?');
      }
      return { adapter: adapter.config.name, port: 0, versions: driver.versions, environKeys: [...Object.keys(call.env), ...driverKeys].sort() };
    } finally {
      await driver.stop();
    }
  },
  async smokeServer(server, adapter, timeoutMs) {
    const context = { server, scriptName: adapter.config.scriptName, timeoutMs };
    const body = 'gwi-test smoke';
    const post = await execute({ method: 'POST', target: '/smoke?x=1', version: 'HTTP/1.1', headers: [['Host', `127.0.0.1:${server.port}`], ['Content-Length', String(body.length)], ['Connection', 'close']], body }, context);
    if (!post.report) throw new GwiError('GWI_NOTHING_REACHED_PROBE', `POST /smoke was answered with ${post.response.status}, not by the probe`, 'the adapter must serve {probeApp} at every path');
    if (post.report.input.read !== body) throw new GwiError('GWI_SERVER_GARBAGE', `the probe read ${JSON.stringify(post.report.input.read)} from rack.input, not the body sent`, 'check that the server passes request bodies to the application');
    return Object.keys(post.report.env).sort();
  },
};
