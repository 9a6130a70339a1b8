import type { LoadedAdapter } from '../../adapter/load.ts';
import { startDriverProcess, type RunningDriver } from '../../run/driver.ts';
import { driverScript, wsgiProbe } from '../paths.ts';
import { validators } from '../schemas.ts';
import type { CallCommand, CalledReply } from '../../generated/driverProtocol.ts';

export type { CallCommand, CalledReply, DriverEvent } from '../../generated/driverProtocol.ts';

type Call = Omit<CallCommand, 'cmd' | 'seq'>;
export type RunningWsgiDriver = RunningDriver<Call, CalledReply>;

/** The WSGI driver (fixtures/wsgi/driver) with the application loaded. */
export function startDriver(adapter: LoadedAdapter, startTimeoutMs?: number): Promise<RunningWsgiDriver> {
  return startDriverProcess<Call, CalledReply>(
    { script: driverScript, probe: wsgiProbe, schemaFile: 'spec/wsgi/driver-protocol.schema.json', command: validators.driverCommand, reply: validators.driverReply },
    adapter,
    startTimeoutMs,
  );
}
