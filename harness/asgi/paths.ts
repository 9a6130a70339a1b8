import { fixturesDir } from '../spec/paths.ts';
import type { ProbeInfo } from '../process/launch.ts';

/** The ASGI probe every ASGI server adapter hosts. */
export const asgiProbe: ProbeInfo = { dir: fixturesDir + 'asgi/probe', module: 'gwi_asgi_probe', app: 'gwi_asgi_probe:application' };
export const asgiDriverScript = fixturesDir + 'asgi/driver/gwi_asgi_driver.py';
