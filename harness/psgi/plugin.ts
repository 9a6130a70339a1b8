import { GwiError } from '../core/errors.ts';
import type { GatewayPlugin } from '../engine/plugin.ts';
import { checkedJudge } from '../run/judge.ts';
import { runPsgiApplication } from './app/run.ts';
import { smokePsgiApplication } from './app/smoke.ts';
import { psgiApplicationSuite } from './app/suite.ts';
import { execute } from './execute.ts';
import { psgiProbe } from './paths.ts';
import { validators } from './schemas.ts';
import { psgiSuite } from './suite.ts';

export const { judged } = checkedJudge(execute);

/** PSGI (the PSGI spec 1.1): Perl's gateway interface, CGI's meta-variables with psgi.* keys of its own. */
export const psgiPlugin: GatewayPlugin = {
  name: 'psgi',
  title: 'PSGI 1.1',
  ruleFolders: ['psgi'],
  probe: psgiProbe,
  isProbeReport: (body) => validators.probeReport(body),
  startHint: 'a PSGI server loads {probeApp} (the probe\'s .psgi file): check that Perl and the server are installed',
  serverSuite: () => psgiSuite.map(judged),
  applicationSuite: psgiApplicationSuite,
  runApplication: runPsgiApplication,
  smokeApplication: smokePsgiApplication,
  async smokeServer(server, adapter, timeoutMs) {
    const context = { server, scriptName: adapter.config.scriptName, timeoutMs };
    const body = 'gwi-test smoke';
    const post = await execute({ method: 'POST', target: '/smoke?x=1', version: 'HTTP/1.1', headers: [['Host', `127.0.0.1:${server.port}`], ['Content-Length', String(body.length)], ['Connection', 'close']], body }, context);
    if (!post.report) throw new GwiError('GWI_NOTHING_REACHED_PROBE', `POST /smoke was answered with ${post.response.status}, not by the probe`, 'the adapter must serve {probeApp} at every path');
    if (post.report.input.body !== body) throw new GwiError('GWI_SERVER_GARBAGE', `the probe read ${JSON.stringify(post.report.input.body)} from psgi.input, not the body sent`, 'check that the server passes request bodies to the application');
    return Object.keys(post.report.env).sort();
  },
};
