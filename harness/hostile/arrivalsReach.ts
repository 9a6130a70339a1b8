import { exchange } from '../http/wire.ts';
import type { PlayContext } from '../run/entries.ts';
import { arrivalsFolder, settledArrivals } from './arrivals.ts';

/** Why no hostile case can be judged on this server, or undefined when the probe sees the arrivals field. */
const checked = new WeakMap<object, Promise<string | undefined>>();

/**
 * Hostile cases are judged by what the probe logs for requests carrying X-Gwi-Arrivals. A server that does not pass
 * that field on (RFC 3875 section 4.1.18 lets a CGI server leave out HTTP_ variables; Python's CGI server passes only
 * a few) would have every request look dropped, so one plain request per server start tells whether it arrives.
 */
export function arrivalsUnseen(context: PlayContext): Promise<string | undefined> {
  const { server } = context.execution;
  let verdict = checked.get(server);
  if (!verdict) {
    verdict = (async () => {
      const dir = arrivalsFolder(context.suite.log.dir);
      const target = `${context.suite.scriptName ?? ''}/gwi-arrivals-check`;
      const request = `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Gwi-Arrivals: ${dir}\r\nConnection: close\r\n\r\n`;
      const result = await exchange(server.port, Buffer.from(request, 'latin1'), 10_000);
      if (result.kind !== 'response' || result.response.status < 200 || result.response.status > 299) return undefined;
      if ((await settledArrivals(dir, 1000)).length > 0) return undefined;
      return 'the server does not pass the X-Gwi-Arrivals field on to the application (a plain GET carrying it got a 2xx and logged no arrival), so which requests reached it cannot be told';
    })();
    checked.set(server, verdict);
  }
  return verdict;
}
