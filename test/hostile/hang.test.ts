import { describe, expect, it } from 'vitest';
import { runConformance } from '../../harness/engine/conformance.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { processesWith } from '../cli/helpers.ts';

describe('a hostile request that hangs the server', () => {
  it('is an error naming the request, the server is restarted, later cases are still judged, and nothing is left running', async () => {
    const report = await runConformance({
      adapter: fixturesDir + 'adapters/hangs-on-hostile', seed: 1, profiles: ['security'],
      cases: ['hostile.chunked.size-negative', 'hostile.line.host-missing', 'hostile.connection.http10'],
    });
    expect(report.errors.map((e) => e.code)).toEqual(['GWI_SERVER_UNRESPONSIVE']);
    expect(report.errors[0].message).toContain('Transfer-Encoding: chunked\\r\\n\\r\\n-3\\r\\n');
    const verdict = (id: string) => report.results.find((r) => r.ruleId === id)?.verdict;
    expect(verdict('http.request.chunked.size-syntax')).toBe('error');
    // wsgiref checks no Host: judged on the restarted server, not blamed on the hang
    expect(verdict('http.request.line.host-missing')).toBe('fail');
    expect(verdict('http.request.connection.http10-close')).toBe('pass');
    expect(report.exitCode).toBe(2);
    expect(processesWith('gwi-fixture-hangs-on-hostile')).toEqual([]);
  });
});

describe('a hostile request that kills the server', () => {
  it('is an error naming that request, not the next one sent to the dead server; later cases are judged on a fresh one', async () => {
    const report = await runConformance({
      adapter: fixturesDir + 'adapters/crashes-on-hostile', seed: 1, profiles: ['security'],
      cases: ['hostile.framing.cl.overflow', 'hostile.line.host-missing', 'hostile.connection.http10'],
    });
    expect(report.errors.map((e) => e.code)).toEqual(['GWI_SERVER_CRASHED']);
    expect(report.errors[0].message).toContain('Content-Length: 18446744073709551619');
    const verdict = (id: string) => report.results.find((r) => r.ruleId === id)?.verdict;
    expect(verdict('http.request.framing.cl-overflow')).toBe('error');
    expect(verdict('http.request.line.host-missing')).toBe('fail');
    expect(verdict('http.request.connection.http10-close')).toBe('pass');
    expect(report.exitCode).toBe(2);
    expect(processesWith('gwi-fixture-crashes-on-hostile')).toEqual([]);
  });
});
