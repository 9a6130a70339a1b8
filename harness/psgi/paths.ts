import { fixturesDir } from '../spec/paths.ts';
import type { ProbeInfo } from '../process/launch.ts';

/** The PSGI probe every PSGI server adapter hosts: {probeApp} is its .psgi file. */
export const psgiProbe: ProbeInfo = { dir: fixturesDir + 'psgi/probe', module: 'gwi_psgi_probe', app: 'gwi_psgi_probe.psgi' };
/** The PSGI application driver: a strict server without a socket, run under perl. */
export const psgiDriverScript = fixturesDir + 'psgi/driver/gwi_psgi_driver.pl';
