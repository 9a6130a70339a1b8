import { describe, expect, it } from 'vitest';
import type { RackDriverEvent } from '../../harness/generated/rackDriverProtocol.ts';
import { rackCall } from '../../harness/rack/app/calls.ts';
import { rackApplicationCall } from '../../harness/rack/app/checks.ts';

const str = (text: string) => ({ type: 'String', text });
/** The events of a plain, conformant call: 200, one header, an Array body of one String. */
function events(status = 200, headers: Array<[string, string]> = [['Content-Type', 'text/plain']], streams: RackDriverEvent[] = []): RackDriverEvent[] {
  return [
    ...streams,
    { e: 'returned', type: 'Array', length: 3 },
    { e: 'status', value: { type: 'Integer', text: String(status) }, toI: status },
    { e: 'headers', type: 'Hash', respondsToEach: true, items: headers.map(([k, v]) => ({ key: str(k), value: str(v) })) },
    { e: 'body', type: 'Array', string: false, respondsTo: { each: true, close: false, to_path: false, to_ary: true } },
    { e: 'chunk', index: 0, type: 'String', length: 2 },
    { e: 'iterated', chunks: 1, length: 2 },
  ];
}
const judge = (list: RackDriverEvent[]) => rackApplicationCall({ call: rackCall('GET', '/'), events: list });
const failed = (list: RackDriverEvent[]) => [...new Set(judge(list).filter((o) => !o.ok).map((o) => o.ruleId))];

describe('the Rack application checks', () => {
  it('pass a conformant call and record its profiles', () => {
    expect(failed(events())).toEqual([]);
    const profiles = Object.fromEntries(judge(events()).filter((o) => o.profile).map((o) => [o.ruleId, o.profile]));
    expect(profiles).toEqual({ 'rack.app.raises': 'does not raise', 'rack.app.status.class': 'Integer', 'rack.app.headers.case': 'mixed case', 'rack.app.streams.other-methods': "the SPEC's methods only" });
  });

  it('allow a value of several lines joined by LF, but no CR or TAB within a line (octal 037 and below)', () => {
    expect(failed(events(200, [['set-cookie', 'a=1\nb=2']]))).toEqual([]);
    expect(failed(events(200, [['set-cookie', 'a=1\r\nb=2']]))).toEqual(['rack.app.headers.value-chars']);
    expect(failed(events(200, [['x-tab', 'a\tb']]))).toEqual(['rack.app.headers.value-chars']);
  });

  it('leave rack.* keys to the server, and judge Status and separators in any other key', () => {
    expect(failed(events(200, [['rack.session.x', 'x y']]))).toEqual([]);
    // the driver's env says rack.hijack? false, so a rack.hijack key is the one rack.* key judged
    expect(failed(events(200, [['rack.hijack', 'x y']]))).toEqual(['rack.app.hijack.not-offered']);
    expect(failed(events(200, [['STATUS', '200']]))).toEqual(['rack.app.headers.no-status']);
    expect(failed(events(200, [['x/y', '1']]))).toEqual(['rack.app.headers.name-token']);
  });

  it('forbid Content-Type and Content-Length with 1xx, 204 and 304 only', () => {
    expect(failed(events(304, [['Content-Type', 'text/plain'], ['Content-Length', '0']]))).toEqual(['rack.app.content-type.no-entity', 'rack.app.content-length.no-entity']);
    expect(failed(events(204, [['etag', '"x"']]))).toEqual([]);
    expect(failed(events(205, [['Content-Length', '0']]))).toEqual([]);
  });

  it('judge read([length, [buffer]]) by its arguments', () => {
    const read = (...args: Array<{ type: string; text?: string }>): RackDriverEvent => ({ e: 'input', method: 'read', args });
    expect(failed(events(200, undefined, [read(), read({ type: 'Integer', text: '0' }), read({ type: 'NilClass' }, str(''))]))).toEqual([]);
    expect(failed(events(200, undefined, [read({ type: 'Integer', text: '-1' })]))).toEqual(['rack.app.input.read-arguments']);
    expect(failed(events(200, undefined, [read({ type: 'Integer', text: '4' }, { type: 'NilClass' })]))).toEqual(['rack.app.input.read-arguments']);
  });

  it('take puts of any one object, but write only of a String', () => {
    const errors = (method: string, ...args: Array<{ type: string; text?: string }>): RackDriverEvent => ({ e: 'errors', method, args });
    expect(failed(events(200, undefined, [errors('puts', { type: 'Integer', text: '1' }), errors('write', str('x')), errors('flush')]))).toEqual([]);
    expect(failed(events(200, undefined, [errors('write', { type: 'Symbol' })]))).toEqual(['rack.app.errors.arguments']);
    expect(failed(events(200, undefined, [errors('puts')]))).toEqual(['rack.app.errors.arguments']);
  });
});
