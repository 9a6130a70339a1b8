import type { LoadedAdapter } from '../../adapter/load.ts';
import { startDriverProcess, type RunningDriver } from '../../run/driver.ts';
import type { PsgiCalledReply } from '../../generated/psgiDriverProtocol.ts';
import { psgiDriverScript, psgiProbe } from '../paths.ts';
import { validators } from '../schemas.ts';
import type { PsgiCall } from './psgiEnv.ts';

export type RunningPsgiDriver = RunningDriver<PsgiCall, PsgiCalledReply>;

/** The PSGI driver (fixtures/psgi/driver) under perl, with the adapter's .psgi file loaded. */
export function startPsgiDriver(adapter: LoadedAdapter, startTimeoutMs?: number): Promise<RunningPsgiDriver> {
  return startDriverProcess<PsgiCall, PsgiCalledReply>(
    {
      script: psgiDriverScript, probe: psgiProbe, schemaFile: 'spec/psgi/driver-protocol.schema.json',
      command: validators.driverCommand, reply: validators.driverReply, interpreter: { command: 'perl', args: [], name: 'perl' },
    },
    adapter,
    startTimeoutMs,
  );
}
