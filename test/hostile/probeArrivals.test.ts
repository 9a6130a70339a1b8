import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAdapter } from '../../harness/adapter/load.ts';
import { pluginFor } from '../../harness/engine/plugin.ts';
import { exchange } from '../../harness/http/wire.ts';
import { arrivalsFolder, settledArrivals } from '../../harness/hostile/arrivals.ts';
import '../../harness/interfaces.ts';
import { psgiProbe } from '../../harness/psgi/paths.ts';
import { rackProbe } from '../../harness/rack/paths.ts';
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

// Rack and PSGI hand the application a stream it may read past CONTENT_LENGTH (thin and HTTP::Server::PSGI put what
// follows the head there): their probes read as the WSGI probe does, and a read that raises is logged and propagates.
// Each script calls the probe with an input holding more than CONTENT_LENGTH octets, then with one whose read raises.
const direct = {
  rack: [
    'ruby',
    `require 'stringio'; load '${rackProbe.dir}/gwi_rack_probe.rb'; dir = ARGV[0]; probe = GwiRackProbe.new
     env = { 'REQUEST_METHOD' => 'POST', 'PATH_INFO' => '/a', 'QUERY_STRING' => '', 'CONTENT_LENGTH' => '3', 'HTTP_X_GWI_ARRIVALS' => dir }
     probe.call(env.merge('rack.input' => StringIO.new('abcGET /next HTTP/1.1')))
     broken = Object.new; def broken.read(*) = raise(IOError, 'gwi broken input')
     begin; probe.call(env.merge('rack.input' => broken)); rescue IOError; puts 'propagated'; end`,
  ],
  psgi: [
    'perl',
    `my $app = do '${psgiProbe.dir}/gwi_psgi_probe.psgi' or die $@; my $dir = $ARGV[0];
     my %env = (REQUEST_METHOD => 'POST', PATH_INFO => '/a', QUERY_STRING => '', CONTENT_LENGTH => '3', HTTP_X_GWI_ARRIVALS => $dir);
     open my $in, '<', \\"abcGET /next HTTP/1.1"; $app->({ %env, 'psgi.input' => $in });
     package Broken { sub read { die "gwi broken input\\n" } }
     eval { $app->({ %env, 'psgi.input' => bless {}, 'Broken' }); 1 } or print "propagated\\n";`,
  ],
} as const;

describe.each(Object.entries(direct))('the %s probe, called directly', (name, [interpreter, script]) => {
  it.skipIf(!interpreterFor(`${name}/mutant`))('reads exactly CONTENT_LENGTH octets, logs a read that raises and lets it propagate', async () => {
    const dir = arrivalsFolder(log.dir);
    const run = spawnSync(interpreter, ['-e', script, dir], { encoding: 'utf8', timeout: 10_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('propagated');
    const [whole, broken] = await settledArrivals(dir, 1000);
    expect(whole).toMatchObject({ path: '/a', body: 'abc' });
    expect(whole.readError).toBeUndefined();
    expect(broken).toMatchObject({ path: '/a', body: '' });
    expect(broken.readError).toContain('gwi broken input');
  });
});
