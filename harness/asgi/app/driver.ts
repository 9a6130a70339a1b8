import type { LoadedAdapter } from '../../adapter/load.ts';
import { startDriverProcess, type RunningDriver } from '../../run/driver.ts';
import type { AsgiCalledReply } from '../../generated/asgiDriverProtocol.ts';
import { asgiDriverScript, asgiProbe } from '../paths.ts';
import { validators } from '../schemas.ts';
import type { AsgiCall } from './calls.ts';

export type RunningAsgiDriver = RunningDriver<AsgiCall, AsgiCalledReply>;

/** The ASGI driver (fixtures/asgi/driver) with the application loaded and its lifespan started. */
export function startAsgiDriver(adapter: LoadedAdapter, startTimeoutMs?: number): Promise<RunningAsgiDriver> {
  return startDriverProcess<AsgiCall, AsgiCalledReply>(
    { script: asgiDriverScript, probe: asgiProbe, schemaFile: 'spec/asgi/driver-protocol.schema.json', command: validators.driverCommand, reply: validators.driverReply },
    adapter,
    startTimeoutMs,
  );
}
