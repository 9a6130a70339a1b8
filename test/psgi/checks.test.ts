import { describe, expect, it } from 'vitest';
import { response } from '../../harness/psgi/checks.ts';
import type { Observation } from '../../harness/psgi/observation.ts';

const twice: Array<[string, string]> = [['X-Gwi-Twice', 'one'], ['X-Gwi-Twice', 'two']];

function answered(planned: number, sent: number): Observation {
  return {
    request: { method: 'GET', target: '/respond', version: 'HTTP/1.1', headers: [], body: '' },
    port: 1,
    plan: { status: planned, headers: twice, body: ['b'], bodyAs: 'array' },
    response: { status: sent, reason: '', headers: twice, body: 'b', raw: Buffer.alloc(0) },
  };
}
const statusOutcome = (planned: number, sent: number) => response(answered(planned, sent)).find((o) => o.ruleId === 'psgi.response.status');

describe('psgi response status', () => {
  it('passes the status the application returned', () => {
    expect(statusOutcome(209, 209)).toEqual({ ruleId: 'psgi.response.status', ok: true, pointer: '/response/status' });
  });

  it('fails a status RFC 2616 defines that went out as another', () => {
    expect(statusOutcome(201, 500)).toMatchObject({ ok: false, expected: 201, actual: 500 });
  });

  // PSGI: the status SHOULD be one RFC 2616 documents; Apache sends 500 for a code it has no status line for
  it('records a replaced status RFC 2616 does not define as a profile', () => {
    expect(statusOutcome(209, 500)).toMatchObject({ ok: true, profile: 'status outside RFC 2616 sent as 500' });
  });
});
