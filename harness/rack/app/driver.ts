import type { LoadedAdapter } from '../../adapter/load.ts';
import { startDriverProcess, type RunningDriver } from '../../run/driver.ts';
import { fixturesDir } from '../../spec/paths.ts';
import { rackProbe } from '../paths.ts';
import { validators } from '../schemas.ts';
import type { RackCalledReply } from '../../generated/rackDriverProtocol.ts';
import type { RackCall } from './calls.ts';

export type RunningRackDriver = RunningDriver<RackCall, RackCalledReply>;

/** The Rack driver (fixtures/rack/driver), run by ruby, with the adapter's rackup file loaded. */
export function startRackDriver(adapter: LoadedAdapter, startTimeoutMs?: number): Promise<RunningRackDriver> {
  return startDriverProcess<RackCall, RackCalledReply>(
    {
      script: fixturesDir + 'rack/driver/gwi_rack_driver.rb', probe: rackProbe, schemaFile: 'spec/rack/driver-protocol.schema.json',
      command: validators.driverCommand, reply: validators.driverReply, interpreter: { command: 'ruby', args: [], name: 'ruby' },
    },
    adapter,
    startTimeoutMs,
  );
}
