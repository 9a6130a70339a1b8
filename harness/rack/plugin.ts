import { GwiError } from '../core/errors.ts';
import type { GatewayPlugin } from '../engine/plugin.ts';
import { checkedJudge } from '../run/judge.ts';
import { execute } from './execute.ts';
import { rackProbe } from './paths.ts';
import { validators } from './schemas.ts';
import { rackSuite } from './suite.ts';

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
  async smokeServer(server, adapter, timeoutMs) {
    const context = { server, scriptName: adapter.config.scriptName, timeoutMs };
    const body = 'gwi-test smoke';
    const post = await execute({ method: 'POST', target: '/smoke?x=1', version: 'HTTP/1.1', headers: [['Host', `127.0.0.1:${server.port}`], ['Content-Length', String(body.length)], ['Connection', 'close']], body }, context);
    if (!post.report) throw new GwiError('GWI_NOTHING_REACHED_PROBE', `POST /smoke was answered with ${post.response.status}, not by the probe`, 'the adapter must serve {probeApp} at every path');
    if (post.report.input.read !== body) throw new GwiError('GWI_SERVER_GARBAGE', `the probe read ${JSON.stringify(post.report.input.read)} from rack.input, not the body sent`, 'check that the server passes request bodies to the application');
    return Object.keys(post.report.env).sort();
  },
};
