import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../harness/wsgi/observation.ts';
import type { ProbeEvent } from '../../../harness/wsgi/response/events.ts';
import { responseMatchesPlan, sameField } from '../../../harness/wsgi/response/checks.ts';
import { asciiJson, type ResponsePlan } from '../../../harness/wsgi/response/plans.ts';

const started: ProbeEvent = { e: 'start_response', t: 0, n: 1, excInfo: false, callable: true };

function observe(plan: ResponsePlan, status: number, headers: Array<[string, string]>, body: string, events: ProbeEvent[] = [started]): Observation {
  return {
    request: { method: 'GET', target: '/', version: 'HTTP/1.1', headers: [], body: '' },
    port: 1, scriptName: '', plan, events,
    response: { status, reason: '', headers: [['Date', 'Tue, 01 Dec 2026 22:00:00 GMT'], ...headers], body, raw: Buffer.alloc(0) },
  };
}
const failing = (observation: Observation) => responseMatchesPlan(observation).filter((o) => !o.ok).map((o) => o.ruleId);

describe('responseMatchesPlan', () => {
  const plan: ResponsePlan = { id: 'p', status: '404 Gone', headers: [['X-A', '1'], ['X-A', '2']], writes: ['w'], body: ['', 'b'], shape: 'closing' };
  const close: ProbeEvent = { e: 'close', t: 1 };

  it('passes the response the plan asks for', () => {
    expect(failing(observe(plan, 404, [['X-A', '1'], ['X-A', '2']], 'wb', [started, close]))).toEqual([]);
  });

  it('flags contradicting framing fields under http.response.framing: Content-Length beside Transfer-Encoding, or two lengths', () => {
    const sized: ResponsePlan = { id: 'p', headers: [['content-length', '2']], body: ['ok'] };
    expect(failing(observe(sized, 200, [['Content-Length', '2']], 'ok'))).toEqual([]);
    expect(failing(observe(sized, 200, [['content-length', '2'], ['Transfer-Encoding', 'chunked']], 'ok'))).toEqual(['http.response.framing']);
    expect(failing(observe(sized, 200, [['Content-Length', '2'], ['Content-Length', '3']], 'ok'))).toEqual(['http.response.framing']);
  });

  it('accepts repeated headers folded into one line', () => {
    expect(sameField(['1', '2'], ['1, 2'])).toBe(true);
    expect(sameField(['1', '2'], ['2', '1'])).toBe(false);
  });

  it('names each deviation by its rule', () => {
    expect(failing(observe(plan, 200, [['X-A', '1']], 'wb', [started, close]))).toEqual(['wsgi.response.status', 'wsgi.response.headers']);
    expect(failing(observe(plan, 404, [['X-A', '1'], ['X-A', '2']], 'wb', [started]))).toEqual(['wsgi.response.close']);
    expect(failing(observe(plan, 404, [['X-A', '1'], ['X-A', '2']], 'bw', [started, close]))).toEqual(['wsgi.response.write.order']);
    expect(failing(observe(plan, 404, [['X-A', '1'], ['X-A', '2']], 'wbx', [started, close]))).toEqual(['wsgi.response.body']);
  });

  it('wants a Date only when the application gave none', () => {
    const observation = observe(plan, 404, [['X-A', '1'], ['X-A', '2']], 'wb', [started, close]);
    observation.response.headers = observation.response.headers.filter(([n]) => n !== 'Date');
    expect(failing(observation)).toEqual(['wsgi.response.date']);
  });
});

describe('asciiJson', () => {
  it('escapes everything outside printable ASCII, so the plan is a valid field value, and round-trips', () => {
    const value = { body: ['\x00\x7f\xff\r\n"\\'] };
    const text = asciiJson(value);
    expect(text).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
