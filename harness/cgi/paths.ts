import { fixturesDir } from '../spec/paths.ts';
import type { ProbeInfo } from '../process/launch.ts';

/** The CGI probe every CGI server adapter runs: {probeApp} is the script's file name in {probeDir}. */
export const cgiProbe: ProbeInfo = { dir: fixturesDir + 'cgi/probe', module: 'gwi_cgi_probe', app: 'gwi_cgi_probe.py' };
