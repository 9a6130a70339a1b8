import { fixturesDir } from '../spec/paths.ts';
import type { ProbeInfo } from '../process/launch.ts';

/** The PSGI probe every PSGI server adapter hosts: {probeApp} is its .psgi file. */
export const psgiProbe: ProbeInfo = { dir: fixturesDir + 'psgi/probe', module: 'gwi_psgi_probe', app: 'gwi_psgi_probe.psgi' };
