import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAdapter } from '../../harness/adapter/load.ts';
import { startServer, type RunningServer } from '../../harness/run/server.ts';
import { readProbeReport } from '../../harness/run/send.ts';
import { exchange } from '../../harness/http/wire.ts';
import { fixturesDir, packageRoot } from '../../harness/spec/paths.ts';
import { validators } from '../../harness/wsgi/schemas.ts';
import { wsgiPlugin } from '../../harness/wsgi/plugin.ts';
import { GwiError } from '../../harness/core/errors.ts';

const get = (port: number) => Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 'latin1');

async function reportOf(port: number): Promise<{ token?: string }> {
  const result = await exchange(port, get(port), 5000);
  if (result.kind !== 'response') throw new Error(`no answer: ${result.kind}`);
  return JSON.parse(result.response.body) as { token?: string };
}

// Another run's server on the port we chose: ours must neither be judged by its answers nor give up.
describe('a port another server holds', () => {
  let other: RunningServer;
  beforeAll(async () => {
    other = await startServer(await loadAdapter(packageRoot + 'adapters/wsgiref'), wsgiPlugin);
  });
  afterAll(() => other?.stop());

  it('every start has its own token, and its probe reports it', async () => {
    expect(other.token).toMatch(/^[0-9a-f]{24}$/);
    expect((await reportOf(other.port)).token).toBe(other.token);
  });

  it('a server that cannot bind it exits; the start is retried on a fresh port', async () => {
    const ours = await startServer(await loadAdapter(packageRoot + 'adapters/wsgiref'), wsgiPlugin, { port: other.port });
    try {
      expect(ours.port).not.toBe(other.port);
      expect((await reportOf(ours.port)).token).toBe(ours.token);
      expect(ours.token).not.toBe(other.token);
    } finally {
      await ours.stop();
    }
  });

  it('a server that keeps retrying the bind is not taken for ready when the other answers: retried on a fresh port', async () => {
    const ours = await startServer(await loadAdapter(fixturesDir + 'adapters/retries-bind'), wsgiPlugin, { port: other.port });
    try {
      expect(ours.port).not.toBe(other.port);
      expect((await reportOf(ours.port)).token).toBe(ours.token);
    } finally {
      await ours.stop();
    }
  });

  it('a report with another start\'s token is GWI_SERVER_IDENTITY, one without a token is taken as it is', async () => {
    const body = JSON.stringify(await reportOf(other.port));
    const octets = get(other.port);
    expect(() => readProbeReport(body, octets, validators.probeReport, 'probe-report', other.token)).not.toThrow();
    let thrown: unknown;
    try {
      readProbeReport(body, octets, validators.probeReport, 'probe-report', 'f'.repeat(24));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GwiError);
    expect((thrown as GwiError).code).toBe('GWI_SERVER_IDENTITY');
    const { token: _token, ...untokened } = JSON.parse(body) as Record<string, unknown>;
    expect(() => readProbeReport(JSON.stringify(untokened), octets, validators.probeReport, 'probe-report', other.token)).not.toThrow();
  });
});
