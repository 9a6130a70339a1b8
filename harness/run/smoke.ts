import { loadAdapter } from '../adapter/load.ts';
import { startServer } from './server.ts';
import { execute } from './execute.ts';
import { GwiError } from '../errors.ts';
import type { LoadedAdapter } from '../adapter/load.ts';
import { startDriver } from '../app/driver.ts';
import { fixedCall } from '../app/suite.ts';

export interface SmokeResult {
  adapter: string;
  port: number;
  versions: Record<string, string>;
  /** The environ keys the probe saw on one plain request. */
  environKeys: string[];
}

/**
 * "Is the adapter wired right?", separate from "is the server conformant?": start, one GET and one POST with a body
 * read back by the probe, stop.
 */
export async function smoke(adapterPath: string, timeoutMs = 10_000): Promise<SmokeResult> {
  const adapter = await loadAdapter(adapterPath);
  if (adapter.config.kind === 'application') return smokeApplication(adapter, timeoutMs);
  const server = await startServer(adapter);
  try {
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
    return { adapter: adapter.config.name, port: server.port, versions: server.versions, environKeys: Object.keys(get.report?.environ ?? {}).sort() };
  } finally {
    await server.stop();
  }
}

/** For an application: load it in the driver and call it once with GET /; it must call start_response. */
async function smokeApplication(adapter: LoadedAdapter, timeoutMs: number): Promise<SmokeResult> {
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
}
