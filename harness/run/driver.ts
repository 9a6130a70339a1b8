import type { ValidateFunction } from 'ajv/dist/2020.js';
import { GwiError } from '../core/errors.ts';
import { expand } from '../adapter/placeholders.ts';
import type { LoadedAdapter } from '../adapter/load.ts';
import { Supervised, bound } from '../process/supervisor.ts';
import { prepareLaunch, recordVersions, tokenVariable, type ProbeInfo } from '../process/launch.ts';
import { describeErrors } from '../spec/schemas.ts';

/** The replies every driver protocol shares (spec/wsgi/driver-protocol.schema.json and its ASGI twin). */
type SharedReply =
  | { reply: 'started'; python?: string; runtime?: string }
  | { reply: 'called'; seq: number }
  | { reply: 'error'; code: string; message: string; traceback?: string };

/** One interface's driver: its script, the schema of its protocol, and what its `start` command carries besides. */
export interface DriverKind {
  script: string;
  /** Gives the launch its placeholders ({probeDir} and the like). */
  probe: ProbeInfo;
  /** The protocol's schema, as named in messages (spec/…/driver-protocol.schema.json). */
  schemaFile: string;
  command: ValidateFunction<unknown>;
  reply: ValidateFunction<unknown>;
  startFields?: Record<string, unknown>;
  /**
   * The program that runs the script when it is not the adapter's Python (Rack's driver runs under ruby, PSGI's under
   * perl); `name` keys the version its `started` reply gives as `runtime`.
   */
  interpreter?: { command: string; args: string[]; name: string };
}

export interface RunningDriver<Call, Called> {
  /** The interpreter's version line and the adapter's recorded versions. */
  versions: Record<string, string>;
  /** Call the application once; a hang, a crash or a broken reply is a GwiError. */
  call(command: Call, timeoutMs: number): Promise<Called>;
  /** The exact line a call sends, for replays and findings. */
  lineFor(command: Call): string;
  stop(): Promise<void>;
}

function outputTail(child: Supervised): string {
  const tail = child.output.toString().trim().split('\n').slice(-12).join('\n');
  return tail ? `\n--- driver stderr (last lines) ---\n${tail}` : '';
}

/** A call line short enough for an error message: the start and end of a long one. */
function trimmedCall(line: string, limit = 1500): string {
  return line.length <= limit ? line : `${line.slice(0, limit - 200)} … ${line.slice(-180)}`;
}

/**
 * Start the driver under the adapter's interpreter and load the application. One command is in flight at a time:
 * each call waits for its reply, so replies need no matching beyond their order (seq is checked all the same).
 */
