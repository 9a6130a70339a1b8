import { fixturesDir } from '../spec/paths.ts';
import type { ProbeInfo } from '../process/launch.ts';

/** The Rack probe every Rack server adapter hosts: {probeApp} is its rackup file. */
export const rackProbe: ProbeInfo = { dir: fixturesDir + 'rack/probe', module: 'gwi_rack_probe', app: 'config.ru' };
