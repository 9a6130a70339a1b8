import { GwiError } from '../core/errors.ts';
import type { GatewayPlugin } from '../engine/plugin.ts';
import { checkedJudge } from '../run/judge.ts';
import { execute } from './execute.ts';
import { cgiProbe } from './paths.ts';
import { validators } from './schemas.ts';
import { cgiSuite } from './suite.ts';

/** CGI entries as the engine runs them: the request sent, the script's report read, the entry's check applied. */
export const { judged } = checkedJudge(execute);

/** CGI/1.1 (RFC 3875): servers that run a script per request, the meta-variables WSGI, Rack and PSGI took over. */
export const cgiPlugin: GatewayPlugin = {
  name: 'cgi',
  title: 'CGI/1.1 (RFC 3875)',
  ruleFolders: ['cgi'],
  probe: cgiProbe,
  isProbeReport: (body) => validators.probeReport(body),
  startHint: 'a CGI server must run {probeApp} for every path below the adapter\'s scriptName: check that the script is executable and that the configuration maps the paths to it',
  serverSuite: () => cgiSuite.map(judged),
  async smokeServer(server, adapter, timeoutMs) {
    const context = { server, scriptName: adapter.config.scriptName, timeoutMs };
    const host: [string, string] = ['Host', `127.0.0.1:${server.port}`];
    const body = 'gwi-test smoke';
    const post = await execute({ method: 'POST', target: `${adapter.config.scriptName}/smoke?x=1`, version: 'HTTP/1.1', headers: [host, ['Content-Length', String(body.length)], ['Connection', 'close']], body }, context);
    if (!post.report) throw new GwiError('GWI_NOTHING_REACHED_PROBE', `POST ${post.request.target} was answered with ${post.response.status}, not by the probe`, 'the adapter must run {probeApp} for every path below its scriptName');
    if (post.report.body !== body) throw new GwiError('GWI_SERVER_GARBAGE', `the script read ${JSON.stringify(post.report.body)} from standard input, not the body sent (${JSON.stringify(body)})`, 'check that the server passes request bodies to CGI scripts');
    return Object.keys(post.report.env).filter((name) => /^[A-Z_]+$/.test(name) && (name.startsWith('HTTP_') || !/^(PATH|HOME|LANG|SHELL|USER|PWD)$/.test(name))).sort();
  },
};
