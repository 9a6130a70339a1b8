import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { GwiError } from '../core/errors.ts';
import { expand } from '../adapter/placeholders.ts';
import type { LoadedAdapter } from '../adapter/load.ts';
import { Supervised, delay } from '../process/supervisor.ts';
import { prepareLaunch, recordVersions, tokenVariable, type ProbeInfo } from '../process/launch.ts';
import { exchange } from '../http/wire.ts';

export interface RunningServer {
  port: number;
  /** What this server's probe puts in its reports (GWI_SERVER_TOKEN). */
  token: string;
  process: Supervised;
  versions: Record<string, string>;
  /** The server's private folder. */
  tmpDir: string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A plain GET of the probe's root: the mount prefix the adapter declares (SCRIPT_NAME), then "/". */
function readinessRequest(port: number, scriptName: string): Buffer {
  return Buffer.from(`GET ${scriptName}/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 'latin1');
}

function outputTail(process: Supervised): string {
  const tail = process.output.toString().trim().split('\n').slice(-12).join('\n');
  return tail ? `\n--- server output (last lines) ---\n${tail}` : '';
}

/** What starting a server needs to know of the interface: the probe it hosts and how to recognise its report. */
export interface ServedProbe {
  probe: ProbeInfo;
  isProbeReport(body: unknown): boolean;
  serverEnv?(values: Record<string, string>): Record<string, string>;
  /** What to add to the hint when the server does not become ready (e.g. ASGI servers wait for lifespan startup). */
  startHint?: string;
}

/** Start the adapter's server with the probe and wait until the probe answers a real request. */
export async function startServer(adapter: LoadedAdapter, served: ServedProbe, options: { port?: number } = {}): Promise<RunningServer> {
  // A port is free when chosen and may be taken before the server binds it (another run on the same machine):
  // a server that says so, or a port where another server's probe answers, is started again on a fresh port.
  for (let attempt = 1; ; attempt++) {
    const port = attempt === 1 && options.port !== undefined ? options.port : await freePort();
    try {
      return await startOnce(adapter, served, port);
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt >= 3) throw error instanceof PortTaken ? error.gwiError : error;
    }
  }
}

/** The chosen port turned out to be someone else's. */
class PortTaken extends Error {
  constructor(readonly gwiError: GwiError) {
    super(gwiError.message);
  }
}

const addressInUse = /address already in use|EADDRINUSE|errno 98\b|\[Errno 98\]|could not bind|connection in use|bind\(\) .*failed/i;

async function startOnce(adapter: LoadedAdapter, served: ServedProbe, port: number): Promise<RunningServer> {
  const { config } = adapter;
  const launch = prepareLaunch(adapter, served.probe, port, (values) => served.serverEnv?.(values) ?? {});
  let values = launch.values;
  try {
    const extra = await config.prepare?.({ port, python: launch.python, tmpDir: launch.tmpDir, probeDir: served.probe.dir, adapterDir: adapter.dir });
    if (extra) values = { ...values, ...extra };
    for (const [name, content] of Object.entries(config.files ?? {})) writeFileSync(join(launch.tmpDir, name), expand(content, values));
  } catch (error) {
    launch.cleanup();
    throw new GwiError('GWI_SERVER_START_FAILED', `preparing ${config.name} failed: ${(error as Error).message}`, 'check the adapter\'s prepare() and files');
  }
  if (!config.command) {
    launch.cleanup();
    throw new GwiError('GWI_ADAPTER_INVALID', `${config.name} is not a server adapter (kind ${config.kind})`, 'an application adapter is run by the driver, not started as a server');
  }
  const [command, ...args] = config.command.map((part) => expand(part, values));
  const child = new Supervised({
    command, args, cwd: expand(config.cwd, values), env: launch.env, marker: `${tokenVariable}=${launch.token}`,
    stopSignal: config.stopSignal, stopTimeoutMs: config.stopTimeoutMs,
  });
  const stop = async () => {
    await child.stop();
    launch.cleanup();
  };
  try {
    await waitUntilReady({ name: config.name, port, child, timeoutMs: config.startTimeoutMs, token: launch.token, served, scriptName: config.scriptName });
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, token: launch.token, process: child, versions: recordVersions(adapter, values), stop, tmpDir: launch.tmpDir };
}

/** The token in a probe's report, if the server passed its environment on to the application. */
export function reportToken(body: unknown): string | undefined {
  const token = (body as { token?: unknown } | null)?.token;
  return typeof token === 'string' ? token : undefined;
}

interface Starting {
  name: string;
  port: number;
  child: Supervised;
  timeoutMs: number;
  token: string;
  served: ServedProbe;
  scriptName: string;
}

async function waitUntilReady({ name, port, child, timeoutMs, token, served, scriptName }: Starting): Promise<void> {
  const more = served.startHint ? `; ${served.startHint}` : '';
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    // a child that dies is seen at once, not after the exchange it raced with
    const result = await Promise.race([exchange(port, readinessRequest(port, scriptName), 2000), child.exited.then(() => undefined)]);
    if (child.hasExited) {
      await child.outputSettled();
      const how = child.spawnError ? `could not be started (${child.spawnError.message})` : `exited with ${child.exitSignal ?? `code ${child.exitCode}`}`;
      const error = new GwiError(child.spawnError ? 'GWI_SERVER_START_FAILED' : 'GWI_SERVER_EXITED', `${name} ${how} before it was ready on 127.0.0.1:${port}${outputTail(child)}`, `run the adapter's command by hand to see why; check the interpreter and that the server package is installed${more}`);
      error.output = child.output.toString();
      if (addressInUse.test(child.output.toString())) throw new PortTaken(error);
      throw error;
    }
    if (result === undefined) continue;
    if (result.kind === 'response') {
      let body: unknown;
      try {
        body = JSON.parse(result.response.body);
      } catch {
        body = undefined;
      }
      const answered = reportToken(body);
      if (result.response.status === 200 && served.isProbeReport(body) && answered !== undefined && answered !== token) {
        // another run's server holds the port: ours cannot bind it and must not be judged by its answers
        throw new PortTaken(new GwiError('GWI_SERVER_START_FAILED', `another server (a probe with another run's token) answers on 127.0.0.1:${port}, so ${name} could not take the port${outputTail(child)}`, 'another gwi-test run or server took three fresh ports in a row: check what listens on 127.0.0.1'));
      }
      if (result.response.status === 200 && served.isProbeReport(body)) return;
      last = `answered ${result.response.status} with ${JSON.stringify(result.response.body.slice(0, 200))}, not a probe report`;
    } else if (result.kind === 'garbage' && result.raw.length === 0) {
      // a server still starting may accept and close without a byte (an ASGI server whose lifespan startup is not done)
      last = 'closed the connection without answering';
    } else if (result.kind === 'garbage') {
      // something that does not speak HTTP will not start to: say so now instead of waiting out the bound
      throw new GwiError('GWI_SERVER_GARBAGE', `${name} on 127.0.0.1:${port} answered garbage, not HTTP: ${result.reason}${outputTail(child)}`, 'check that the adapter starts an HTTP server on {port} (not, for example, a uwsgi or FastCGI socket)');
    } else if (result.kind === 'timeout') {
      last = 'accepted the connection but did not answer within 2 s';
    } else {
      last = result.error;
    }
    await Promise.race([delay(50), child.exited]);
  }
  if (addressInUse.test(child.output.toString())) {
    throw new PortTaken(new GwiError('GWI_SERVER_START_FAILED', `${name} could not bind 127.0.0.1:${port}${outputTail(child)}`, 'another process took three fresh ports in a row: check what listens on 127.0.0.1'));
  }
  throw new GwiError(
    last.startsWith('answered') ? 'GWI_SERVER_GARBAGE' : 'GWI_SERVER_TIMEOUT',
    `${name} was not ready on 127.0.0.1:${port} within ${timeoutMs} ms: ${last}${outputTail(child)}`,
    `check that the adapter serves {probeApp} from {probeDir} on {port}; raise startTimeoutMs if the server is slow to start${more}`,
  );
}
