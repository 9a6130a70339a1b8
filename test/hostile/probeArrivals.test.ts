import { afterAll, describe, expect, it } from 'vitest';
import { loadAdapter } from '../../harness/adapter/load.ts';
import { pluginFor } from '../../harness/engine/plugin.ts';
import { exchange } from '../../harness/http/wire.ts';
import { arrivalsFolder, settledArrivals } from '../../harness/hostile/arrivals.ts';
import '../../harness/interfaces.ts';
import { EventLog } from '../../harness/run/eventLog.ts';
import { startServer } from '../../harness/run/server.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { interpreterFor } from '../run/mutantServer.ts';

// Every probe logs the requests that reach its application in one format (spec/http/probe-arrivals.schema.json): that
// is what lets gwi-test diff compare servers of different interfaces. The mutant servers run the real probes.
const log = new EventLog();
afterAll(() => log.remove());

describe.each(['wsgi/mutant', 'asgi/mutant', 'rack/mutant', 'psgi/mutant'])('the probe behind fixtures/%s', (fixture) => {
  it.skipIf(!interpreterFor(fixture))('logs an arrival: method, decoded path, query, fields, and the body it read', async () => {
    const adapter = await loadAdapter(fixturesDir + fixture);
    const server = await startServer(adapter, pluginFor(adapter.config.interface));
    try {
      const dir = arrivalsFolder(log.dir);
      const request = `POST /arr%69ved?q=1 HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Gwi-Arrivals: ${dir}\r\nX-Extra: yes\r\nContent-Length: 3\r\nConnection: close\r\n\r\nxyz`;
      const result = await exchange(server.port, Buffer.from(request, 'latin1'), 10_000);
      expect(result.kind).toBe('response');
      const [arrival] = await settledArrivals(dir, 3000);
      expect(arrival).toMatchObject({ method: 'POST', path: '/arrived', query: 'q=1', body: 'xyz' });
      expect(arrival.headers.HTTP_X_EXTRA).toBe('yes');
      expect(arrival.headers.CONTENT_LENGTH).toBe('3');
    } finally {
      await server.stop();
    }
  });
});