export async function startDriverProcess<Call extends object, Called extends { reply: 'called'; seq: number }>(kind: DriverKind, adapter: LoadedAdapter, startTimeoutMs = adapter.config.startTimeoutMs): Promise<RunningDriver<Call, Called>> {
  const { config } = adapter;
  if (!config.application) throw new GwiError('GWI_ADAPTER_INVALID', `${config.name} names no application`, 'an adapter of kind application needs "application": "module:callable"');
  const launch = prepareLaunch(adapter, kind.probe, 0);
  const { values } = launch;
  const waiting: Array<(line: string) => void> = [];
  const early: string[] = [];
  const child = new Supervised({
    command: kind.interpreter?.command ?? launch.python,
    args: [...(kind.interpreter?.args ?? ['-u']), kind.script, '--adapter', config.name],
    cwd: launch.cwd,
    env: launch.env,
    marker: `${tokenVariable}=${launch.token}`,
    stopSignal: config.stopSignal,
    stopTimeoutMs: config.stopTimeoutMs,
    onStdoutLine: (line) => {
      const next = waiting.shift();
      if (next) next(line);
      else early.push(line);
    },
  });
  const stop = async () => {
    if (!child.hasExited) child.write(JSON.stringify({ cmd: 'stop' }));
    await Promise.race([child.exited, bound(500)]);
    await child.stop();
    launch.cleanup();
  };
  let seq = 0;
  /** `bound` names the setting that bounds this wait, for the hint of a timeout. */
  const send = async (command: { cmd: string } & Record<string, unknown>, timeoutMs: number, what: string, bound: string): Promise<SharedReply> => {
    if (!kind.command(command)) throw new GwiError('GWI_DRIVER_PROTOCOL', `the harness built an invalid command: ${describeErrors(kind.command.errors).join('; ')}`);
    if (child.hasExited) throw crashed(what);
    const line = new Promise<string | undefined>((resolve) => {
      if (early.length > 0) resolve(early.shift());
      else waiting.push(resolve);
    });
    child.write(JSON.stringify(command));
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      line,
      child.exited.then(() => 'exited' as const),
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (outcome === 'exited') throw crashed(what);
    if (outcome === 'timeout' || outcome === undefined) {
      waiting.length = 0;
      throw new GwiError('GWI_APP_TIMEOUT', `no reply from the driver within ${timeoutMs} ms while ${what}${outputTail(child)}`, `the application hangs ${command.cmd === 'call' ? 'on this call' : 'while it is imported'} (or is very slow); raise ${bound} if it is only slow`);
    }
    let reply: unknown;
    try {
      reply = JSON.parse(outcome);
    } catch {
      throw new GwiError('GWI_DRIVER_PROTOCOL', `the driver wrote a line that is not JSON: ${outcome.slice(0, 300)}`, 'something wrote to the driver\'s stdout; the driver and the harness must come from the same gwi-test');
    }
    if (!kind.reply(reply)) {
      throw new GwiError('GWI_DRIVER_PROTOCOL', `the driver's reply does not match ${kind.schemaFile}: ${describeErrors(kind.reply.errors).slice(0, 5).join('; ')}`, 'the driver and the harness must come from the same gwi-test version');
    }
    return reply as SharedReply;
  };
  const crashed = (what: string) => child.spawnError
    ? new GwiError('GWI_APP_LOAD_FAILED', `could not start ${kind.interpreter?.command ?? launch.python} for the driver: ${child.spawnError.message}`, `install ${kind.interpreter?.name ?? 'Python'} (the driver runs under it) or put it on PATH`)
    : new GwiError('GWI_APP_CRASHED', `the driver process exited (${child.exitSignal ?? `code ${child.exitCode}`}) while ${what}${outputTail(child)}`, `the application ended the ${kind.interpreter?.name ?? 'Python'} process (an explicit exit, a crash in native code, an exit from a thread…); run it by hand with the call above`);

  try {
    const started = await send({ cmd: 'start', protocol: 1, ...kind.startFields, application: config.application, path: (config.path ?? ['{adapterDir}']).map((p) => expand(p, values)) }, startTimeoutMs, `loading ${config.application}`, `the adapter's startTimeoutMs (${startTimeoutMs} ms)`);
    if (started.reply === 'error') {
      throw new GwiError('GWI_APP_LOAD_FAILED', `${config.application} could not be loaded: ${started.message}${started.traceback ? `\n${started.traceback.trim().split('\n').slice(-6).join('\n')}` : ''}`, 'check "application", "path" and "env" in the adapter, and that the framework is installed for this interpreter');
    }
    if (started.reply !== 'started') throw new GwiError('GWI_DRIVER_PROTOCOL', `expected "started", got "${started.reply}"`);
    const runtime = started.runtime ?? started.python ?? '';
    const versions = { [kind.interpreter?.name ?? 'python']: runtime.split(' ')[0], ...recordVersions(adapter, values) };
    return {
      versions,
      lineFor: (command) => JSON.stringify({ cmd: 'call', seq: 0, ...command }),
      async call(command, timeoutMs) {
        const id = ++seq;
        let reply: SharedReply;
        try {
          reply = await send({ cmd: 'call', seq: id, ...command }, timeoutMs, 'calling the application', `--timeout (${timeoutMs} ms)`);
        } catch (error) {
          // the call that hung or killed the application, as the line that replays it (long values trimmed)
          if (error instanceof GwiError) error.message += `\n  call: ${trimmedCall(JSON.stringify({ cmd: 'call', seq: 0, ...command }))}`;
          throw error;
        }
        if (reply.reply === 'error') throw new GwiError('GWI_DRIVER_PROTOCOL', `the driver failed: ${reply.code}: ${reply.message}${reply.traceback ? `\n${reply.traceback.trim().split('\n').slice(-4).join('\n')}` : ''}`, 'a bug in the driver: report it with the environ above');
        if (reply.reply !== 'called' || reply.seq !== id) throw new GwiError('GWI_DRIVER_PROTOCOL', `expected the reply to call ${id}, got ${JSON.stringify(reply).slice(0, 200)}`);
        return reply as unknown as Called;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
