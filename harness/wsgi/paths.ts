import { fixturesDir } from '../spec/paths.ts';
import type { ProbeInfo } from '../process/launch.ts';

/** The WSGI probe every server adapter hosts, and the driver that hosts applications. */
export const wsgiProbe: ProbeInfo = { dir: fixturesDir + 'wsgi/probe', module: 'gwi_probe', app: 'gwi_probe:application' };
export const driverScript = fixturesDir + 'wsgi/driver/gwi_driver.py';
