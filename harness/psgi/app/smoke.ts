import { GwiError } from '../../core/errors.ts';
import type { LoadedAdapter } from '../../adapter/load.ts';
import type { SmokeResult } from '../../engine/plugin.ts';
import { startPsgiDriver } from './driver.ts';
import { fixedPsgiCall } from './suite.ts';

/** Load the .psgi file and call it once with GET /: it must return a response and not die. */
export async function smokePsgiApplication(adapter: LoadedAdapter, timeoutMs: number): Promise<SmokeResult> {
  const driver = await startPsgiDriver(adapter);
  try {
    const call = fixedPsgiCall('GET', '/', { vars: { QUERY_STRING: 'x=1' } });
    const reply = await driver.call(call, timeoutMs);
    const died = reply.events.find((e) => e.e === 'died');
    if (died && died.e === 'died') {
      throw new GwiError('GWI_APP_LOAD_FAILED', `${adapter.config.application} died on GET /: ${died.message}`, 'check the adapter\'s env (PLACK_ENV and the like) and that the application runs outside a server');
    }
    if (!reply.events.some((e) => e.e === 'response')) {
      throw new GwiError('GWI_APP_LOAD_FAILED', `${adapter.config.application} returned no response on GET /`, 'the .psgi file\'s last value must be the application (a code reference)');
    }
    return { adapter: adapter.config.name, port: 0, versions: driver.versions, environKeys: Object.keys(call.env).sort() };
  } finally {
    await driver.stop();
  }
}
